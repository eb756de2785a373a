import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  commonEnvironmentSchema,
  documentLimitsOf,
  documentLimitVariables,
  listenHostOf,
  parseEnvironment,
  signingKeyOf,
  signingKeyRequiredOutsideDevelopment,
  signingKeyVariables,
  routerVariables,
  StartupError,
  subgraphUrlsOf,
  tokenSettingsOf,
  tokensRequiredOutsideDevelopment,
  type DocumentLimits,
  type TokenSettings,
} from '@shequ/kit';

/**
 * Hive Gateway's demand control adds up `@cost` weights per subgraph fetch
 * (see README, "Cost"): the platform gateway's analyst budget, in the same
 * unit of tenths of a millisecond, read as province-wide weights.
 */
export const DEFAULT_MAX_COST = 50_000;

/** Everything the Hive Gateway configuration reads, once, at start. */
export interface HiveGatewaySettings {
  port: number;
  host: string;
  development: boolean;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | false;
  supergraphPath: string;
  /** Subgraph URLs given in the environment; the others are the supergraph's. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  tokens: TokenSettings;
  limits: DocumentLimits & { maxCost: number; maxBodyBytes: number };
  /** The registered operations (sha256 → document), when there is a manifest. */
  trustedDocumentsPath: string | null;
  /** Callers without a token may run registered operations only. */
  anonymousOnlyTrusted: boolean;
  signingKey: string;
  corsOrigins: string[];
  /** METRICS_TOKEN: who may read `/metrics` outside development (nobody when unset). */
  metricsToken: string | null;
}

/** The manifest @shequ/client's build writes, trusted unless TRUSTED_DOCUMENTS_PATH names another (as the platform gateway does). */
export const CLIENT_MANIFEST_PATH = join(dirname(require.resolve('@shequ/client/package.json')), 'dist', 'persisted-documents.json');

const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');

// The platform gateway's variables, with the same names, defaults and meaning wherever Hive Gateway can honour them.
const hiveGatewayEnvironmentSchema = commonEnvironmentSchema
  .extend({
    ...routerVariables,
    ...documentLimitVariables,
    MAX_COST: positive(DEFAULT_MAX_COST),
    MAX_BODY_BYTES: positive(100_000),
    TRUSTED_DOCUMENTS_PATH: z
      .string()
      .min(1)
      .optional()
      .refine((path) => path === undefined || existsSync(path), 'no such file'),
    TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS: flag,
    ...signingKeyVariables,
  })
  .superRefine(tokensRequiredOutsideDevelopment)
  .superRefine(signingKeyRequiredOutsideDevelopment)
  .superRefine((value, context) => {
    if (value.TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS && !value.TRUSTED_DOCUMENTS_PATH && !existsSync(CLIENT_MANIFEST_PATH)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS'],
        message: `needs a manifest: set TRUSTED_DOCUMENTS_PATH or build @shequ/client (${CLIENT_MANIFEST_PATH} is missing)`,
      });
    }
  });

/** Hive's logger has no "fatal" and says "off" with false. */
function hiveLogLevel(level: string): HiveGatewaySettings['logLevel'] {
  if (level === 'silent') {
    return false;
  }
  return level === 'fatal' ? 'error' : (level as Exclude<HiveGatewaySettings['logLevel'], false>);
}

/** Hive Gateway calls one location per subgraph: replicas belong behind one URL there. */
function oneUrlEach(replicas: Record<string, string[]>): Record<string, string> {
  const several = Object.entries(replicas).filter(([, urls]) => urls.length > 1);
  if (several.length) {
    throw new StartupError(`Invalid environment:\n${several.map(([name]) => `${name}: the Hive Gateway configuration takes one URL per subgraph`).join('\n')}`);
  }
  return Object.fromEntries(Object.entries(replicas).map(([name, [url]]) => [name, url]));
}

/** The settings, read once from the environment; a bad variable throws a StartupError naming it. */
export function readHiveGatewayEnvironment(env: NodeJS.ProcessEnv = process.env): HiveGatewaySettings {
  const parsed = parseEnvironment(hiveGatewayEnvironmentSchema, env);
  const subgraphUrls = oneUrlEach(subgraphUrlsOf(parsed));
  return {
    port: parsed.PORT,
    host: listenHostOf(parsed),
    development: parsed.NODE_ENV === 'development',
    logLevel: hiveLogLevel(parsed.LOG_LEVEL),
    supergraphPath: parsed.SUPERGRAPH_PATH,
    subgraphUrls,
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    tokens: tokenSettingsOf(parsed),
    limits: { ...documentLimitsOf(parsed), maxCost: parsed.MAX_COST, maxBodyBytes: parsed.MAX_BODY_BYTES },
    trustedDocumentsPath: parsed.TRUSTED_DOCUMENTS_PATH ?? (existsSync(CLIENT_MANIFEST_PATH) ? CLIENT_MANIFEST_PATH : null),
    anonymousOnlyTrusted: parsed.TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS,
    signingKey: signingKeyOf(parsed),
    corsOrigins: parsed.CORS_ORIGINS,
    metricsToken: parsed.METRICS_TOKEN ?? null,
  };
}
