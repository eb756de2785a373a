import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many rows each key of a table kept by triggers (a summary, a
 * histogram) is split across. Every fact of a region counts into that
 * region's rows, so every write of the province updates the province's row
 * of the month: kept on one row, each write waited for the one before it to
 * commit (its lock held through the commit's flush to disk), and a
 * province's writes ran one after another however many cores served them.
 * Split by the writer's database session, writes from different sessions
 * mostly update different rows; readers already add rows up by key.
 */
export const WRITER_STRIPES = 16;

/** The row of its key a statement counts into: its session's own, so one session never waits for itself and sessions spread over the stripes. */
export const WRITER_STRIPE = `(pg_backend_pid() % ${WRITER_STRIPES})::smallint`;

/** A table kept exact by statement-level triggers, as the stripes migration needs to know it. */
export interface TriggerKeptTable {
  schema: string;
  table: string;
  /** Its primary key's columns, in order, without the stripe. */
  key: readonly string[];
  /** Columns its primary key index holds as well (`INCLUDE`), for index-only reads. */
  include: readonly string[];
  /** The columns added up across a key's rows. */
  measures: readonly string[];
  /** The body of `<table>_apply()` (see maintainByTriggers), writing to the writer's stripe or to the key's one row. */
  applyFunction: (striped: boolean) => string;
}

const primaryKey = (table: TriggerKeptTable, columns: readonly string[]) =>
  `ADD PRIMARY KEY (${columns.join(', ')})${table.include.length > 0 ? ` INCLUDE (${table.include.join(', ')})` : ''}`;

/** Splits a table's keys across WRITER_STRIPES rows: the rows there are become stripe 0, and its triggers write to their session's stripe. */
async function stripe(runner: QueryRunner, table: TriggerKeptTable): Promise<void> {
  const name = `${table.schema}.${table.table}`;
  await runner.query(
    `ALTER TABLE ${name} ADD COLUMN stripe smallint NOT NULL DEFAULT 0, DROP CONSTRAINT ${table.table}_pkey, ${primaryKey(table, [...table.key, 'stripe'])}`,
  );
  await runner.query(table.applyFunction(true));
}

/** Folds every key's stripes back into one row, and its triggers write there again. */
async function unstripe(runner: QueryRunner, table: TriggerKeptTable): Promise<void> {
  const name = `${table.schema}.${table.table}`;
  const key = table.key.join(', ');
  await runner.query(`INSERT INTO ${name} AS t (${key}, stripe, ${table.measures.join(', ')})
    SELECT ${key}, 0, ${table.measures.map((measure) => `sum(${measure})`).join(', ')} FROM ${name} WHERE stripe <> 0 GROUP BY ${key}
    ON CONFLICT (${key}, stripe) DO UPDATE SET ${table.measures.map((measure) => `${measure} = t.${measure} + EXCLUDED.${measure}`).join(', ')}`);
  await runner.query(`DELETE FROM ${name} WHERE stripe <> 0`);
  await runner.query(`ALTER TABLE ${name} DROP CONSTRAINT ${table.table}_pkey, DROP COLUMN stripe, ${primaryKey(table, table.key)}`);
  await runner.query(table.applyFunction(false));
}

/**
 * The migration that splits a department's summaries and histograms
 * (`summaryTable`, `histogramTables`) across writer stripes. Their tables
 * were created with one row per key, as first released; tables created
 * after it are listed in a stripes migration of their own.
 */
export function writerStripesMigration(tables: readonly TriggerKeptTable[], timestamp: number): new () => MigrationInterface {
  return class WriterStripes implements MigrationInterface {
    name = `WriterStripes${timestamp}`;

    async up(runner: QueryRunner): Promise<void> {
      for (const table of tables) {
        await stripe(runner, table);
      }
    }

    async down(runner: QueryRunner): Promise<void> {
      for (const table of [...tables].reverse()) {
        await unstripe(runner, table);
      }
    }
  };
}
