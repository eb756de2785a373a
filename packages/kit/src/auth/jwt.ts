import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { isCommunityCode, isRegionCode } from '../codes/division-codes';
import { unauthenticated } from '../errors/graphql-errors';
import { DEPARTMENTS, ROLES, type Viewer } from './viewer';

/** Used only in development mode, when JWT_SECRET is unset. It is public: never use it to protect real data. */
export const DEVELOPMENT_JWT_SECRET = 'shequ-development-secret-do-not-use-in-production';

/** Tokens may be this many seconds past expiry or before their start, to absorb clock skew between machines. */
const CLOCK_TOLERANCE_SECONDS = 30;

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  // A region's code, or a resident's own 12-digit community code.
  jurisdiction: z.string().refine((code) => isRegionCode(code) || isCommunityCode(code), 'must be a 6-, 9- or 12-digit division code'),
  department: z.enum(DEPARTMENTS).nullish(),
});

/**
 * Reads the Authorization header: none means anonymous (null); a bearer token
 * that is malformed, badly signed, expired or carries unknown claims is
 * UNAUTHENTICATED — never silently anonymous.
 */
export function verifyAuthorization(header: string | undefined | null, secret: string): Viewer | null {
  if (!header) {
    return null;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) {
    throw unauthenticated('Authorization header must be "Bearer <token>"');
  }
  let payload: unknown;
  try {
    payload = jwt.verify(match[1], secret, { algorithms: ['HS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS });
  } catch (error) {
    const reason = error instanceof jwt.TokenExpiredError ? 'token has expired' : 'token is not valid';
    throw unauthenticated(reason);
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const problems = claims.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw unauthenticated(`token claims are not valid (${problems})`);
  }
  return { ...claims.data, department: claims.data.department ?? null };
}

export interface TokenRequest {
  sub: string;
  roles: Viewer['roles'];
  jurisdiction: string;
  department?: Viewer['department'];
  /** Lifetime, e.g. "12h" or a number of seconds. */
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
