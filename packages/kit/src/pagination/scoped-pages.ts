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
  /** `JOIN <table> t ON …scope.code…`: the rows of each scope, aliased `t`. */
  join: string;
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
 * page): window functions number and count each scope's rows, so
 * `communities { volunteers(first: 5) }` costs one query however many
 * communities. Each scope's first row comes back even when it lies before
 * the cursor, only to carry the total.
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
        const filters = spec.filters(criteria, parameters);
        let afterCondition = 'true';
        if (page.after) {
          const offset = parameters.length;
          parameters.push(...page.after.map(String));
          afterCondition = spec.after.replace(/\$A(\d)/g, (_match, index: string) => `$${offset + Number(index)}`);
        }
        const rows: (Row & { scope_code: string; total: string; after_cursor: boolean; position: string; overall: string })[] = await dataSource.query(
          `SELECT * FROM (
             SELECT scope.code AS scope_code, ${spec.columns},
                    count(*) OVER (PARTITION BY scope.code) AS total,
                    ${afterCondition} AS after_cursor,
                    row_number() OVER (PARTITION BY scope.code, ${afterCondition} ORDER BY ${spec.orderBy}) AS position,
                    row_number() OVER (PARTITION BY scope.code ORDER BY ${spec.orderBy}) AS overall
             FROM unnest($1::text[]) AS scope(code)
             ${spec.join}
             ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
           ) ranked
           WHERE (after_cursor AND position <= $2) OR overall = 1
           ORDER BY scope_code, after_cursor, position`,
          parameters,
        );
        const byScope = new Map<string, { rows: Row[]; total: number }>();
        for (const { scope_code: scope, total, after_cursor: afterCursor, position: _position, overall: _overall, ...row } of rows) {
          const entry = byScope.get(scope) ?? { rows: [], total: Number(total) };
          if (afterCursor) {
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
