import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import jwt from 'jsonwebtoken';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { isCommunityCode, isRegionCode } from '../codes/division-codes';
import { unauthenticated } from '../errors/graphql-errors';
import { DEPARTMENTS, ROLES, type Viewer } from './viewer';

/** Used only when NODE_ENV=development and JWT_SECRET is unset; refused in every other mode. It is public: never use it to protect real data. */
export const DEVELOPMENT_JWT_SECRET = 'shequ-development-secret-do-not-use-in-production';

/** Tokens may be this many seconds past expiry or before their start, to absorb clock skew between machines. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** The longest a token may live (exp − iat) when JWT_MAX_LIFETIME does not say: a leaked token stops working within a day. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  // A region's code, or a resident's own 12-digit community code.
  jurisdiction: z.string().refine((code) => isRegionCode(code) || isCommunityCode(code), 'must be a 6-, 9- or 12-digit division code'),
  department: z.enum(DEPARTMENTS).nullish(),
});

/** How tokens are checked: an HS256 secret, and/or RS256 keys from a JWKS URL; issuer and audience when set. */
export interface TokenSettings {
  /** null: HS256 tokens are refused (a JWKS-only deployment). */
  secret: string | null;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** The longest lifetime a token may claim, in seconds (DEFAULT_MAX_TOKEN_LIFETIME_SECONDS when unset). */
  maxLifetimeSeconds?: number;
}

function bearerToken(header: string | undefined | null): string | null {
  if (!header) {
    return null;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) {
    throw unauthenticated('Authorization header must be "Bearer <token>"');
  }
  return match[1];
}

/**
 * A token must say when it stops working, and not too far ahead: a token
 * without `exp` would be valid forever once leaked. The lifetime counts from
 * `iat`, or from now when the token does not say when it was issued.
 */
function assertBoundedLifetime(payload: unknown, maxLifetimeSeconds: number): void {
  const { exp, iat } = (payload ?? {}) as { exp?: unknown; iat?: unknown };
  if (typeof exp !== 'number') {
    throw unauthenticated('token has no expiry');
  }
  // Without iat, "now" may lag the issuer's clock by the skew allowance.
  const issuedAt = typeof iat === 'number' ? iat : Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS;
  if (exp - issuedAt > maxLifetimeSeconds) {
    throw unauthenticated(`token lifetime is over the maximum of ${maxLifetimeSeconds} s`);
  }
}

function viewerFromClaims(payload: unknown, maxLifetimeSeconds: number): Viewer {
  assertBoundedLifetime(payload, maxLifetimeSeconds);
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const problems = claims.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw unauthenticated(`token claims are not valid (${problems})`);
  }
  return { ...claims.data, department: claims.data.department ?? null };
}

/**
 * Reads the Authorization header with an HS256 secret: none means anonymous
 * (null); a bearer token that is malformed, badly signed, expired, without
 * `exp` or living longer than the maximum, for another issuer or audience,
 * or carrying unknown claims is UNAUTHENTICATED —
 * never silently anonymous.
 */
export function verifyAuthorization(
  header: string | undefined | null,
  secret: string,
  expected: Pick<TokenSettings, 'issuer' | 'audience' | 'maxLifetimeSeconds'> = {},
): Viewer | null {
  const token = bearerToken(header);
  return token === null ? null : verifyHs256(token, secret, expected);
}

function verifyHs256(token: string, secret: string, expected: Pick<TokenSettings, 'issuer' | 'audience' | 'maxLifetimeSeconds'>): Viewer {
  let payload: unknown;
  try {
    payload = jwt.verify(token, secret, { algorithms: ['HS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS, issuer: expected.issuer, audience: expected.audience });
  } catch (error) {
    throw unauthenticated(error instanceof jwt.TokenExpiredError ? 'token has expired' : 'token is not valid');
  }
  return viewerFromClaims(payload, expected.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
}

/**
 * How long a verified token is taken on trust before its signature and
 * claims are checked again (never past its expiry): a caller sends the same
 * token with every request, and checking it each time was a large share of
 * what a small request cost. A signing key withdrawn from the JWKS stops
 * working within this time plus jose's own key cache.
 */
export const VERIFIED_TOKEN_TRUST_MS = 60_000;
/** The most verified tokens a process keeps; past it the oldest go first. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Verified tokens by their text: the viewer, and until when it is kept. Only valid tokens are kept, so a stranger's guesses cost memory nothing. */
class VerifiedTokens {
  private readonly kept = new Map<string, { viewer: Viewer; until: number }>();

  get(token: string): Viewer | null {
    const known = this.kept.get(token);
    if (!known) {
      return null;
    }
    if (Date.now() < known.until) {
      return known.viewer;
    }
    this.kept.delete(token);
    return null;
  }

  keep(token: string, viewer: Viewer): void {
    const { exp } = (jwt.decode(token) ?? {}) as { exp?: number };
    const until = Math.min(Date.now() + VERIFIED_TOKEN_TRUST_MS, typeof exp === 'number' ? exp * 1000 : 0);
    if (this.kept.size >= VERIFIED_TOKENS_KEPT) {
      this.kept.delete(this.kept.keys().next().value as string);
    }
    // One object for every request with this token: frozen, so no request can change what the next one sees.
    Object.freeze(viewer.roles);
    this.kept.set(token, { viewer: Object.freeze(viewer), until });
  }
}

/**
 * A verifier for every request of a process: RS256 tokens against the JWKS
 * (keys fetched and cached by jose), HS256 tokens against the secret — with
 * the same claims, expiry, maximum lifetime, skew, issuer and audience
 * rules either way.
 */
export function createTokenVerifier(settings: TokenSettings): (header: string | undefined | null) => Promise<Viewer | null> {
  const keys = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : null;
  const verified = new VerifiedTokens();
  const verify = async (token: string): Promise<Viewer> => {
    let algorithm: string | undefined;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthenticated('token is not valid');
    }
    if (algorithm === 'RS256' && keys) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          issuer: settings.issuer,
          audience: settings.audience,
        });
        return viewerFromClaims(payload, settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
      } catch (error) {
        if (error instanceof GraphQLError) {
          throw error;
        }
        throw unauthenticated(error instanceof joseErrors.JWTExpired ? 'token has expired' : 'token is not valid');
      }
    }
    if (settings.secret === null) {
      throw unauthenticated('token is not valid');
    }
    return verifyHs256(token, settings.secret, settings);
  };
  return async (header) => {
    const token = bearerToken(header);
    if (token === null) {
      return null;
    }
    const known = verified.get(token);
    if (known) {
      return known;
    }
    const viewer = await verify(token);
    verified.keep(token, viewer);
    return viewer;
  };
}

export interface TokenRequest {
  sub: string;
  roles: Viewer['roles'];
  jurisdiction: string;
  department?: Viewer['department'];
  /** Lifetime, e.g. "12h" or a number of seconds (12 hours by default); verifiers refuse one over their maximum. */
  expiresIn?: string | number;
}

export function signToken(request: TokenRequest, secret: string): string {
  const claims = claimsSchema.parse({ ...request, department: request.department ?? null });
  const { sub, ...rest } = claims;
  return jwt.sign(rest, secret, {
    algorithm: 'HS256',
    subject: sub,
    expiresIn: (request.expiresIn ?? '12h') as jwt.SignOptions['expiresIn'],
  });
}
