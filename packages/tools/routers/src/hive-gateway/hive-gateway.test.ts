import { TEST_JWT_SECRET, type TestSubgraph } from '@shequ/kit/testing';
import type { RunningGateway } from '@shequ/gateway';
import { hiveGatewayEnvironment, startHiveGateway, startPlatformGateway, startSubgraphs, type RunningHiveGateway } from '../testing/graph';
import { codesOf, postGraphql } from '../testing/http';
import { signTestToken, TEST_AUDIENCE, TEST_ISSUER } from '../testing/tokens';
import { CLIENT_MANIFEST_PATH } from './environment';
import { readTrustedDocuments } from './trusted-documents';

/*
 * Hive Gateway with this package's configuration, as its command line runs
 * it, in front of every subgraph on its fixture — beside the platform's own
 * gateway over the same subgraphs, both trusting @shequ/client's manifest,
 * with anonymous callers held to it, and checking issuer and audience.
 */
const manifest = [...readTrustedDocuments(CLIENT_MANIFEST_PATH)];
const operationName = (document: string) => /^query (\w+)/.exec(document)?.[1];

let subgraphs: Record<string, TestSubgraph>;
let platform: RunningGateway;
let hive: RunningHiveGateway;
let analyst: string;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  platform = await startPlatformGateway(subgraphs, {
    tokens: { secret: TEST_JWT_SECRET, issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
    trustedDocumentsPath: CLIENT_MANIFEST_PATH,
    anonymousOnlyTrusted: true,
  });
  hive = await startHiveGateway(hiveGatewayEnvironment(subgraphs, { JWT_ISSUER: TEST_ISSUER, JWT_AUDIENCE: TEST_AUDIENCE, TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS: 'true' }));
  analyst = await signTestToken();
  // The statistics store answers from what it collected: fill it before anything asks it.
  const refreshed = await postGraphql(platform.url, { query: 'mutation { refreshStatistics(full: true) { finishedAt } }' }, { token: await signTestToken({ roles: ['admin'] }) });
  expect(refreshed.errors).toBeUndefined();
});

afterAll(async () => {
  await hive?.stop();
  await platform?.stop();
  await Promise.all(Object.values(subgraphs ?? {}).map((subgraph) => subgraph.stop()));
});

/** The same request through both gateways. */
async function both(body: Record<string, unknown>, token?: string) {
  const [throughHive, throughPlatform] = await Promise.all([postGraphql(hive.url, body, { token }), postGraphql(platform.url, body, { token })]);
  return { hive: throughHive, platform: throughPlatform };
}

/** `{ region(code: "620102") { parent { … { code } } } }`, `depth` fields deep, optionally through an inline fragment at every level. */
function regionChain(depth: number, fragments = false): string {
  const parents = depth - 2;
  const open = fragments ? 'parent { ... on Region { ' : 'parent { ';
  const close = fragments ? ' } }' : ' }';
  return `{ region(code: "620102") { ${open.repeat(parents)}code${close.repeat(parents)} } }`;
}

describe('the same answers as the platform gateway', () => {
  it.each(manifest.map(([hash, document]) => [operationName(document), hash]))('%s, by its registered id, for an analyst and for an anonymous caller', async (_name, hash) => {
    const forAnalyst = await both({ documentId: `sha256:${hash}` }, analyst);
    expect(forAnalyst.hive.errors).toBeUndefined();
    expect(forAnalyst.hive.status).toBe(200);
    expect(forAnalyst.hive.data).toBeTruthy();
    expect(forAnalyst.hive.data).toEqual(forAnalyst.platform.data);
    const anonymously = await both({ documentId: `sha256:${hash}` });
    expect(anonymously.hive.errors).toBeUndefined();
    expect(anonymously.hive.data).toEqual(forAnalyst.hive.data);
    // The one difference: the platform's budget for anonymous callers (see the next test).
    if (!anonymously.platform.errors) {
      expect(anonymously.hive.data).toEqual(anonymously.platform.data);
    }
  });

  it('one cost budget for every caller: an anonymous caller runs a registered table the platform keeps within the signed-in budget', async () => {
    const [hash] = manifest.find(([, document]) => operationName(document) === 'IndicatorTable') ?? [];
    const anonymously = await both({ documentId: `sha256:${hash}` });
    expect(anonymously.platform.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'estimated cost', maximum: 10000 });
    expect(anonymously.hive.errors).toBeUndefined();
  });

  it("an analyst's ad-hoc query across every department, figures handed over by @requires included", async () => {
    const query = `{ region(code: "620100") { name population
      serviceStats { welfareFacilitiesPer1000Residents resolvedWithin15DaysRate }
      volunteerStats { registeredVolunteersPer100Residents }
      safetyStats { incidentsPer1000Residents policeLiaisonCoverage }
      assessment { score missingComponents components { name score } }
      communities(first: 5) { totalCount edges { node { code name tier assessment { score } } } } } }`;
    const answers = await both({ query }, analyst);
    expect(answers.hive.errors).toBeUndefined();
    // Rates per resident need the population governance hands over: a subgraph takes it only from a signed request.
    expect((answers.hive.data as { region: { safetyStats: { incidentsPer1000Residents: unknown } } }).region.safetyStats.incidentsPer1000Residents).toEqual(expect.any(Number));
    expect(answers.hive.data).toEqual(answers.platform.data);
  });

  it("a subgraph's own refusal (a restricted read outside the caller's roles) reaches the caller unchanged", async () => {
    const answers = await both({ query: '{ supervisedPersons(communityCode: "620102001001") { id } }' }, analyst);
    expect(codesOf(answers.hive)).toEqual(['FORBIDDEN']);
    expect(answers.hive.errors).toEqual(answers.platform.errors);
    expect(answers.hive.data).toEqual({ supervisedPersons: null });
  });
});

describe('tokens refused at the edge', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const refusals: [string, () => Promise<string>, string][] = [
    ['expired (beyond the 30 s of skew)', () => signTestToken({ expiresAt: now() - 120 }), 'Unauthenticated'],
    ['signed with another secret', () => signTestToken({ key: { secret: 'another-secret-0123456789abcdef-0123' } }), 'Unauthenticated'],
    ['for another audience', () => signTestToken({ audience: 'another-api' }), 'Unauthenticated'],
    ['from another issuer', () => signTestToken({ issuer: 'https://elsewhere.test' }), 'Unauthenticated'],
    ['without an expiry', () => signTestToken({ expiresAt: null }), 'token has no expiry'],
    ['living longer than JWT_MAX_LIFETIME', () => signTestToken({ expiresAt: now() + 25 * 3600 }), 'token lifetime is over the maximum of 86400 s'],
  ];

  it.each(refusals)('a token %s: 401 UNAUTHENTICATED, no subgraph called', async (_case, token, message) => {
    const before = Object.values(subgraphs).reduce((sum, subgraph) => sum + subgraph.statements.statements, 0);
    const answer = await postGraphql(hive.url, { query: '{ regions { code } }' }, { token: await token() });
    expect(answer.status).toBe(401);
    expect(answer.errors).toEqual([{ message, extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(Object.values(subgraphs).reduce((sum, subgraph) => sum + subgraph.statements.statements, 0)).toBe(before);
  });

  it('an Authorization header that is not a bearer token: 401 UNAUTHENTICATED', async () => {
    const answer = await postGraphql(hive.url, { query: '{ regions { code } }' }, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(answer.status).toBe(401);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('a token within the skew allowance still works', async () => {
    const answer = await postGraphql(hive.url, { query: '{ regions(level: PREFECTURE) { code } }' }, { token: await signTestToken({ expiresAt: now() - 5 }) });
    expect(answer.errors).toBeUndefined();
  });
});

describe('trusted documents', () => {
  it('refuses an anonymous caller a document it sends as text, as the platform does', async () => {
    const answers = await both({ query: '{ regions { code } }' });
    expect(answers.hive.status).toBe(403);
    expect(answers.hive.errors).toEqual([
      { message: 'callers without a token may run registered operations only: send a registered document id, or sign in', extensions: { code: 'FORBIDDEN' } },
    ]);
    expect(answers.platform.errors).toEqual(answers.hive.errors);
  });

  it('runs a registered document for an anonymous caller by its Apollo persisted-query hash too', async () => {
    const [hash] = manifest.find(([, document]) => operationName(document) === 'RegionChildren') ?? [];
    const answer = await postGraphql(hive.url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(answer.errors).toBeUndefined();
    expect((answer.data as { regions: unknown[] }).regions.length).toBeGreaterThan(0);
  });

  it('refuses an id nobody registered with PERSISTED_QUERY_NOT_FOUND', async () => {
    const answer = await postGraphql(hive.url, { documentId: `sha256:${'0'.repeat(64)}` }, { token: analyst });
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('lets a signed-in caller send ad-hoc queries, introspection included', async () => {
    const answer = await postGraphql(hive.url, { query: '{ __schema { queryType { name } } regions(level: PREFECTURE) { code } }' }, { token: analyst });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('operation limits: the platform\'s values, measured the same way', () => {
  it('depth: 15 fields deep answers, 16 is refused — with or without a fragment at every level', async () => {
    for (const fragments of [false, true]) {
      const within = await both({ query: regionChain(15, fragments) }, analyst);
      expect(within.hive.errors).toBeUndefined();
      expect(within.platform.errors).toBeUndefined();
      const over = await both({ query: regionChain(16, fragments) }, analyst);
      expect(over.hive.status).toBe(400);
      expect(over.hive.errors).toEqual([
        { message: 'Syntax Error: Query depth limit of 15 exceeded, found 16.', extensions: { code: 'BAD_USER_INPUT', limit: 'depth', maximum: 15, actual: 16 } },
      ]);
      expect(over.platform.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth', maximum: 15, actual: 16 });
    }
  });

  it('aliases: 30 answer, 31 are refused', async () => {
    const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: regions(level: PREFECTURE) { code }`).join(' ')} }`;
    const within = await both({ query: aliased(30) }, analyst);
    expect(within.hive.errors).toBeUndefined();
    expect(within.platform.errors).toBeUndefined();
    const over = await both({ query: aliased(31) }, analyst);
    expect(over.hive.status).toBe(400);
    expect(over.hive.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'alias count', maximum: 30, actual: 31 });
    expect(over.platform.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'alias count', maximum: 30, actual: 31 });
  });

  it('tokens: a document of 3,000 tokens answers, one more is refused', async () => {
    // 9 tokens around n spreads of 2 tokens each (10 with a field for an even count); spreads of one fragment are cheap to
    // validate, unlike as many fields, and __typename costs nothing, so only the token count can refuse them.
    const document = (tokens: number) => `{ ${tokens % 2 === 1 ? '' : '__typename '}${'...F '.repeat(Math.floor((tokens - 9) / 2))}} fragment F on Query { __typename }`;
    const within = await both({ query: document(3000) }, analyst);
    expect(within.hive.errors).toBeUndefined();
    expect(within.platform.errors).toBeUndefined();
    const over = await both({ query: document(3001) }, analyst);
    expect(over.hive.status).toBe(400);
    expect(over.hive.errors).toEqual([{ message: 'Syntax Error: Token limit of 3000 exceeded.', extensions: { code: 'BAD_USER_INPUT', limit: 'token count', maximum: 3000 } }]);
    expect(over.platform.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'token count', maximum: 3000, actual: 3001 });
  });

  it('directives: 21 are refused', async () => {
    const query = `{ regions { ${Array.from({ length: 21 }, () => 'code @include(if: true)').join(' ')} } }`;
    const over = await both({ query }, analyst);
    expect(over.hive.status).toBe(400);
    expect(over.hive.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'directive count', maximum: 20, actual: 21 });
    expect(over.platform.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'directive count' });
  });

  it('cost: three province-wide trends of one department are over the budget, before that department is called', async () => {
    const trend = (alias: string) => `${alias}: volunteerHoursTrend(regionCode: "620000", from: "2026-01-01", to: "2026-06-30") { period confirmedHours }`;
    const one = await both({ query: `{ ${trend('a')} }` }, analyst);
    expect(one.hive.errors).toBeUndefined();
    expect(one.hive.data).toEqual(one.platform.data);
    const before = subgraphs.volunteers.statements.statements;
    const three = await both({ query: `{ ${trend('a')} ${trend('b')} ${trend('c')} }` }, analyst);
    // 3 × (the field's @cost of 20000 + 1 for its object type): Hive adds the weights up per subgraph fetch.
    expect(three.hive.errors).toEqual([
      expect.objectContaining({ message: 'Operation estimated cost 60003 exceeded configured maximum 50000', extensions: { code: 'COST_ESTIMATED_TOO_EXPENSIVE', cost: { estimated: 60003, max: 50000 } } }),
    ]);
    expect(three.hive.data).toBeNull();
    expect(three.platform.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'estimated cost', maximum: 50000 });
    expect(subgraphs.volunteers.statements.statements).toBe(before);
  });

  it('hides field suggestions', async () => {
    const answer = await postGraphql(hive.url, { query: '{ regionz { code } }' }, { token: analyst });
    expect(answer.errors?.[0].message).toBe('Cannot query field "regionz" on type "Query". [Suggestion hidden]');
    expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses a body over MAX_BODY_BYTES with 413 before reading it', async () => {
    const answer = await postGraphql(hive.url, { query: '{ regions { code } }', variables: { padding: 'x'.repeat(100_001) } }, { token: analyst });
    expect(answer.status).toBe(413);
    expect(codesOf(answer)).toEqual(['BAD_REQUEST']);
  });
});

describe('subgraph requests', () => {
  it("carry the gateway's own request id, never the client's, and the client gets it back", async () => {
    const answer = await postGraphql(hive.url, { query: '{ regions(level: PREFECTURE) { code } }' }, { token: analyst, headers: { 'x-request-id': 'chosen-by-the-client' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
