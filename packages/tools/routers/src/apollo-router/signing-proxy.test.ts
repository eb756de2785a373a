import { StartupError } from '@shequ/kit';
import { graphqlRequest, TEST_SIGNING_KEY, type TestSubgraph } from '@shequ/kit/testing';
import { startSubgraphs, subgraphUrls } from '../testing/graph';
import { readSigningProxyEnvironment, SIGNING_PROXY_PORT } from './environment';
import { startSigningProxy, type RunningSigningProxy } from './signing-proxy';

/*
 * The proxy Apollo Router sends its subgraph requests through: what the
 * Router cannot do itself, signing each request, it does — checked against
 * real subgraphs, which take a figure in an entity representation only from
 * a signed request.
 */
const ENTITIES = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Region { safetyStats { incidentsPer1000Residents } } } }';
// What the Router sends public safety for a region's rates: the population governance resolved (a @requires figure).
const representations = [{ __typename: 'Region', code: '620100', population: 1000, communityCount: 2 }];

let subgraphs: Record<string, TestSubgraph>;
let proxy: RunningSigningProxy;

beforeAll(async () => {
  subgraphs = await startSubgraphs({}, ['governance', 'public-safety']);
  proxy = await startSigningProxy({ host: '127.0.0.1', port: 0, signingKey: TEST_SIGNING_KEY, subgraphUrls: subgraphUrls(subgraphs), timeoutMs: 10_000 });
});

afterAll(async () => {
  await proxy?.stop();
  await Promise.all(Object.values(subgraphs ?? {}).map((subgraph) => subgraph.stop()));
});

describe('the signing proxy', () => {
  it('is needed: a subgraph refuses a figure in a representation from an unsigned request', async () => {
    const direct = await graphqlRequest(subgraphs['public-safety'].url, ENTITIES, { variables: { representations } });
    expect(direct.errors?.[0].message).toMatch(/accepted only in requests signed by the gateway/);
  });

  it('passes the request on signed, byte for byte, and the answer back', async () => {
    const answer = await graphqlRequest(`${proxy.url}/public-safety`, ENTITIES, { variables: { representations }, headers: { 'x-request-id': 'router-request-1' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ _entities: [{ safetyStats: { incidentsPer1000Residents: expect.any(Number) } }] });
  });

  it("passes the caller's token on, so the subgraph still applies its own rules", async () => {
    const answer = await graphqlRequest(`${proxy.url}/public-safety`, '{ supervisedPersons(communityCode: "620102001001") { id } }', { headers: { authorization: 'Bearer not-a-token' } });
    expect(answer.status).toBe(401);
    expect(answer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves only the subgraphs it was given', async () => {
    const response = await fetch(`${proxy.url}/elsewhere`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
  });
});

describe('its environment', () => {
  it('needs the signing key outside development, and defaults to the port router.yaml names', () => {
    expect(() => readSigningProxyEnvironment({ NODE_ENV: 'production' })).toThrow(StartupError);
    const settings = readSigningProxyEnvironment({ NODE_ENV: 'production', SUBGRAPH_SIGNING_KEY: TEST_SIGNING_KEY, GOVERNANCE_URL: 'http://governance.internal/graphql' });
    expect(settings).toMatchObject({ host: '127.0.0.1', port: SIGNING_PROXY_PORT, timeoutMs: 10_000 });
    expect(settings.subgraphUrls.governance).toBe('http://governance.internal/graphql');
    expect(settings.subgraphUrls.volunteers).toBe('http://localhost:4003/graphql');
  });
});
