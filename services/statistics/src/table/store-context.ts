import { graphqlError } from '@shequ/kit';
import type { Queryable } from '../store/queryable';

export interface StoreContext {
  asOf: Date | null;
  /** Of the codes asked about, their directory level; absent = the directory does not hold it. */
  levels: Map<string, string>;
  names: Map<string, string>;
}

/** What a question needs besides its rows, in one statement: when the store was last refreshed, and the directory entries of the codes named. */
export async function readStoreContext(db: Queryable, codes: readonly string[]): Promise<StoreContext> {
  const [row] = await db.query(
    `SELECT (SELECT max(finished_at) FROM statistics.refresh_log) AS as_of,
            (SELECT coalesce(json_agg(json_build_array(code, level, name)), '[]') FROM statistics.directory WHERE code = ANY($1::text[])) AS entries`,
    [codes],
  );
  const entries = row.entries as [string, string, string][];
  return {
    asOf: row.as_of ? new Date(row.as_of) : null,
    levels: new Map(entries.map(([code, level]) => [code, level])),
    names: new Map(entries.map(([code, , name]) => [code, name])),
  };
}

/** Every code must be one the directory holds: NOT_FOUND naming the first that is not. */
export function assertKnownRegions(context: StoreContext, codes: readonly string[], argument: string, communitiesToo = false): void {
  for (const code of codes) {
    const level = context.levels.get(code);
    if (!level || (level === 'COMMUNITY' && !communitiesToo)) {
      throw graphqlError('NOT_FOUND', `region ${code} does not exist`, { regionCode: code, argument });
    }
  }
}
