import { z } from 'zod';
import { DEVELOPMENT_JWT_SECRET, type TokenSettings } from '../auth/jwt';

export const portSchema = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);

/** The settings every Shequ process reads: mode, logging and how tokens are verified. */
export const commonEnvironmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('0.0.0.0'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
});

type TokenEnvironment = { NODE_ENV: string; JWT_SECRET?: string; JWT_JWKS_URL?: string; JWT_ISSUER?: string; JWT_AUDIENCE?: string };

/** A zod refinement: in production, tokens must be checked against a real secret or a JWKS, never the public development secret. */
export function tokensRequiredInProduction(env: TokenEnvironment, context: z.RefinementCtx): void {
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET && !env.JWT_JWKS_URL) {
    context.addIssue({ code: z.ZodIssueCode.custom, path: ['JWT_SECRET'], message: 'required when NODE_ENV=production (or JWT_JWKS_URL)' });
  }
}

/**
 * A zod refinement: in production each listed variable must be set, because
 * the development defaults (a public JWT secret, an embedded database) must
 * never serve real data.
 */
export function requiredInProduction(variables: string[]) {
  return (env: { NODE_ENV: string } & Record<string, unknown>, context: z.RefinementCtx): void => {
    if (env.NODE_ENV !== 'production') {
      return;
    }
    for (const variable of variables) {
      if (env[variable] === undefined || env[variable] === '') {
        context.addIssue({ code: z.ZodIssueCode.custom, path: [variable], message: 'required when NODE_ENV=production' });
      }
    }
  };
}

/** How tokens are checked: the configured secret and/or JWKS; in development without either, the public development secret. */
export function tokenSettingsOf(env: TokenEnvironment): TokenSettings {
  const fallback = env.NODE_ENV === 'production' || env.JWT_JWKS_URL ? null : DEVELOPMENT_JWT_SECRET;
  return { secret: env.JWT_SECRET ?? fallback, jwksUrl: env.JWT_JWKS_URL, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE };
}
