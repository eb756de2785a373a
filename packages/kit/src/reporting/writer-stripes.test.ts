import type { DataSource, QueryRunner } from 'typeorm';
import { createMonthHistogram, histogramTables, type MonthHistogram } from './month-histogram';
import { createMonthSummary, summaryTable, type MonthSummary } from './month-summary';
import { writerStripesMigration, WRITER_STRIPES, type TriggerKeptTable } from './writer-stripes';
import { factsThroughTriggers, type FactsThroughTriggers } from '../testing/facts-through-triggers';

const COMMUNITIES = ['620102001001', '620102001002', '620102002003', '620201001001'];

/** The same summary and histogram twice over one fact table: one pair is split across writer stripes, its twin is kept as released. */
const resolvedAs = (table: string): MonthSummary & { time: NonNullable<MonthSummary['time']> } => ({
  schema: 'facts',
  table,
  source: 'request',
  time: { column: 'resolved_at', type: 'timestamptz', include: ['submitted_at'] },
  filter: 'resolved_at IS NOT NULL',
  measures: { resolved: '1', hours: `date_part('epoch', resolved_at - submitted_at) / 3600` },
});
const daysAs = (of: MonthSummary & { time: NonNullable<MonthSummary['time']> }, table: string): MonthHistogram => ({ of, table, days: `date_part('epoch', resolved_at - submitted_at) / 86400` });
const striped = resolvedAs('resolved_striped');
const twin = resolvedAs('resolved_twin');
const stripedDays = daysAs(striped, 'days_striped');
const twinDays = daysAs(twin, 'days_twin');
const stripedTables = [summaryTable(striped), ...histogramTables(stripedDays)];
const twinTables = [summaryTable(twin), ...histogramTables(twinDays)];
const migration = new (writerStripesMigration(stripedTables, 1))();

let facts: FactsThroughTriggers;
let dataSource: DataSource;

beforeAll(async () => {
  facts = await factsThroughTriggers({
    table: `CREATE TABLE facts.request (id serial PRIMARY KEY, community_code text NOT NULL, submitted_at timestamptz NOT NULL, resolved_at timestamptz)`,
    insert: (into, count, seed) => insertRequests(into, count, seed),
    counts: [50, 0],
    maintain: async (runner) => {
      for (const summary of [striped, twin]) {
        await createMonthSummary(runner, summary);
      }
      for (const histogram of [stripedDays, twinDays]) {
        await createMonthHistogram(runner, histogram);
      }
      await migration.up(runner);
    },
    changes: [],
  });
  dataSource = facts.dataSource;
});

afterAll(async () => {
  await facts?.drop();
});

async function insertRequests(into: DataSource | QueryRunner, count: number, seed: number): Promise<void> {
  await into.query(
    `INSERT INTO facts.request (community_code, submitted_at, resolved_at)
     SELECT ($1::text[])[1 + (i * 3 + $2) % 4], now() - ((i * 13 + $2) % 400) * interval '1 day',
            CASE WHEN i % 5 = 0 THEN NULL ELSE now() - ((i * 13 + $2) % 400) * interval '1 day' + ((i * 7) % 90) * interval '3 hours' END
     FROM generate_series(1, $3) AS i`,
    [COMMUNITIES, seed, count],
  );
}

/** A table's figures by key, its stripes added up: what every reader sees. */
async function byKey(table: TriggerKeptTable): Promise<string[]> {
  const key = table.key.join(', ');
  const rows: Record<string, unknown>[] = await dataSource.query(
    `SELECT ${key}, ${table.measures.map((measure) => `sum(${measure})::float8 AS ${measure}`).join(', ')} FROM ${table.schema}.${table.table}
     GROUP BY ${key} HAVING ${table.measures.map((measure) => `sum(${measure}) <> 0`).join(' OR ')} ORDER BY ${key}`,
  );
  return rows.map((row) => JSON.stringify(Object.values(row)));
}

/** Sessions of the database whose writes go to different stripes (a session's stripe is its backend's id modulo the stripes). */
async function sessionsOnTwoStripes(): Promise<QueryRunner[]> {
  const sessions: QueryRunner[] = [];
  const stripes = new Set<number>();
  while (stripes.size < 2 && sessions.length < WRITER_STRIPES + 1) {
    const session = dataSource.createQueryRunner();
    await session.connect();
    const [{ stripe }] = await session.query(`SELECT pg_backend_pid() % ${WRITER_STRIPES} AS stripe`);
    sessions.push(session);
    stripes.add(Number(stripe));
  }
  return sessions;
}

describe('summaries and histograms split across writer stripes', () => {
  it('keep every key exact through writes from several sessions, as their twins kept on one row do', async () => {
    const sessions = await sessionsOnTwoStripes();
    try {
      await Promise.all(sessions.map((session, index) => insertRequests(session, 120, 10 + index)));
      await sessions[0].query(`UPDATE facts.request SET resolved_at = resolved_at + interval '2 days' WHERE id % 3 = 0 AND resolved_at IS NOT NULL`);
      await sessions[sessions.length - 1].query(`DELETE FROM facts.request WHERE id % 7 = 0`);
    } finally {
      await Promise.all(sessions.map((session) => session.release()));
    }
    // Sessions on two stripes wrote the province's months: some month of it is two rows.
    const [{ rows }] = await dataSource.query(`SELECT max(rows)::int AS rows FROM (SELECT count(*) AS rows FROM facts.resolved_striped WHERE region_prefix = '62' GROUP BY month) months`);
    expect(rows).toBeGreaterThan(1);
    for (const [index, table] of stripedTables.entries()) {
      const figures = await byKey(table);
      expect(figures.length).toBeGreaterThan(10);
      expect(figures).toEqual(await byKey(twinTables[index]));
    }
  });

  it('folds every key back into one row when the migration is reverted, and splits them again when reapplied', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const before = await Promise.all(stripedTables.map(byKey));
      await migration.down(runner);
      for (const [index, table] of stripedTables.entries()) {
        const [{ rows, keys }] = await dataSource.query(`SELECT count(*)::int AS rows, count(DISTINCT (${table.key.join(', ')}))::int AS keys FROM ${table.schema}.${table.table}`);
        expect(rows).toBe(keys);
        expect(await byKey(table)).toEqual(before[index]);
      }
      await insertRequests(dataSource, 40, 99);
      await migration.up(runner);
      await insertRequests(dataSource, 40, 100);
      for (const [index, table] of stripedTables.entries()) {
        expect(await byKey(table)).toEqual(await byKey(twinTables[index]));
      }
    } finally {
      await runner.release();
    }
  });
});
