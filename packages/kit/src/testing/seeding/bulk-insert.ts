import type { PoolClient } from 'pg';

export interface ColumnSpec<Row> {
  name: string;
  /** Postgres array type the column's values are sent as, e.g. 'text[]'. */
  type: string;
  value: (row: Row) => unknown;
}

const BATCH_ROWS = 250_000;

/**
 * Communities a department's seeder generates and inserts at a time: memory
 * stays bounded at the stress scale, and each table's rows of a chunk go in
 * one statement or a few.
 */
export const COMMUNITIES_PER_CHUNK = 2500;

/**
 * Inserts rows in batches of 250,000 with one statement each: every column
 * travels as one array parameter and `unnest` turns them back into rows.
 * Few, large statements because the summaries' statement triggers update
 * every region's rows once per statement, and inside the seed's one
 * transaction each update leaves a row version no one can prune yet: a
 * province row updated by thousands of small statements is found again
 * through thousands of versions, and the load slows as it goes.
 */
export async function bulkInsert<Row>(client: PoolClient, table: string, columns: ColumnSpec<Row>[], rows: readonly Row[]): Promise<void> {
  const names = columns.map((column) => column.name).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::${column.type}`).join(', ');
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    await client.query(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`,
      columns.map((column) => batch.map(column.value)),
    );
  }
}
