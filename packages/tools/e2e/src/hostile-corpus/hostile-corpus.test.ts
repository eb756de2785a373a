import { composeSupergraph, databaseSchemaOf, DEPARTMENTS } from '@shequ/schema';
import { corpusAnalyst as analyst, graphqlRequest, type HostileRequest } from '@shequ/kit/testing';
import { auditLogInputs } from './audit-log-inputs';
import { forgedCursors } from './forged-cursors';
import { startGraph, subgraphsUnderTest, type Graph } from '../graph-harness';
import { hostileRequests } from './hostile-requests';
import { problems } from './response-checks';
import { fingerprint, type Fingerprint } from './row-fingerprint';
import { tokenAbuse } from './token-abuse';

// Every audit-log query the running schema serves, whatever each subgraph names it.
const auditLogFields = [...composeSupergraph().matchAll(/^ {2}(\w*[aA]uditLog)\(/gm)].map((match) => match[1]);

// Each subgraph's own hostile inputs come from its testing entry: a new department's join the corpus with no edit here.
const subgraphInputs = subgraphsUnderTest().flatMap(({ name, testing }) => (testing.hostileInputs ? [[name, testing.hostileInputs()] as const] : []));

const corpus = {
  transport: hostileRequests(),
  ...Object.fromEntries(subgraphInputs),
  'audit logs': auditLogInputs(auditLogFields),
  'forged cursors': forgedCursors(auditLogFields),
  tokens: tokenAbuse(),
};
const all = Object.values(corpus).flat();

let graph: Graph;
let before: Record<string, Fingerprint>;

async function fingerprints(): Promise<Record<string, Fingerprint>> {
  const entries = await Promise.all(Object.entries(graph.subgraphs).map(async ([name, subgraph]) => [name, await fingerprint(subgraph.dataSource)] as const));
  return Object.fromEntries(entries);
}

async function send(request: HostileRequest): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {};
  if (request.contentType !== null) {
    headers['content-type'] = request.contentType ?? 'application/json';
  }
  if (request.token !== undefined) {
    headers.authorization = `Bearer ${request.token}`;
  }
  const response = await fetch(`${graph.gateway.url}${request.search ?? ''}`, {
    method: request.method ?? 'POST',
    headers,
    body: request.method === 'GET' ? undefined : request.body,
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  graph = await startGraph();
  before = await fingerprints();
});

afterAll(async () => {
  await graph?.stop();
});

describe('the hostile-input corpus through the gateway, against all four subgraphs', () => {
  it('holds well over 100 requests, with every department’s inputs and the token abuse in it', () => {
    expect(all.length).toBeGreaterThanOrEqual(1000);
    expect(auditLogFields.length).toBeGreaterThanOrEqual(4);
    for (const part of Object.values(corpus)) {
      expect(part.length).toBeGreaterThanOrEqual(40);
    }
  });

  it('fingerprints every table of every department, audit logs included', () => {
    const tables = Object.values(before).flatMap((tablesOf) => Object.keys(tablesOf));
    for (const schema of DEPARTMENTS.map(databaseSchemaOf)) {
      expect(tables).toContain(`${schema}.audit_log`);
      // Its own records besides the audit log and the migrations table.
      expect(tables.filter((table) => table.startsWith(`${schema}.`) && !/\.(audit_log|migrations)$/.test(table)).length).toBeGreaterThan(0);
    }
    expect(before.governance['governance.community'].rows).toBeGreaterThan(0);
  });

  describe.each(Object.entries(corpus))('%s', (_part, requests) => {
    it.each(requests.map((request) => [request.name, request] as const))('%s', async (_name, request) => {
      const { status, text } = await send(request);
      expect({ request: request.name, problems: problems(request, status, text) }).toEqual({ request: request.name, problems: [] });
    });
  });

  it('leaves every row of every table as it was, audit logs included', async () => {
    const after = await fingerprints();
    for (const name of Object.keys(before)) {
      expect({ subgraph: name, tables: after[name] }).toEqual({ subgraph: name, tables: before[name] });
    }
  });

  it('keeps serving a query across all four subgraphs afterwards', async () => {
    const { status, data, errors } = await graphqlRequest(
      graph.gateway.url,
      `{ community(code: "620102001001") { name serviceStats { facilityCount } volunteerStats { registeredVolunteers } safetyStats { incidentsLast12Months } } }`,
      { token: analyst },
    );
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data.community).toEqual({
      name: '幸福社区',
      serviceStats: { facilityCount: 3 },
      volunteerStats: { registeredVolunteers: 2 },
      safetyStats: { incidentsLast12Months: 3 },
    });
  });
});
