import { z } from 'zod';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, DEVELOPMENT_JWT_SECRET, type TokenSettings } from '../auth/jwt';
import { tracingVariables } from '../observability/tracing-environment';

export const portSchema = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A number of seconds, or a number with a unit: "90s", "30m", "24h", "7d". */
export function durationSeconds(text: string): number | null {
  const match = /^(\d{1,9})(s|m|h|d)?$/.exec(text.trim());
  return match ? Number(match[1]) * DURATION_UNITS[match[2] ?? 's'] : null;
}

const durationSchema = z
  .string()
  .transform((text, context) => {
    const seconds = durationSeconds(text);
    if (seconds === null || seconds < 60) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a duration of at least a minute, e.g. 3600, 90m, 24h or 7d' });
      return z.NEVER;
    }
    return seconds;
  });

/**
 * The settings every Shequ process reads: mode, logging and how tokens are
 * verified. An unset NODE_ENV is production: only an explicit
 * NODE_ENV=development (which `pnpm start` sets) relaxes anything.
 */
export const commonEnvironmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: 127.0.0.1 in development (nothing else on the network reaches a development process), 0.0.0.0 otherwise. */
  HOST: z.string().min(1).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_MAX_LIFETIME: durationSchema.default(`${DEFAULT_MAX_TOKEN_LIFETIME_SECONDS}`),
  /** Outside development, `/metrics` answers only to this bearer token (and not at all without one). */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (the `@shequ/kit/tracing` entry starts it). */
  ...tracingVariables,
});

type Mode = z.output<typeof commonEnvironmentSchema>['NODE_ENV'];
type TokenEnvironment = { NODE_ENV: Mode; JWT_SECRET?: string; JWT_JWKS_URL?: string; JWT_ISSUER?: string; JWT_AUDIENCE?: string; JWT_MAX_LIFETIME?: number };

/**
 * A zod refinement: outside development (production, test, or NODE_ENV
 * unset) tokens must be checked against a secret or a JWKS of the
 * deployment's own — never the public development secret.
 */
export function tokensRequiredOutsideDevelopment(env: TokenEnvironment, context: z.RefinementCtx): void {
  if (env.NODE_ENV === 'development') {
    return;
  }
  if (!env.JWT_SECRET && !env.JWT_JWKS_URL) {
    context.addIssue({ code: z.ZodIssueCode.custom, path: ['JWT_SECRET'], message: `required unless NODE_ENV=development (or JWT_JWKS_URL); NODE_ENV is ${env.NODE_ENV}` });
  }
  if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['JWT_SECRET'],
      message: `is the public development secret, accepted only when NODE_ENV=development; NODE_ENV is ${env.NODE_ENV}`,
    });
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

/**
 * For launchers a developer types (`pnpm start`, `pnpm -s token`): an unset
 * NODE_ENV means development there, and they pass it on explicitly, so the
 * processes they start never fall back on a mode of their own.
 */
export function withDevelopmentDefault(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_ENV: env.NODE_ENV || 'development' };
}

/** The address to listen on: HOST, else loopback in development and every interface otherwise. */
export function listenHostOf(env: { NODE_ENV: Mode; HOST?: string }): string {
  return env.HOST ?? (env.NODE_ENV === 'development' ? '127.0.0.1' : '0.0.0.0');
}

/** How tokens are checked: the configured secret and/or JWKS; in development without either, the public development secret. */
export function tokenSettingsOf(env: TokenEnvironment): TokenSettings {
  const fallback = env.NODE_ENV === 'development' && !env.JWT_JWKS_URL ? DEVELOPMENT_JWT_SECRET : null;
  return {
    secret: env.JWT_SECRET ?? fallback,
    jwksUrl: env.JWT_JWKS_URL,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    maxLifetimeSeconds: env.JWT_MAX_LIFETIME ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  };
}
