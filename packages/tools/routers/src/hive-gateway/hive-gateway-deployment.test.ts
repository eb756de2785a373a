import { createServer, type Server } from 'node:http';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { TEST_JWT_SECRET, type TestSubgraph } from '@shequ/kit/testing';
import { hiveGatewayEnvironment, startHiveGateway, startSubgraphs, type RunningHiveGateway } from '../testing/graph';
import { codesOf, postGraphql } from '../testing/http';
import { signTestToken } from '../testing/tokens';

/*
 * The other settings of a deployment: RS256 tokens from an identity
 * provider's JWKS beside the HS256 secret, anonymous callers free to send
 * ad-hoc queries (TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS unset), a Prometheus
 * endpoint behind METRICS_TOKEN, CORS for one console origin, and the
 * health endpoints.
 */
const KEY_ID = 'shequ-test-key-1';
const METRICS_TOKEN = 'shequ-test-metrics-token-0123456789abcdef';
const CONSOLE_ORIGIN = 'https://console.shequ.test';

let jwksServer: Server;
let jwksUrl: string;
let privateKey: KeyLike;
let publicKey: KeyLike;
let subgraphs: Record<string, TestSubgraph>;
let hive: RunningHiveGateway;

beforeAll(async () => {
  ({ privateKey, publicKey } = await generateKeyPair('RS256'));
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' }] });
  jwksServer = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as { port: number }).port}/.well-known/jwks.json`;
  // The subgraphs check RS256 tokens against the same keys, as a deployment's would.
  subgraphs = await startSubgraphs({ tokens: { secret: TEST_JWT_SECRET, jwksUrl } });
  hive = await startHiveGateway(hiveGatewayEnvironment(subgraphs, { JWT_JWKS_URL: jwksUrl, METRICS_TOKEN, CORS_ORIGINS: CONSOLE_ORIGIN }));
});

afterAll(async () => {
  await hive?.stop();
  await Promise.all(Object.values(subgraphs ?? {}).map((subgraph) => subgraph.stop()));
  await new Promise((resolve) => jwksServer?.close(resolve));
});

const query = { query: '{ region(code: "620100") { name safetyStats { incidentsPer1000Residents } } }' };

describe('RS256 tokens from a JWKS beside HS256 ones', () => {
  it("answers an identity provider's RS256 token, checked against its key by `kid`", async () => {
    const answer = await postGraphql(hive.url, query, { token: await signTestToken({ key: { privateKey, kid: KEY_ID } }) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({ region: { name: '兰州市' } });
  });

  it('answers an HS256 token (no `kid`) checked against the secret', async () => {
    const answer = await postGraphql(hive.url, query, { token: await signTestToken() });
    expect(answer.errors).toBeUndefined();
  });

  const refusals: [string, () => Promise<string>][] = [
    ['an RS256 token signed by another key under the same kid', async () => signTestToken({ key: { privateKey: (await generateKeyPair('RS256')).privateKey, kid: KEY_ID } })],
    ['an RS256 token naming a key the JWKS does not hold', () => signTestToken({ key: { privateKey, kid: 'unknown-key' } })],
    [
      'an HS256 token "signed" with the public key, naming its kid',
      async () =>
        new SignJWT({ roles: ['admin'], jurisdiction: '620000' })
          .setProtectedHeader({ alg: 'HS256', kid: KEY_ID })
          .setSubject('forger')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(await exportSPKI(publicKey))),
    ],
  ];

  it.each(refusals)('refuses %s with 401 UNAUTHENTICATED', async (_case, token) => {
    const answer = await postGraphql(hive.url, query, { token: await token() });
    expect(answer.status).toBe(401);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('anonymous callers without TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS', () => {
  it('may send ad-hoc queries', async () => {
    const answer = await postGraphql(hive.url, query);
    expect(answer.errors).toBeUndefined();
  });

  it('may not introspect (signed-in callers may)', async () => {
    const introspection = { query: '{ __schema { queryType { name } } }' };
    const anonymous = await postGraphql(hive.url, introspection);
    expect(anonymous.data).toBeUndefined();
    expect(anonymous.errors?.[0].message).toMatch(/introspection has been disabled/i);
    expect(new Set(codesOf(anonymous))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    const signedIn = await postGraphql(hive.url, introspection, { token: await signTestToken() });
    expect(signedIn.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('the deployment around the graph', () => {
  it('serves /metrics only to METRICS_TOKEN', async () => {
    const without = await fetch(hive.url.replace('/graphql', '/metrics'));
    expect(without.status).toBe(404);
    const withToken = await fetch(hive.url.replace('/graphql', '/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toMatch(/^# HELP graphql_/m);
  });

  it('answers CORS preflights for CORS_ORIGINS only', async () => {
    const preflight = (origin: string) =>
      fetch(hive.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    expect((await preflight(CONSOLE_ORIGIN)).headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
    expect((await preflight('https://elsewhere.test')).headers.get('access-control-allow-origin')).not.toBe('https://elsewhere.test');
  });

  it('answers /health and /ready', async () => {
    for (const path of ['/health', '/ready']) {
      expect((await fetch(hive.url.replace('/graphql', path))).status).toBe(200);
    }
  });
});
