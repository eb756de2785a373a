import { startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { startGateway, type RunningGateway } from '../gateway';
import { testGatewaySettings } from '../testing/test-settings';
import { exportFileName } from './export-endpoint';

let governance: TestSubgraph;
let gateway: RunningGateway;
let exportUrl: string;

beforeAll(async () => {
  governance = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(governance.dataSource);
  gateway = await startGateway(testGatewaySettings({ governance: governance.url }, { subgraphTimeoutMs: 5000, maxBodyBytes: 20_000 }));
  exportUrl = gateway.url.replace(/\/graphql$/, '/export');
});

afterAll(async () => {
  await gateway.stop();
  await governance.stop();
});

const INPUT = { level: 'COUNTY', within: ['620100'], indicators: ['POPULATION'] };
const analyst = testToken({ sub: 'export-analyst', roles: ['analyst'], jurisdiction: '620000' });

async function post(body: string, token?: string) {
  const response = await fetch(exportUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: (await response.json()) as any };
}

async function get(search: Record<string, string>, token?: string) {
  const response = await fetch(`${exportUrl}?${new URLSearchParams(search)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
}

describe('POST /export and GET /export refuse before the first byte, as JSON errors with the graph’s status', () => {
  it.each([
    ['a body that is not JSON', '{"format": "csv", "input": ', 'body', 'is not valid JSON'],
    ['a body that is not an object', '["csv"]', 'body', 'must be a JSON object'],
    ['an unknown format', JSON.stringify({ format: 'pdf', input: INPUT }), 'format', 'must be "csv" or "xlsx", not "pdf"'],
    ['no format', JSON.stringify({ input: INPUT }), 'format', 'not null'],
    ['an unknown language', JSON.stringify({ format: 'csv', input: INPUT, language: 'fr' }), 'language', 'must be "zh" or "en", not "fr"'],
    ['no input', JSON.stringify({ format: 'xlsx' }), 'input', 'must be an IndicatorTableInput object'],
  ])('%s: 400 BAD_USER_INPUT naming it', async (_case, body, argument, message) => {
    const before = governance.statements.statements;
    const { status, type, disposition, body: answer } = await post(body, analyst);
    expect(status).toBe(400);
    expect(type).toBe('application/json');
    expect(disposition).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(answer.errors[0].message).toContain(`${argument}: `);
    expect(answer.errors[0].message).toContain(message);
    expect(governance.statements.statements).toBe(before);
  });

  it('GET with input that is not JSON: 400 BAD_USER_INPUT naming input', async () => {
    const { status, body } = await get({ format: 'csv', input: '{level: COUNTY}', language: 'en' }, analyst);
    expect(status).toBe(400);
    expect(body.errors[0]).toEqual({ message: 'input: is not valid JSON', extensions: { code: 'BAD_USER_INPUT', argument: 'input' } });
  });

  it('GET with an unknown format: 400 BAD_USER_INPUT naming format', async () => {
    const { status, body } = await get({ format: 'ods', input: JSON.stringify(INPUT) }, analyst);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'format' });
  });

  it.each([
    ['expired', testToken({ expiresIn: -300 })],
    ['signed with another secret', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('a token that is %s: 401 UNAUTHENTICATED, whatever the body', async (_case, token) => {
    const before = governance.statements.statements;
    const { status, body } = await post(JSON.stringify({ format: 'csv', input: INPUT }), token);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/token/);
    expect(governance.statements.statements).toBe(before);
  });

  it('another method: 400 BAD_USER_INPUT naming the method', async () => {
    const response = await fetch(exportUrl, { method: 'PUT', headers: { authorization: `Bearer ${analyst}` }, body: '{}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'method' });
  });

  it('a body over the size limit: 413', async () => {
    const response = await fetch(exportUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'csv', input: INPUT, padding: 'x'.repeat(30_000) }) });
    expect(response.status).toBe(413);
  });

  it('a well-formed request goes through the graph’s own checks, whose refusal it passes on with its status and code', async () => {
    // The code check runs before any subgraph is asked: a prefecture nobody has is NOT_FOUND, as on /graphql.
    const { status, body } = await post(JSON.stringify({ format: 'csv', input: { ...INPUT, within: ['629900'] }, language: 'en' }), analyst);
    expect(status).toBe(404);
    expect(body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.within' });
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|node_modules/);
  });
});

describe('the file name', () => {
  it.each([
    ['COUNTY', '2026-Q3', 'csv', 'indicators-county-2026-Q3.csv'],
    ['COMMUNITY', '2025-12..2026-11', 'xlsx', 'indicators-community-2025-12_2026-11.xlsx'],
    ['PROVINCE', '2026', 'csv', 'indicators-province-2026.csv'],
    ['"; rm -rf', '2026-10', 'csv', 'indicators-rm-rf-2026-10.csv'],
  ] as const)('of a %s table for %s as %s is %s', (level, period, format, name) => {
    expect(exportFileName(level, period, format)).toBe(name);
  });
});
