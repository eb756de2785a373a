import { z } from 'zod';
import { subgraphEntry } from '@shequ/schema';
import { commonEnvironmentSchema, listenHostOf, tokenSettingsOf, tokensRequiredOutsideDevelopment } from '../environment/common-environment';
import { parseEnvironment, StartupError } from '../environment/parse-environment';
import { signingKeyOf, signingKeyRequiredOutsideDevelopment, signingKeyVariables } from '../environment/signing-key-environment';
import { documentLimitsOf, documentLimitVariables } from '../limits/document-limits';
import type { SubgraphSettings } from './start-subgraph';

const subgraphEnvironmentSchema = commonEnvironmentSchema
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).optional(),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    SQL_CAPTURE: z.enum(['true', 'false']).default('false'),
    WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    // false where a migration job owns the step (a Kubernetes Deployment behind a Job): start only once nothing is pending.
    MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),
    // As long as the gateway waits for a subgraph (its SUBGRAPH_TIMEOUT_MS), so no query outlives its request.
    STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    // The gateway's limits, by the gateway's variable names: a subgraph reached directly is no softer.
    ...documentLimitVariables,
    ...signingKeyVariables,
  })
  .superRefine(tokensRequiredOutsideDevelopment)
  .superRefine(signingKeyRequiredOutsideDevelopment);

/**
 * Reads and validates a subgraph process's environment once. A bad or
 * missing variable throws a StartupError that names it. The subgraph's
 * default port and its own database URL variable (e.g.
 * GOVERNANCE_DATABASE_URL, which wins over DATABASE_URL) are its entry's in
 * the subgraph list of @shequ/schema.
 */
export function readSubgraphEnvironment(env: NodeJS.ProcessEnv, subgraph: string): SubgraphSettings & { workers: number } {
  const entry = subgraphEntry(subgraph);
  const parsed = parseEnvironment(subgraphEnvironmentSchema, env);
  const databaseUrl = databaseUrlOf(env, subgraph, '`pnpm start` provides one');
  return {
    port: parsed.PORT ?? entry.port,
    host: listenHostOf(parsed),
    databaseUrl,
    tokens: tokenSettingsOf(parsed),
    development: parsed.NODE_ENV === 'development',
    logLevel: parsed.LOG_LEVEL,
    poolSize: parsed.DATABASE_POOL_SIZE,
    statementTimeoutMs: parsed.STATEMENT_TIMEOUT_MS,
    sqlCapture: parsed.SQL_CAPTURE === 'true' && parsed.NODE_ENV !== 'production',
    workers: parsed.WORKERS,
    migrateOnStart: parsed.MIGRATE_ON_START === 'true',
    limits: documentLimitsOf(parsed),
    signingKey: signingKeyOf(parsed),
    metricsToken: parsed.METRICS_TOKEN,
  };
}

/**
 * The subgraph's database URL: its own variable from the subgraph list (e.g.
 * GOVERNANCE_DATABASE_URL) over DATABASE_URL; a missing or malformed one
 * throws a StartupError naming both.
 */
function databaseUrlOf(env: NodeJS.ProcessEnv, subgraph: string, whereFrom: string): string {
  const entry = subgraphEntry(subgraph);
  const parsed = parseEnvironment(
    z.object({ DATABASE_URL: z.string().url().optional(), [entry.databaseUrlVariable]: z.string().url().optional() }),
    env,
  ) as Record<string, string | undefined>;
  const databaseUrl = parsed[entry.databaseUrlVariable] ?? parsed.DATABASE_URL;
  if (!databaseUrl) {
    throw new StartupError(`Invalid environment:\n  DATABASE_URL: required (or ${entry.databaseUrlVariable}); ${whereFrom}`);
  }
  return databaseUrl;
}

/**
 * What `main.js migrate <command>` reads: the database URL alone. A migration
 * job needs no token secret, signing key or port, and is not refused for
 * lacking them.
 */
export function readMigrationEnvironment(env: NodeJS.ProcessEnv, subgraph: string): { databaseUrl: string } {
  return { databaseUrl: databaseUrlOf(env, subgraph, 'the migration command needs nothing else') };
}
