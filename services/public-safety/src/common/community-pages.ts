import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { toConnection, type Connection, type PageRequest } from '@shequ/kit';

/** One page of one community's rows, narrowed by a filter the spec understands. */
export interface CommunityPageKey<Filter> {
  communityCode: string;
  filter: Filter;
  page: PageRequest;
}

export interface CommunityPageSpec<Row, Filter> {
  /** Qualified table, aliased `t`. */
  table: string;
  /** Select list over `t`, aliased to the row's property names. */
  columns: string;
  /** Newest first, with a unique tie-breaker. */
  orderBy: string;
  /** Row comparison true for rows after the cursor, with $A1, $A2 for the cursor's values. */
  after: string;
  sortKey: (row: Row) => unknown[];
  /** Conditions on `t` for the filter, pushing their values onto `parameters`. */
  conditions: (filter: Filter, parameters: unknown[]) => string[];
}

/**
 * Pages of a community-owned table for many communities in one statement per
 * distinct (filter, page), as governance's community loader does: window
 * functions number and count each community's rows. Each community's first
 * row comes back even before the cursor, only to carry the total.
 */
export function communityPageLoader<Row, Filter>(
  dataSource: DataSource,
  spec: CommunityPageSpec<Row, Filter>,
): DataLoader<CommunityPageKey<Filter>, Connection<Row>, string> {
  return new DataLoader<CommunityPageKey<Filter>, Connection<Row>, string>(
    async (keys) => {
      const groups = new Map<string, CommunityPageKey<Filter>[]>();
      for (const key of keys) {
        const groupKey = JSON.stringify([key.filter, key.page]);
        groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
      }
      const results = new Map<CommunityPageKey<Filter>, Connection<Row>>();
      for (const group of groups.values()) {
        const { filter, page } = group[0];
        const parameters: unknown[] = [[...new Set(group.map((key) => key.communityCode))], page.first + 1];
        const conditions = spec.conditions(filter, parameters);
        let afterCondition = 'true';
        if (page.after) {
          const offset = parameters.length;
          parameters.push(...page.after.map(String));
          afterCondition = spec.after.replace(/\$A(\d)/g, (_match, index: string) => `$${offset + Number(index)}`);
        }
        const rows: (Row & { scope_code: string; total: string; after_cursor: boolean; position: string; overall: string })[] = await dataSource.query(
          `SELECT * FROM (
             SELECT t.community_code AS scope_code, ${spec.columns},
                    count(*) OVER (PARTITION BY t.community_code) AS total,
                    ${afterCondition} AS after_cursor,
                    row_number() OVER (PARTITION BY t.community_code, ${afterCondition} ORDER BY ${spec.orderBy}) AS position,
                    row_number() OVER (PARTITION BY t.community_code ORDER BY ${spec.orderBy}) AS overall
             FROM ${spec.table} t
             WHERE t.community_code = ANY($1::text[]) ${conditions.map((condition) => `AND ${condition}`).join(' ')}
           ) ranked
           WHERE (after_cursor AND position <= $2) OR overall = 1
           ORDER BY scope_code, after_cursor, position`,
          parameters,
        );
        const byCode = new Map<string, { rows: Row[]; total: number }>();
        for (const { scope_code: code, total, after_cursor: afterCursor, position: _position, overall: _overall, ...row } of rows) {
          const entry = byCode.get(code) ?? { rows: [], total: Number(total) };
          if (afterCursor) {
            entry.rows.push(row as unknown as Row);
          }
          byCode.set(code, entry);
        }
        for (const key of group) {
          const entry = byCode.get(key.communityCode);
          results.set(key, toConnection(entry?.rows ?? [], page, entry?.total ?? 0, spec.sortKey));
        }
      }
      return keys.map((key) => results.get(key) as Connection<Row>);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}
