import { z } from 'zod';
import { DEVELOPMENT_JWT_SECRET } from '../auth/jwt';

export const portSchema = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);

/** The settings every Shequ process reads: mode, logging and how tokens are verified. */
export const commonEnvironmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('0.0.0.0'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
});

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

/** The secret tokens are verified with: the configured one, or in development the public default. */
export function jwtSecretOf(env: { JWT_SECRET?: string }): string {
  return env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
}
