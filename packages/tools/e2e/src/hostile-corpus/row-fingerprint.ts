import type { TestSubgraph } from '@shequ/kit/testing';

/** Per table ("schema.table"): how many rows, and a digest of their contents. */
export type Fingerprint = Record<string, { rows: number; digest: string }>;

/**
 * Every table of every schema in a subgraph's database, found in the catalogue
 * rather than listed by hand, so a table added later is covered too. The
 * digest over each row's text catches an UPDATE that leaves counts alone.
 */
export async function fingerprint(dataSource: TestSubgraph['dataSource']): Promise<Fingerprint> {
  const tables: { schema: string; name: string }[] = await dataSource.query(`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1, 2`);
  const result: Fingerprint = {};
  for (const { schema, name } of tables) {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${schema}"."${name}" t`,
    );
    result[`${schema}.${name}`] = row;
  }
  return result;
}
