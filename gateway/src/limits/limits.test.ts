import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { startGateway, type RunningGateway } from '../gateway';
import { DEFAULT_LIMITS } from './operation-limits';
import { sha256 } from './trusted-documents';
import { testGatewaySettings } from '../testing/test-settings';

let governance: TestSubgraph;
let gateway: RunningGateway;
let trustedGateway: RunningGateway;
let manifestFolder: string;

const REGISTERED = '{ region(code: "620100") { name } }';
const baseSettings = () =>
  testGatewaySettings(
    { governance: governance.url },
    {
      subgraphTimeoutMs: 5000,
      limits: { ...DEFAULT_LIMITS, maxDepth: 8, maxAliases: 5, maxTokens: 400, maxDirectives: 4, costBudget: { anonymous: 300, signedIn: 1000, analyst: 20_000 } },
      maxBodyBytes: 20_000,
    },
  );

beforeAll(async () => {
  governance = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(governance.dataSource);
  gateway = await startGateway(baseSettings());
  manifestFolder = mkdtempSync(join(tmpdir(), 'shequ-manifest-'));
  const manifest = join(manifestFolder, 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ [sha256(REGISTERED)]: REGISTERED }));
  trustedGateway = await startGateway({ ...baseSettings(), trustedDocumentsPath: manifest, anonymousOnlyTrusted: true });
});

afterAll(async () => {
  await trustedGateway.stop();
  await gateway.stop();
  await governance.stop();
  rmSync(manifestFolder, { recursive: true, force: true });
});

async function rejectedBeforeAnySubgraph(query: string, token?: string, variables?: Record<string, unknown>) {
  const before = governance.statements.statements;
  const response = await graphqlRequest(gateway.url, query, { token, variables });
  expect(governance.statements.statements).toBe(before);
  return response;
}

describe('operation limits at the gateway', () => {
  it.each([
    ['depth', `{ region(code: "620000") { children { children { children { children { children { children { children { code } } } } } } } } }`, 'depth is 9, over the limit of 8 by 1'],
    ['aliases', `{ a: region(code: "620000") { code } b: region(code: "620000") { code } c: region(code: "620000") { code } d: region(code: "620000") { code } e: region(code: "620000") { code } f: region(code: "620000") { code } }`, 'alias count is 6, over the limit of 5 by 1'],
    ['directives', `{ region(code: "620000") { code @include(if: true) name @include(if: true) level @skip(if: false) population @skip(if: false) households @skip(if: false) } }`, 'directive count is 5, over the limit of 4 by 1'],
    ['tokens', `{ region(code: "620000") { ${'code '.repeat(450)} } }`, 'token count is'],
    ['page size', `{ communities(first: 500) { totalCount } }`, 'page size (first) is 500, over the limit of 100 by 400'],
    ['cost', `{ regions(parentCode: "620000") { children { children { code name } } } }`, 'estimated cost is'],
    ['page size, from a variable default the request does not send,', `query ($n: Int! = 1000) { communities(first: $n) { totalCount } }`, 'page size (first) is 1000, over the limit of 100 by 900'],
    ['cost, from variable defaults the request does not send,', `query ($n: Int! = 100, $m: Int! = 100) { region(code: "620000") { communities(first: $n) { edges { node { code name tier } } } children { communities(first: $m) { totalCount } } } }`, 'estimated cost is'],
    ['cost, from the schema default of first,', `{ region(code: "620000") { communities { totalCount edges { node { code name tier population households } } } children { communities { totalCount } } } }`, 'estimated cost is 457'],
  ])('rejects an operation over the %s limit, saying which and by how much, before any subgraph', async (_limit, query, message) => {
    const { status, data, errors } = await rejectedBeforeAnySubgraph(query);
    expect(status).toBe(400);
    expect(data ?? null).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toContain(message);
  });

  it('gives analysts a larger cost budget than anonymous callers, and tells anonymous callers so', async () => {
    const query = `{ regions(parentCode: "620000") { children { children { code name } } } }`;
    const anonymous = await graphqlRequest(gateway.url, query);
    expect(anonymous.errors?.[0].extensions).toMatchObject({ limit: 'estimated cost', maximum: 300 });
    expect(anonymous.errors?.[0].message).toContain('signing in raises the budget');
    const analyst = await graphqlRequest(gateway.url, query, { token: testToken({ roles: ['analyst'] }) });
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data.regions.length).toBeGreaterThan(0);
  });

  it('caps how often one operation selects a heavy field, aliases and fragments included', async () => {
    const ranking = 'rankCommunitiesByVolunteering(regionCode: "620000", metric: ACTIVE_VOLUNTEERS) { value }';
    const query = `{ a: ${ranking} b: ${ranking} ...F ...F } fragment F on Query { ${ranking} }`;
    const { status, errors } = await rejectedBeforeAnySubgraph(query, testToken({ roles: ['analyst'] }));
    expect(status).toBe(400);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'selections of the heavy field Query.rankCommunitiesByVolunteering', maximum: 3, actual: 4 });
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(30_000) }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses batched requests', async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) });
    expect(response.status).toBe(400);
  });

  it('gives no field suggestions outside development', async () => {
    const { errors } = await graphqlRequest(gateway.url, `{ regon(code: "620000") { code } }`);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).not.toMatch(/Did you mean/);
  });
});

describe('persisted and trusted documents', () => {
  it('answers automatic persisted queries: a hash alone first, then the hash with its document, then the hash alone', async () => {
    const query = '{ region(code: "620200") { name } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const post = (body: object) => fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    expect((await post({ extensions })).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions })).data.region.name).toBe('嘉峪关市');
    expect((await post({ extensions })).data.region.name).toBe('嘉峪关市');
  });

  it('serves a registered document by id, and only registered documents to anonymous callers when so set', async () => {
    const post = (body: object, token?: string) =>
      fetch(trustedGateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    expect((await post({ documentId: `sha256:${sha256(REGISTERED)}` })).body.data.region.name).toBe('兰州市');
    expect((await post({ query: REGISTERED })).body.data.region.name).toBe('兰州市');
    const adHoc = await post({ query: '{ region(code: "620200") { name } }' });
    expect(adHoc.status).toBe(403);
    expect(adHoc.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const analyst = await post({ query: '{ region(code: "620200") { name } }' }, testToken({ roles: ['analyst'] }));
    expect(analyst.body.data.region.name).toBe('嘉峪关市');
    expect((await post({ documentId: 'sha256:0000' })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
