import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { Logger } from 'pino';
import { StatementCounter } from './statement-counter';
import { CHINA_TIME_ZONE } from '../time/china-time';
import { StartupError } from '../environment/parse-environment';
import { applyPendingMigrations, pendingMigrationNames } from './migrations';

export { MIGRATION_LOCK_CLASS } from './migrations';

export interface DataSourceOptions {
  url: string;
  /** The service's own Postgres schema; its tables and migrations table live there. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /**
   * The longest any one statement may run (none when absent): a subgraph
   * serving requests sets it to what the gateway waits, so no query goes on
   * working for a request that has already been given up.
   */
  statementTimeoutMs?: number;
  logger: Logger;
}

export interface ServiceDataSource {
  dataSource: DataSource;
  counter: StatementCounter;
}

/**
 * A DataSource confined to one Postgres schema. Never `synchronize`: the
 * schema changes only through the service's migrations.
 */
/** Memory for each sort and hash of a subgraph's statements. */
const SORT_MEMORY = '64MB';

export function createServiceDataSource(options: DataSourceOptions): ServiceDataSource {
  const counter = new StatementCounter(options.logger);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: true,
    logger: counter,
    maxQueryExecutionTime: 1000,
    // A region's median sorts its window's facts (a province: hundreds of thousands of values); PostgreSQL's
    // default 4 MB sends that sort to disk. Per sort, per connection: 10 connections stay well within memory.
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.schema,
      // The session's zone is China's, so whatever SQL reads a calendar (current_date, a timestamptz cast to date, date_trunc) reads China's.
      // JIT compiles each large statement anew (a statistics feed's months: 2.4 s of 7.2 s) and saves less than that on statements this short.
      options: `-c timezone=${CHINA_TIME_ZONE} -c work_mem=${SORT_MEMORY} -c jit=off${options.statementTimeoutMs ? ` -c statement_timeout=${options.statementTimeoutMs}` : ''}`,
    },
  });
  return { dataSource, counter };
}

/**
 * Connects and brings the service's schema up to date (see
 * applyPendingMigrations): under an advisory lock per schema, so two
 * processes starting together, or a process and a migration job, never
 * migrate at once.
 */
export async function connectAndMigrate(dataSource: DataSource, schema: string): Promise<void> {
  await dataSource.initialize();
  await applyPendingMigrations(dataSource, schema);
}

/**
 * Connects without migrating (MIGRATE_ON_START=false: a migration job owns
 * that step) and refuses to go on while any of this build's migrations is
 * pending, naming them: serving requests against an older schema would fail
 * them one by one instead of once here.
 */
export async function connectAndCheckMigrations(dataSource: DataSource, schema: string, service: string): Promise<void> {
  await dataSource.initialize();
  const pending = await pendingMigrationNames(dataSource, schema).catch(async (error: unknown) => {
    await dataSource.destroy();
    throw error;
  });
  if (pending.length > 0) {
    await dataSource.destroy();
    throw new StartupError(
      `${service}: ${pending.length} migration${pending.length === 1 ? ' is' : 's are'} pending in schema ${schema} (${pending.join(', ')}) ` +
        `and MIGRATE_ON_START=false: run the service's \`main.js migrate up\` first (\`pnpm migrate ${service} up\` from a checkout), or start with MIGRATE_ON_START=true`,
    );
  }
}
