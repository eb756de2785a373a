import { signToken } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { startGateway, type RunningGateway } from './gateway';
import type { GatewaySettings } from './environment';
import { testGatewaySettings } from './testing/test-settings';

let governance: TestSubgraph;
let gateway: RunningGateway;

const settings = (overrides: Partial<GatewaySettings> = {}) => testGatewaySettings({ governance: governance.url }, { subgraphTimeoutMs: 5000, ...overrides });

beforeAll(async () => {
  governance = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(governance.dataSource);
  gateway = await startGateway(settings());
});

afterAll(async () => {
  await gateway.stop();
  await governance.stop();
});

describe('the gateway over the committed supergraph', () => {
  it('answers a prefecture, its counties and their first communities', async () => {
    const { data, errors } = await graphqlRequest(
      gateway.url,
      `{ region(code: "620100") { name children { code communities(first: 5) { totalCount edges { node { code name region { code } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.region.name).toBe('兰州市');
    expect(data.region.children.map((county: { code: string }) => county.code)).toEqual(['620102', '620103']);
    const [chengguan, qilihe] = data.region.children;
    expect(chengguan.communities.totalCount).toBe(5);
    expect(chengguan.communities.edges.map((edge: { node: { code: string } }) => edge.node.code)).toEqual([
      '620102001001',
      '620102001002',
      '620102001003',
      '620102002001',
      '620102002002',
    ]);
    expect(chengguan.communities.edges[3].node.region.code).toBe('620102002');
    expect(qilihe.communities).toMatchObject({ totalCount: 1, edges: [{ node: { code: '620103001001', name: '西园社区' } }] });
  });

  it('passes a subgraph input error through with its code and message', async () => {
    const { errors } = await graphqlRequest(gateway.url, `{ community(code: "abc") { code } }`);
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain('expected 12 digits');
  });

  it('rejects a bad token itself, before any subgraph is called', async () => {
    const before = governance.statements.statements;
    const { status, errors } = await graphqlRequest(gateway.url, `{ region(code: "620100") { name } }`, { token: testToken({ expiresIn: -300 }) });
    expect(status).toBe(401);
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(governance.statements.statements).toBe(before);
  });

  it('forwards the Authorization header: a subgraph that trusts another secret refuses the token', async () => {
    const otherSecret = 'a-gateway-secret-the-subgraph-does-not-know';
    const misconfigured = await startGateway(settings({ tokens: { secret: otherSecret } }));
    try {
      const token = signToken({ sub: 'u', roles: ['analyst'], jurisdiction: '620000' }, otherSecret);
      const { data, errors } = await graphqlRequest(misconfigured.url, `{ region(code: "620100") { name } }`, { token });
      expect(data?.region ?? null).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const withoutToken = await graphqlRequest(misconfigured.url, `{ region(code: "620100") { name } }`);
      expect(withoutToken.data.region.name).toBe('兰州市');
    } finally {
      await misconfigured.stop();
    }
  });

  it('makes its own request id, which the subgraph stores in audit rows, and never the caller’s', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42', authorization: `Bearer ${testToken({ roles: ['community_worker'], jurisdiction: '620102' })}` },
      body: JSON.stringify({
        query: 'mutation ($input: RegisterPracticalProjectInput!) { registerPracticalProject(input: $input) { id } }',
        variables: { input: { communityCode: '620102001001', year: 2026, title: '路灯更换', budget: 1000, fundingSource: 'STATE' } },
      }),
    });
    const { data } = (await response.json()) as { data: { registerPracticalProject: { id: string } } };
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await governance.dataSource.query(`SELECT request_id FROM governance.audit_log WHERE $1 = ANY(target_ids)`, [data.registerPracticalProject.id]);
    // The gateway signed its request to the subgraph, so the subgraph took the gateway's id.
    expect(row.request_id).toBe(requestId);
  });

  it('outside development, lets only signed-in callers introspect', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const anonymous = await graphqlRequest(gateway.url, introspection);
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const signedIn = await graphqlRequest(gateway.url, introspection, { token: testToken() });
    expect(signedIn.data.__schema.queryType.name).toBe('Query');
  });
});

describe('identical queries in flight', () => {
  it('share one subgraph fetch per identical request, while each caller gets a whole answer', async () => {
    const query = `{ region(code: "620100") { name children { code communities(first: 2) { totalCount } } } }`;
    const before = governance.statements.statements;
    const single = await graphqlRequest(gateway.url, query);
    const perRequest = governance.statements.statements - before;
    const start = governance.statements.statements;
    const answers = await Promise.all(Array.from({ length: 20 }, () => graphqlRequest(gateway.url, query)));
    expect(answers.every((answer) => JSON.stringify(answer.data) === JSON.stringify(single.data))).toBe(true);
    expect(governance.statements.statements - start).toBeLessThan(20 * perRequest);
  });

  describe('executed once for callers with the same token', () => {
    const METRICS_TOKEN = 'a-metrics-token-of-at-least-32-characters';
    let sharing: RunningGateway;
    beforeAll(async () => {
      sharing = await startGateway(settings({ metricsToken: METRICS_TOKEN }));
    });
    afterAll(() => sharing.stop());

    const sharedSoFar = async () => {
      const text = await (await fetch(sharing.url.replace('/graphql', '/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      return Number(/^shequ_gateway_shared_operations_total(?:{[^}]*})? (\d+)/m.exec(text)?.[1] ?? NaN);
    };
    const QUERY = `query Counties($code: String!) { region(code: $code) { name children { code communities(first: 3) { totalCount edges { node { code } } } } } }`;

    it('answers identical queries arriving together from one execution, each caller the whole answer', async () => {
      const token = testToken();
      const alone = await graphqlRequest(sharing.url, QUERY, { variables: { code: '620100' }, token });
      const before = await sharedSoFar();
      const answers = await Promise.all(Array.from({ length: 20 }, () => graphqlRequest(sharing.url, QUERY, { variables: { code: '620100' }, token })));
      expect(answers.every((answer) => answer.errors === undefined && JSON.stringify(answer.data) === JSON.stringify(alone.data))).toBe(true);
      expect((await sharedSoFar()) - before).toBeGreaterThan(0);
    });

    it('never shares between tokens, nor across variables', async () => {
      const before = await sharedSoFar();
      const tokens = Array.from({ length: 10 }, (_, index) => testToken({ sub: `caller-${index}` }));
      const answers = await Promise.all([
        ...tokens.map((token) => graphqlRequest(sharing.url, QUERY, { variables: { code: '620100' }, token })),
        graphqlRequest(sharing.url, QUERY, { variables: { code: '620102' }, token: tokens[0] }),
      ]);
      expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
      expect(answers.slice(0, 10).every((answer) => answer.data.region.name === '兰州市')).toBe(true);
      expect(answers[10].data.region.name).not.toBe('兰州市');
      expect((await sharedSoFar()) - before).toBe(0);
    });
  });
});

describe('browsers and scrapers', () => {
  const CONSOLE = 'https://console.example.gov.cn';
  const METRICS_TOKEN = 'a-metrics-token-of-at-least-32-characters';
  let exposed: RunningGateway;
  beforeAll(async () => {
    exposed = await startGateway(settings({ corsOrigins: [CONSOLE], metricsToken: METRICS_TOKEN }));
  });
  afterAll(() => exposed.stop());

  it('lets only the allowed origins call the graph from a browser', async () => {
    const preflight = (origin: string) => fetch(exposed.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const allowed = await preflight(CONSOLE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await fetch(exposed.url, { method: 'POST', headers: { origin: CONSOLE, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ region(code: "620100") { name } }' }) });
    expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(answer.headers.get('vary')).toContain('Origin');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('strict-transport-security')).toContain('max-age');
  });

  it('serves no IDE and sends no browser to one unless IDE is on', async () => {
    const base = exposed.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/ide/`)).status).toBe(404);
    expect((await fetch(`${base}/ide/ide.js`)).status).toBe(404);
    const page = await fetch(exposed.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).not.toBe(302);
    expect(page.headers.get('location')).toBeNull();
  });

  it('shows /metrics outside development only to the bearer of METRICS_TOKEN', async () => {
    const base = exposed.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${testToken()}` } })).status).toBe(404);
    const scraped = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('shequ_graphql_requests_total');
    expect((await fetch(`${gateway.url.replace(/\/graphql$/, '')}/metrics`)).status).toBe(404);
  });
});
