import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { toConnection, type Connection, type PageRequest } from './connection';

/** One page of the rows under one scope (a community code, or a region prefix for root lists). */
export interface ScopedPageKey<Criteria> {
  scope: string;
  criteria: Criteria;
  page: PageRequest;
}

export interface ScopedListSpec<Row, Criteria> {
  /** The table, aliased `t`. */
  from: string;
  /** The rows of a scope: a condition over `t` and `scope.code`, served by an index. */
  within: string;
  /** Select list over `t`, aliased to the Row's property names. */
  columns: string;
  orderBy: string;
  /** Row comparison true for rows after the cursor; `$A1`, `$A2` are the cursor's values. */
  after: string;
  sortKey(row: Row): unknown[];
  /** Adds the criteria's conditions over `t`, pushing their values onto `parameters`. */
  filters(criteria: Criteria, parameters: unknown[]): string[];
}

/**
 * Pages of rows for many scopes in one statement per distinct (criteria,
 * page), so `communities { volunteers(first: 5) }` costs one query however
 * many communities: for each scope, its count and its page (ordered and
 * limited through the scope's index), each a lateral subquery, so a
 * prefecture's page of 50 reads 51 rows, not all its 2,000 numbered.
 */
export function scopedPageLoader<Row, Criteria>(dataSource: DataSource, spec: ScopedListSpec<Row, Criteria>): DataLoader<ScopedPageKey<Criteria>, Connection<Row>, string> {
  return new DataLoader<ScopedPageKey<Criteria>, Connection<Row>, string>(
    async (keys) => {
      const groups = new Map<string, ScopedPageKey<Criteria>[]>();
      for (const key of keys) {
        const groupKey = JSON.stringify([key.criteria, key.page]);
        groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
      }
      const results = new Map<ScopedPageKey<Criteria>, Connection<Row>>();
      for (const group of groups.values()) {
        const { criteria, page } = group[0];
        const parameters: unknown[] = [[...new Set(group.map((key) => key.scope))], page.first + 1];
        const conditions = [spec.within, ...spec.filters(criteria, parameters)].join(' AND ');
        let afterCondition = 'true';
        if (page.after) {
          const offset = parameters.length;
          parameters.push(...page.after.map(String));
          afterCondition = spec.after.replace(/\$A(\d)/g, (_match, index: string) => `$${offset + Number(index)}`);
        }
        const rows: (Row & { scope_code: string; total: string; position: string | null })[] = await dataSource.query(
          `SELECT scope.code AS scope_code, counted.total, paged.*
           FROM unnest($1::text[]) AS scope(code)
           CROSS JOIN LATERAL (SELECT count(*) AS total FROM ${spec.from} WHERE ${conditions}) counted
           LEFT JOIN LATERAL (
             SELECT ${spec.columns}, row_number() OVER (ORDER BY ${spec.orderBy}) AS position
             FROM ${spec.from} WHERE ${conditions} AND ${afterCondition}
             ORDER BY ${spec.orderBy} LIMIT $2
           ) paged ON true
           ORDER BY scope.code, paged.position`,
          parameters,
        );
        const byScope = new Map<string, { rows: Row[]; total: number }>();
        for (const { scope_code: scope, total, position, ...row } of rows) {
          const entry = byScope.get(scope) ?? { rows: [], total: Number(total) };
          if (position !== null) {
            entry.rows.push(row as unknown as Row);
          }
          byScope.set(scope, entry);
        }
        for (const key of group) {
          const entry = byScope.get(key.scope);
          results.set(key, toConnection(entry?.rows ?? [], page, entry?.total ?? 0, spec.sortKey));
        }
      }
      return keys.map((key) => results.get(key) as Connection<Row>);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}
