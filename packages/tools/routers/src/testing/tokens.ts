import { SignJWT, type KeyLike } from 'jose';
import { TEST_JWT_SECRET } from '@shequ/kit/testing';

export const TEST_ISSUER = 'https://login.shequ.test';
export const TEST_AUDIENCE = 'shequ-graph';

export interface TokenOptions {
  roles?: string[];
  jurisdiction?: string;
  department?: string;
  issuer?: string | null;
  audience?: string | null;
  /** Seconds since the epoch; null: no `exp` at all. One hour from now by default. */
  expiresAt?: number | null;
  /** HS256 with this secret (the test secret by default), or RS256 with this private key and key id. */
  key?: { secret: string } | { privateKey: KeyLike; kid: string };
}

/**
 * A token shaped as the platform's (sub, roles, jurisdiction), with the test
 * deployment's issuer and audience unless told otherwise, so a test can
 * spoil exactly one property of it.
 */
export async function signTestToken(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ roles: options.roles ?? ['analyst'], jurisdiction: options.jurisdiction ?? '620000', ...(options.department ? { department: options.department } : {}) })
    .setSubject('routers-test')
    .setIssuedAt(now);
  const issuer = options.issuer === undefined ? TEST_ISSUER : options.issuer;
  const audience = options.audience === undefined ? TEST_AUDIENCE : options.audience;
  if (issuer !== null) {
    jwt.setIssuer(issuer);
  }
  if (audience !== null) {
    jwt.setAudience(audience);
  }
  const expiresAt = options.expiresAt === undefined ? now + 3600 : options.expiresAt;
  if (expiresAt !== null) {
    jwt.setExpirationTime(expiresAt);
  }
  const key = options.key ?? { secret: TEST_JWT_SECRET };
  if ('secret' in key) {
    return jwt.setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(key.secret));
  }
  return jwt.setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
}
