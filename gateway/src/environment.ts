import { z } from 'zod';
import { commonEnvironmentSchema, documentLimitsOf, documentLimitVariables, listenHostOf, parseEnvironment, signingKeyOf, signingKeyRequiredOutsideDevelopment, signingKeyVariables, routerVariables, subgraphUrlsOf, tokenSettingsOf, tokensRequiredOutsideDevelopment, type TokenSettings } from '@shequ/kit';
import { DEFAULT_REFRESH_INTERVAL_MS } from './codes/code-registry';
import { DEFAULT_CONCURRENCY, type ConcurrencyLimits } from './limits/caller-concurrency';
import { DEFAULT_MAX_IN_FLIGHT } from './limits/gateway-in-flight';
import { DEFAULT_HEAVY_OPERATIONS, type HeavyOperationLimits } from './limits/heavy-operations';
import { DEFAULT_LIMITS, type OperationLimits } from './limits/operation-limits';

export interface GatewaySettings {
  port: number;
  host: string;
  supergraphPath: string;
  /** Subgraph URLs given in the environment, each subgraph's replicas; the others come from the supergraph. */
  subgraphUrls: Record<string, string[]>;
  subgraphTimeoutMs: number;
  tokens: TokenSettings;
  development: boolean;
  logLevel: string;
  limits?: OperationLimits;
  /** Requests one caller may have in flight at once. */
  concurrency?: ConcurrencyLimits;
  /** GATEWAY_MAX_IN_FLIGHT: operations the whole process runs at once; past it requests are shed with 503. */
  maxInFlight?: number;
  /** Heavy operations that may run at once, overall and per caller. */
  heavyOperations?: HeavyOperationLimits;
  maxBodyBytes?: number;
  /** A manifest of registered operations (sha256 → document). */
  trustedDocumentsPath?: string;
  /** Callers without a token may run registered operations only. */
  anonymousOnlyTrusted?: boolean;
  /** Shares the automatic-persisted-query cache between replicas; in memory without it. */
  redisUrl?: string;
  /** CODE_REGISTRY_REFRESH_MS: how often, at most, a code the registry does not hold makes it reload governance's codes. */
  codeRegistryRefreshMs?: number;
  /** Processes serving the port (node cluster); 1 by default. */
  workers?: number;
  /** SUBGRAPH_SIGNING_KEY: signs every subgraph request; without it subgraphs take only key-only representations. */
  signingKey?: string;
  /** METRICS_TOKEN: who may read `/metrics` outside development. */
  metricsToken?: string;
  /** Browser origins allowed to call the graph (CORS_ORIGINS). */
  corsOrigins?: string[];
  /** IDE: serve the GraphQL IDE at /ide/ (on in development, off elsewhere unless IDE=true). */
  ide?: boolean;
  /** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_SCOPE: the provider the console signs in with (authorization code with PKCE). */
  oidc?: { issuer: string; clientId: string; scope: string };
}

const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');

const gatewayEnvironmentSchema = commonEnvironmentSchema
  .extend({
    ...routerVariables,
    // The same variables, defaults and meaning as every subgraph's.
    ...documentLimitVariables,
    MAX_PAGE_SIZE: positive(DEFAULT_LIMITS.maxPageSize),
    MAX_HEAVY_SELECTIONS: positive(DEFAULT_LIMITS.maxHeavySelections),
    COST_BUDGET_ANONYMOUS: positive(DEFAULT_LIMITS.costBudget.anonymous),
    COST_BUDGET_SIGNED_IN: positive(DEFAULT_LIMITS.costBudget.signedIn),
    COST_BUDGET_ANALYST: positive(DEFAULT_LIMITS.costBudget.analyst),
    MAX_BODY_BYTES: positive(100_000),
    MAX_IN_FLIGHT_PER_SUBJECT: positive(DEFAULT_CONCURRENCY.perSubject),
    MAX_IN_FLIGHT_PER_ADDRESS: positive(DEFAULT_CONCURRENCY.perAnonymousAddress),
    GATEWAY_MAX_IN_FLIGHT: positive(DEFAULT_MAX_IN_FLIGHT),
    MAX_HEAVY_IN_FLIGHT: positive(DEFAULT_HEAVY_OPERATIONS.inFlight),
    MAX_HEAVY_IN_FLIGHT_PER_CALLER: positive(DEFAULT_HEAVY_OPERATIONS.perCaller),
    HEAVY_OPERATION_WEIGHT: positive(DEFAULT_HEAVY_OPERATIONS.threshold),
    HEAVY_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(DEFAULT_HEAVY_OPERATIONS.queueWaitMs),
    TRUSTED_DOCUMENTS_PATH: z.string().min(1).optional(),
    TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS: flag,
    IDE: z.enum(['true', 'false']).optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_SCOPE: z.string().min(1).default('openid'),
    REDIS_URL: z.string().url().optional(),
    CODE_REGISTRY_REFRESH_MS: z.coerce.number().int().min(0).max(3_600_000).default(DEFAULT_REFRESH_INTERVAL_MS),
    WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    ...signingKeyVariables,
  })
  .superRefine(tokensRequiredOutsideDevelopment)
  .superRefine(signingKeyRequiredOutsideDevelopment)
  .superRefine((value, context) => {
    if (!value.OIDC_ISSUER !== !value.OIDC_CLIENT_ID) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: [value.OIDC_ISSUER ? 'OIDC_CLIENT_ID' : 'OIDC_ISSUER'], message: 'OIDC_ISSUER and OIDC_CLIENT_ID go together' });
    }
  });

/** The gateway's settings, read once from the environment at start. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const parsed = parseEnvironment(gatewayEnvironmentSchema, env);
  const subgraphUrls = subgraphUrlsOf(parsed);
  return {
    port: parsed.PORT,
    host: listenHostOf(parsed),
    supergraphPath: parsed.SUPERGRAPH_PATH,
    subgraphUrls,
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    tokens: tokenSettingsOf(parsed),
    development: parsed.NODE_ENV === 'development',
    logLevel: parsed.LOG_LEVEL,
    limits: {
      ...documentLimitsOf(parsed),
      maxPageSize: parsed.MAX_PAGE_SIZE,
      maxHeavySelections: parsed.MAX_HEAVY_SELECTIONS,
      costBudget: { anonymous: parsed.COST_BUDGET_ANONYMOUS, signedIn: parsed.COST_BUDGET_SIGNED_IN, analyst: parsed.COST_BUDGET_ANALYST },
    },
    concurrency: { perSubject: parsed.MAX_IN_FLIGHT_PER_SUBJECT, perAnonymousAddress: parsed.MAX_IN_FLIGHT_PER_ADDRESS },
    maxInFlight: parsed.GATEWAY_MAX_IN_FLIGHT,
    heavyOperations: {
      inFlight: parsed.MAX_HEAVY_IN_FLIGHT,
      perCaller: parsed.MAX_HEAVY_IN_FLIGHT_PER_CALLER,
      threshold: parsed.HEAVY_OPERATION_WEIGHT,
      queueWaitMs: parsed.HEAVY_QUEUE_WAIT_MS,
    },
    maxBodyBytes: parsed.MAX_BODY_BYTES,
    trustedDocumentsPath: parsed.TRUSTED_DOCUMENTS_PATH,
    anonymousOnlyTrusted: parsed.TRUSTED_DOCUMENTS_ONLY_FOR_ANONYMOUS,
    redisUrl: parsed.REDIS_URL,
    codeRegistryRefreshMs: parsed.CODE_REGISTRY_REFRESH_MS,
    workers: parsed.WORKERS,
    signingKey: signingKeyOf(parsed),
    metricsToken: parsed.METRICS_TOKEN,
    corsOrigins: parsed.CORS_ORIGINS,
    ide: parsed.IDE === undefined ? parsed.NODE_ENV === 'development' : parsed.IDE === 'true',
    oidc: parsed.OIDC_ISSUER && parsed.OIDC_CLIENT_ID ? { issuer: parsed.OIDC_ISSUER, clientId: parsed.OIDC_CLIENT_ID, scope: parsed.OIDC_SCOPE } : undefined,
  };
}
