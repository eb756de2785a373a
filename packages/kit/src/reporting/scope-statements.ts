import type { DataSource } from 'typeorm';
import { isCommunityPrefix } from './scopes';

/** A row of a statement over a batch's scopes, column name → value. */
export type ScopeRow = Record<string, unknown>;

/**
 * The rows of each of the statements a stats loader runs over one batch of
 * scopes, all on the same `$1` codes and `$2` prefixes (see `SCOPES`); no
 * order within a statement's rows is kept.
 *
 * A batch of communities alone is sent as one statement, each statement a
 * part of it whose rows come back as JSON tagged with the part: a community
 * reads its own facts by index, so each statement is a millisecond or two of
 * work, and sent one by one they cost more in round trips and in waking the
 * database and the subgraph in turn than in the work itself (a dashboard's
 * fifty communities ask every department for such a batch at once). A batch
 * with a region keeps one statement each, side by side on the pool: each
 * scans summaries for tens of milliseconds, and they share out across cores.
 *
 * Values come back as JSON gives them, so numeric and bigint columns are
 * numbers rather than pg's strings: readers take them through `Number`.
 */
export async function queryOverScopes(dataSource: DataSource, statements: readonly string[], parameters: [readonly string[], readonly string[]]): Promise<ScopeRow[][]> {
  if (statements.length < 2 || !parameters[1].every(isCommunityPrefix)) {
    return Promise.all(statements.map((statement) => dataSource.query(statement, parameters as unknown[]) as Promise<ScopeRow[]>));
  }
  const parts = statements.map((statement, index) => `part${index} AS (${statement})`);
  const tagged = statements.map((_, index) => `SELECT ${index} AS part, to_jsonb(part${index}) AS row FROM part${index}`);
  const rows = (await dataSource.query(`WITH ${parts.join(',\n')}\n${tagged.join('\nUNION ALL\n')}`, parameters as unknown[])) as { part: number; row: ScopeRow }[];
  const byPart = statements.map((): ScopeRow[] => []);
  for (const { part, row } of rows) {
    byPart[part].push(row);
  }
  return byPart;
}
