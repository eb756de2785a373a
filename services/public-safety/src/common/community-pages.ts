import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { scopedPageLoader, type Connection, type ScopedPageKey } from '@shequ/kit';

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

/** Pages of a community-owned table for many communities at once: the kit's scoped pager over `t.community_code = scope`. */
export function communityPageLoader<Row, Filter>(
  dataSource: DataSource,
  spec: CommunityPageSpec<Row, Filter>,
): DataLoader<ScopedPageKey<Filter>, Connection<Row>, string> {
  return scopedPageLoader<Row, Filter>(dataSource, {
    from: `${spec.table} t`,
    within: 't.community_code = scope.code',
    columns: spec.columns,
    orderBy: spec.orderBy,
    after: spec.after,
    sortKey: spec.sortKey,
    filters: spec.conditions,
  });
}
