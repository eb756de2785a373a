import { DataSource, MigrationExecutor, type MixedList, type EntitySchema } from 'typeorm';
import type { Logger } from 'pino';
import { StatementCounter } from './statement-counter';
import { CHINA_TIME_ZONE } from '../time/china-time';

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

/** The advisory lock's first key for schema migrations; the second is the schema's hash. */
export const MIGRATION_LOCK_CLASS = 736_001;

/**
 * Connects and brings the service's schema up to date (creating the Postgres
 * schema first: the migrations table lives in it). Migrations run without the
 * statement timeout: backfilling a summary over millions of rows may take minutes.
 * Under an advisory lock per schema, so two processes starting together never
 * migrate at once.
 */
export async function connectAndMigrate(dataSource: DataSource, schema: string): Promise<void> {
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    // Replicas starting together take turns: each waits for the lock, then finds the others' migrations done.
    await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK_CLASS, schema]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const migrations = new MigrationExecutor(dataSource, runner);
    migrations.transaction = dataSource.options.migrationsTransactionMode ?? 'all';
    await migrations.executePendingMigrations();
  } finally {
    // Back to the pool unlocked, with the connection's own timeout; a broken connection must not hide the migration's error.
    await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK_CLASS, schema]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}
