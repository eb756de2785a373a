import type { PoolClient } from 'pg';

/** An index the load drops and builds again, as its own definition says. */
interface LoadIndex {
  name: string;
  definition: string;
}

/**
 * Drops the secondary indexes of the given schemas — those no constraint
 * owns (primary keys and unique constraints stay, since inserts and the
 * summaries' upserts rely on them) — and returns how to build them again.
 * Building an index once over loaded rows is far cheaper than updating it
 * for every inserted row.
 */
export async function dropSecondaryIndexes(client: PoolClient, schemas: readonly string[]): Promise<LoadIndex[]> {
  const { rows } = await client.query<LoadIndex>(
    `SELECT format('%I.%I', n.nspname, i.relname) AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace n ON n.oid = i.relnamespace
     WHERE n.nspname = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY 1`,
    [schemas],
  );
  for (const index of rows) {
    await client.query(`DROP INDEX ${index.name}`);
  }
  return rows;
}

export async function rebuildIndexes(client: PoolClient, indexes: readonly LoadIndex[]): Promise<void> {
  for (const index of indexes) {
    await client.query(index.definition);
  }
}
