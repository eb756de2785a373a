import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { StatementCounter } from '../database/statement-counter';
import type { ObservedDatabase } from '../server/metrics';

/** A subgraph's DataSource as its metrics read it: the statements its logger counted, and its pg pool. */
export function observedDatabase(dataSource: DataSource, counter: StatementCounter): ObservedDatabase {
  return {
    statements: () => counter.statements,
    pool: () => {
      // TypeORM's postgres driver keeps its pg Pool as `master` once initialised.
      const pool = (dataSource.driver as unknown as { master?: Pool }).master;
      return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
    },
  };
}
