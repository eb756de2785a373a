import { startGateway, type RunningGateway } from '@shequ/gateway';
import { testGatewaySettings } from '@shequ/gateway/testing';
import { checkDocumentLimits, DEFAULT_DOCUMENT_LIMITS } from '@shequ/kit';
import { graphqlRequest, testToken } from '@shequ/kit/testing';
import { composeSupergraph } from '@shequ/schema';
import { startGraph, type Graph } from './graph-harness';
import { FORGED_CURSORS, paginatedLists } from './hostile-corpus/forged-cursors';

/** A document's depth, as the gateway and every subgraph measure it. */
function depthOf(query: string): number {
  const checked = checkDocumentLimits(query, { ...DEFAULT_DOCUMENT_LIMITS, maxDepth: 1 });
  return 'error' in checked ? Number(checked.error.extensions.actual) : 1;
}

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph.stop());

const analyst = testToken({ sub: 'defences-analyst', roles: ['analyst'], jurisdiction: '620000' });
const COMMUNITY = '620102001001';

describe('the gateway’s plans within the document limits that every subgraph now applies', () => {
  // Governance's part alone is 15 deep (its root fetch is the client's own depth); the department parts sit
  // under entity fetches as deep as the operation allows: service delivery, then volunteers, then public safety.
  const atTheLimit = `{ region(code: "620100") {
    communities(first: 2) { edges { node {
      region { communities(first: 2) { edges { node {
        region { communities(first: 2) { edges { node {
          region { communities(first: 1) { totalCount } }
        } } } }
      } } } }
      serviceRequests(first: 2) { edges { node {
        community { volunteerActivities(first: 2) { edges { node {
          community { safetyIncidents(first: 1) { edges { cursor } } safetyStats { incidentsPer1000Residents } }
        } } } }
      } } }
    } } }
  } }`;

  it('answers an operation exactly at the gateway’s depth limit, across all four subgraphs, without any subgraph refusing its part', async () => {
    expect(depthOf(atTheLimit)).toBe(DEFAULT_DOCUMENT_LIMITS.maxDepth);
    const response = await graphqlRequest(graph.gateway.url, atTheLimit, { token: analyst });
    expect(response.errors).toBeUndefined();
    expect(response.data.region.communities.edges.length).toBeGreaterThan(0);
  });

  it('refuses a subgraph’s own operation one level deeper when sent to the subgraph directly', async () => {
    const governance = graph.subgraphs.governance.url;
    const deep = `{ region(code: "620100") { communities(first: 1) { edges { node { region { communities(first: 1) { edges { node { region { communities(first: 1) { edges { node { region { communities(first: 1) { edges { cursor } } } } } } } } } } } } } } } }`;
    expect(depthOf(deep)).toBe(DEFAULT_DOCUMENT_LIMITS.maxDepth + 1);
    const refused = await graphqlRequest(governance, deep, { token: analyst });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth', actual: 16 });
  });
});

describe('figures a @requires carries, taken only from the gateway', () => {
  const RATES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { serviceStats { welfareFacilitiesPer1000Residents } } } }`;

  it('are refused from a direct caller, who still gets answers for key-only representations', async () => {
    const serviceDelivery = graph.subgraphs['service-delivery'].url;
    const forged = await graphqlRequest(serviceDelivery, RATES, { variables: { r: [{ __typename: 'Community', code: COMMUNITY, population: 1 }] } });
    expect(forged.status).toBe(403);
    expect(forged.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', argument: 'representations' } });
    const keyOnly = await graphqlRequest(serviceDelivery, `{ _entities(representations: [{ __typename: "Community", code: "${COMMUNITY}" }]) { ... on Community { code } } }`);
    expect(keyOnly.errors).toBeUndefined();
    expect(keyOnly.data._entities).toEqual([{ code: COMMUNITY }]);
  });

  it('refuses an empty or malformed code in a representation, naming representations', async () => {
    for (const [name, subgraph] of Object.entries(graph.subgraphs)) {
      const response = await graphqlRequest(subgraph.url, `{ _entities(representations: [{ __typename: "Region", code: "" }]) { ... on Region { code } } }`);
      expect({ name, error: response.errors?.[0].extensions }).toMatchObject({ name, error: { code: 'BAD_USER_INPUT', argument: 'representations' } });
    }
  });

  it('reach the subgraphs from the gateway that shares their key, and from no gateway with another', async () => {
    const query = `{ community(code: "${COMMUNITY}") { name population serviceStats { welfareFacilitiesPer1000Residents } } }`;
    const ours = await graphqlRequest(graph.gateway.url, query);
    expect(ours.errors).toBeUndefined();
    expect(ours.data.community.serviceStats.welfareFacilitiesPer1000Residents).toBeGreaterThan(0);
    let stranger: RunningGateway | undefined;
    try {
      const urls = Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
      stranger = await startGateway(testGatewaySettings(urls, { signingKey: 'a-key-the-subgraphs-do-not-share-0123456789' }));
      const theirs = await graphqlRequest(stranger.url, query);
      expect(theirs.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(theirs.errors?.[0].message).toContain('population');
      // Key-only entity fetches need no signature: the department's own records still come through.
      const keyOnly = await graphqlRequest(stranger.url, `{ community(code: "${COMMUNITY}") { name serviceRequests(first: 1) { totalCount } } }`, { token: analyst });
      expect(keyOnly.errors).toBeUndefined();
      expect(keyOnly.data.community.serviceRequests.totalCount).toBeGreaterThan(0);
    } finally {
      await stranger?.stop();
    }
  });
});

describe('forged cursors at every list', () => {
  const auditLogFields = [...composeSupergraph().matchAll(/^ {2}(\w*[aA]uditLog)\(/gm)].map((match) => match[1]);
  const lists = paginatedLists(auditLogFields);

  it('cover every paginated field of the graph', () => {
    const paginated = [...composeSupergraph().matchAll(/^ {4}after: String/gm)];
    expect(lists).toHaveLength(paginated.length);
  });

  it.each(lists.map((list) => [list.name, list] as const))('%s: BAD_USER_INPUT naming after', async (_name, list) => {
    for (const after of [FORGED_CURSORS[0], FORGED_CURSORS[3]]) {
      const response = await graphqlRequest(graph.gateway.url, list.document, { variables: { a: after }, token: list.token });
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
      expect(response.errors?.[0].message).toMatch(new RegExp(`^after: .*${list.refusal ?? 'not a cursor returned by this list'}`));
    }
  });
});
