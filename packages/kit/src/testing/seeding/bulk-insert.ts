import type { PoolClient } from 'pg';

export interface ColumnSpec<Row> {
  name: string;
  /** Postgres array type the column's values are sent as, e.g. 'text[]'. */
  type: string;
  value: (row: Row) => unknown;
}

const BATCH_ROWS = 10_000;

/**
 * Inserts rows in batches of 10,000 with one statement each: every column
 * travels as one array parameter and `unnest` turns them back into rows.
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
