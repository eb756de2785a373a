import { MigrationExecutor, type DataSource, type QueryRunner } from 'typeorm';

/** The advisory lock's first key for schema migrations; the second is the schema's hash. */
export const MIGRATION_LOCK_CLASS = 736_001;

/** One migration of a subgraph, as `migrate status` lists it. */
export interface MigrationState {
  /** The migration's class name, with its timestamp: what the schema's `migrations` table records. */
  name: string;
  applied: boolean;
  /**
   * Recorded in the database, but no migration of this build has the name:
   * a newer release migrated the schema (an older image still running
   * during a roll-out, or a rollback of the image without `migrate down`).
   */
  unknownToThisBuild?: boolean;
}

/**
 * Runs `work` holding the schema's migration lock, on one connection that has
 * no statement timeout (backfilling a summary over millions of rows may take
 * minutes). Processes and migration jobs take turns: each waits for the lock,
 * then finds the others' work done.
 */
async function underMigrationLock<Result>(dataSource: DataSource, schema: string, work: (runner: QueryRunner) => Promise<Result>): Promise<Result> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK_CLASS, schema]);
    return await work(runner);
  } finally {
    // Back to the pool unlocked, with the connection's own timeout; a broken connection must not hide the migration's error.
    await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [MIGRATION_LOCK_CLASS, schema]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

function executorOn(dataSource: DataSource, runner: QueryRunner): MigrationExecutor {
  const executor = new MigrationExecutor(dataSource, runner);
  executor.transaction = dataSource.options.migrationsTransactionMode ?? 'all';
  return executor;
}

/**
 * Applies the schema's pending migrations under its lock (creating the
 * Postgres schema first when missing: the migrations table lives in it) and returns the
 * names it applied, none when another process had already done so.
 */
export async function applyPendingMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  return underMigrationLock(dataSource, schema, async (runner) => {
    // Only when missing: even CREATE SCHEMA IF NOT EXISTS needs CREATE on the database, which a department's own role does not hold.
    const [{ missing }] = await runner.query('SELECT to_regnamespace($1) IS NULL AS missing', [schema]);
    if (missing) {
      await runner.query(`CREATE SCHEMA "${schema}"`);
    }
    const applied = await executorOn(dataSource, runner).executePendingMigrations();
    return applied.map((migration) => migration.name);
  });
}

/**
 * Reverts the last migration applied to the schema (its `down`, in a
 * transaction) under the schema's lock; returns its name, or null when none
 * is applied. A last migration this build does not know is refused: its
 * `down` is in the release that applied it.
 */
export async function revertLastMigration(dataSource: DataSource, schema: string): Promise<string | null> {
  return underMigrationLock(dataSource, schema, async (runner) => {
    const last = (await appliedMigrationNames(runner, schema)).at(-1);
    if (!last) {
      return null;
    }
    if (!codeMigrationNames(dataSource).includes(last)) {
      throw new Error(`the last migration applied to ${schema}, ${last}, is not in this build: revert it with the release that applied it`);
    }
    await executorOn(dataSource, runner).undoLastMigration();
    return last;
  });
}

/** The migrations this build carries, in the order they run (by the timestamp that ends each name, as TypeORM orders them). */
export function codeMigrationNames(dataSource: DataSource): string[] {
  return dataSource.migrations
    .map((migration) => migration.name || migration.constructor.name)
    .map((name) => ({ name, timestamp: Number(name.slice(-13)) }))
    .sort((first, second) => first.timestamp - second.timestamp)
    .map(({ name }) => name);
}

/** The names recorded in the schema's migrations table, in the order they were applied; none when the table (or the schema) does not exist yet. Reads only. */
async function appliedMigrationNames(queryable: Pick<DataSource, 'query'>, schema: string): Promise<string[]> {
  const [{ table }] = await queryable.query(`SELECT to_regclass(format('%I.migrations', $1::text)) IS NOT NULL AS table`, [schema]);
  if (!table) {
    return [];
  }
  const rows: { name: string }[] = await queryable.query(`SELECT name FROM "${schema}".migrations ORDER BY id`);
  return rows.map((row) => row.name);
}

/**
 * Every migration of this build, applied or pending, in the order they run,
 * then any the database records that this build does not know. Reads only:
 * a process that must not migrate creates nothing by asking.
 */
export async function migrationStates(dataSource: DataSource, schema: string): Promise<MigrationState[]> {
  const applied = await appliedMigrationNames(dataSource, schema);
  const known = codeMigrationNames(dataSource);
  return [
    ...known.map((name) => ({ name, applied: applied.includes(name) })),
    ...applied.filter((name) => !known.includes(name)).map((name) => ({ name, applied: true, unknownToThisBuild: true })),
  ];
}

/** The names of this build's migrations not yet applied to the schema. */
export async function pendingMigrationNames(dataSource: DataSource, schema: string): Promise<string[]> {
  return (await migrationStates(dataSource, schema)).filter((state) => !state.applied).map((state) => state.name);
}
