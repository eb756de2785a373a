import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createTokenVerifier, signToken } from './jwt';

let server: Server;
let jwksUrl: string;
let privateKey: KeyLike;
let strangerKey: KeyLike;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const claims = { roles: ['analyst'], jurisdiction: '620100' };

function rs256(key: KeyLike, options: { issuer?: string; audience?: string; expiresIn?: string | number | null } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('user-1').setIssuedAt();
  if (options.expiresIn !== null) {
    jwt.setExpirationTime(options.expiresIn ?? '1h');
  }
  if (options.issuer) {
    jwt.setIssuer(options.issuer);
  }
  if (options.audience) {
    jwt.setAudience(options.audience);
  }
  return jwt.sign(key);
}

async function outcome(verify: (header: string) => Promise<unknown>, token: string): Promise<unknown> {
  try {
    return await verify(`Bearer ${token}`);
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code + ': ' + (error as Error).message;
  }
}

describe('RS256 tokens from a JWKS', () => {
  it.each([
    ['a published key, right issuer and audience', async () => rs256(privateKey, { issuer: 'iss', audience: 'shequ' }), { sub: 'user-1', roles: ['analyst'], jurisdiction: '620100', department: null }],
    ['another issuer', async () => rs256(privateKey, { issuer: 'other', audience: 'shequ' }), 'UNAUTHENTICATED: token is not valid'],
    ['another audience', async () => rs256(privateKey, { issuer: 'iss', audience: 'other' }), 'UNAUTHENTICATED: token is not valid'],
    ['an expired token', async () => rs256(privateKey, { issuer: 'iss', audience: 'shequ', expiresIn: Math.floor(Date.now() / 1000) - 120 }), 'UNAUTHENTICATED: token has expired'],
    ['a token without exp', async () => rs256(privateKey, { issuer: 'iss', audience: 'shequ', expiresIn: null }), 'UNAUTHENTICATED: token has no expiry'],
    ['a token living two days', async () => rs256(privateKey, { issuer: 'iss', audience: 'shequ', expiresIn: '48h' }), 'UNAUTHENTICATED: token lifetime is over the maximum of 86400 s'],
    ['a key nobody published', async () => rs256(strangerKey, { issuer: 'iss', audience: 'shequ' }), 'UNAUTHENTICATED: token is not valid'],
    ['an HS256 token when no secret is configured', async () => signToken({ sub: 'u', roles: ['admin'], jurisdiction: '620000' }, 'a-secret-of-at-least-thirty-two-chars'), 'UNAUTHENTICATED: token is not valid'],
  ])('%s', async (_label, token, expected) => {
    const verify = createTokenVerifier({ secret: null, jwksUrl, issuer: 'iss', audience: 'shequ' });
    expect(await outcome(verify, await token())).toEqual(expected);
  });

  it('still accepts HS256 tokens beside the JWKS when a secret is configured', async () => {
    const secret = 'a-secret-of-at-least-thirty-two-chars';
    const verify = createTokenVerifier({ secret, jwksUrl });
    expect(await outcome(verify, signToken({ sub: 'u', roles: ['admin'], jurisdiction: '620000' }, secret))).toMatchObject({ sub: 'u', roles: ['admin'] });
  });
});

describe('a token verified once', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';
  afterEach(() => jest.restoreAllMocks());

  const later = (ms: number) => {
    const now = Date.now() + ms;
    jest.spyOn(Date, 'now').mockReturnValue(now);
  };

  it('is taken on trust for a minute, then checked again', async () => {
    const verify = createTokenVerifier({ secret });
    const header = `Bearer ${signToken({ sub: 'u', roles: ['analyst'], jurisdiction: '620100' }, secret)}`;
    const first = await verify(header);
    expect(await verify(header)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    later(61_000);
    const checkedAgain = await verify(header);
    expect(checkedAgain).not.toBe(first);
    expect(checkedAgain).toEqual(first);
  });

  it('is never trusted past its expiry', async () => {
    const verify = createTokenVerifier({ secret });
    const header = `Bearer ${signToken({ sub: 'u', roles: ['analyst'], jurisdiction: '620100', expiresIn: 10 }, secret)}`;
    expect(await verify(header)).toMatchObject({ sub: 'u' });
    // 50 s on: 40 s past its expiry, beyond the 30 s allowed for clock skew.
    later(50_000);
    await expect(verify(header)).rejects.toThrow('token has expired');
  });
});
