import type { DataSource } from 'typeorm';
import { codeWithinPrefix } from '../codes/code-range';
import { addDays, addMonths, chinaDays, chinaToday, lastThirtyDays, lastTwelveMonths, sqlDate, sqlInstant, type ChinaWindow } from '../time/china-time';
import { aggregatedOverScopes, createMonthSummary, regionLevelSummariesMigration, streetMonthSummariesMigration, summedOverScopes, type MonthSummary } from './month-summary';
import { factsThroughTriggers, type FactsThroughTriggers } from '../testing/facts-through-triggers';

const byInstant: MonthSummary = {
  schema: 'facts',
  table: 'fact_by_street_month',
  source: 'fact',
  time: { column: 'happened_at', type: 'timestamptz' },
  filter: `status <> 'WITHDRAWN'`,
  measures: { facts: '1', hours: 'hours' },
};
const byDay: MonthSummary = { ...byInstant, table: 'fact_by_street_day_month', time: { column: 'happened_on', type: 'date' }, filter: undefined };
const timeless: MonthSummary = { ...byInstant, table: 'fact_by_street', time: undefined };

const SCOPES = ['62', '6201', '620102', '620102001', '620102001001', '620102002003', '6202'];
const COMMUNITIES = ['620102001001', '620102001002', '620102002003', '620103001001', '620201001001'];

let facts: FactsThroughTriggers;
let dataSource: DataSource;

beforeAll(async () => {
  facts = await factsThroughTriggers({
    table: `CREATE TABLE facts.fact (id serial PRIMARY KEY, community_code text NOT NULL, happened_at timestamptz, happened_on date, hours numeric NOT NULL, status text NOT NULL)`,
    insert: insertFacts,
    counts: [40, 400],
    maintain: async (runner) => {
      for (const summary of [byInstant, byDay, timeless]) {
        await createMonthSummary(runner, summary);
      }
    },
    changes: [
      `UPDATE facts.fact SET status = 'WITHDRAWN' WHERE id % 7 = 0`,
      `UPDATE facts.fact SET hours = hours + 1.25, happened_at = happened_at - interval '40 days', happened_on = happened_on - 40 WHERE id % 5 = 0`,
      `UPDATE facts.fact SET community_code = '620201001001' WHERE id % 11 = 0`,
      `DELETE FROM facts.fact WHERE id % 13 = 0`,
    ],
  });
  dataSource = facts.dataSource;
});

afterAll(async () => {
  await facts?.drop();
});

/** Facts spread over 500 days back from now and a few days ahead, some without a time. */
async function insertFacts(into: DataSource, count: number, seed: number): Promise<void> {
  await into.query(
    `INSERT INTO facts.fact (community_code, happened_at, happened_on, hours, status)
     SELECT ($1::text[])[1 + (i * 7 + $2) % 5],
            CASE WHEN i % 17 = 0 THEN NULL ELSE now() - ((i * 37 + $2) % 505 - 5) * interval '1 day' - (i % 24) * interval '1 hour' END,
            CASE WHEN i % 19 = 0 THEN NULL ELSE current_date - ((i * 41 + $2) % 505 - 5) END,
            (i % 9) * 0.25,
            CASE WHEN i % 6 = 0 THEN 'WITHDRAWN' ELSE 'ACTIVE' END
     FROM generate_series(1, $3) AS i`,
    [COMMUNITIES, seed, count],
  );
}

async function viaSummary(summary: MonthSummary, window?: ChinaWindow, scopes: string[] = SCOPES): Promise<Record<string, string>> {
  const rows: { code: string; facts: string; hours: string }[] = await dataSource.query(
    summedOverScopes(summary, scopes, window),
    [scopes, scopes],
  );
  return Object.fromEntries(rows.map((row) => [row.code, `${Number(row.facts)}/${Number(row.hours)}`]));
}

async function directly(summary: MonthSummary, window?: ChinaWindow, scopes: string[] = SCOPES): Promise<Record<string, string>> {
  const column = summary.time?.column;
  const conditions = [summary.filter ?? 'true'];
  if (window && column) {
    conditions.push(
      summary.time?.type === 'timestamptz'
        ? `${column} >= ${sqlInstant(window.since)} AND ${column} < ${sqlInstant(window.until)}`
        : `${column} BETWEEN ${sqlDate(window.first)} AND ${sqlDate(window.last)}`,
    );
  }
  const rows: { code: string; facts: string; hours: string }[] = await dataSource.query(
    `SELECT scope.code, count(*) AS facts, sum(hours) AS hours
     FROM unnest($1::text[]) AS scope(code)
     JOIN facts.fact ON ${codeWithinPrefix('community_code', 'scope.code')} AND ${conditions.join(' AND ')}
     GROUP BY scope.code`,
    [scopes],
  );
  return Object.fromEntries(rows.map((row) => [row.code, `${Number(row.facts)}/${Number(row.hours)}`]));
}

describe('a month summary kept by region level', () => {
  // Windows in China days, as the kit cuts them: the edges fall at China midnight (16:00 UTC), inside a UTC month of the summary.
  const monthStart = `${chinaToday().slice(0, 7)}-01`;
  const tenDays = (kind: string) => `${kind}, ten days within one month`;
  const windows: [string, MonthSummary, ChinaWindow | undefined][] = [
    ['instants, the last 12 months', byInstant, lastTwelveMonths()],
    ['instants, the last 40 days', byInstant, chinaDays(addDays(chinaToday(), -39), chinaToday())],
    ['instants, no window', byInstant, undefined],
    ['days, the last 12 months', byDay, lastTwelveMonths()],
    ['days, the last 30 days', byDay, lastThirtyDays()],
    ['no time at all', timeless, undefined],
    // Windows that start and end within one month: both edges are the same partial month.
    [tenDays('instants'), byInstant, chinaDays(addDays(addMonths(monthStart, -2), 5), addDays(addMonths(monthStart, -2), 15))],
    [tenDays('days'), byDay, chinaDays(addDays(addMonths(monthStart, -2), 5), addDays(addMonths(monthStart, -2), 15))],
    // Most of one month: the month from the summary, less the facts on either side.
    ['instants, twenty-two days within one month', byInstant, chinaDays(addDays(addMonths(monthStart, -2), 3), addDays(addMonths(monthStart, -2), 24))],
    ['days, twenty-two days within one month', byDay, chinaDays(addDays(addMonths(monthStart, -2), 3), addDays(addMonths(monthStart, -2), 24))],
    // Whole China months: their first midnight is the last evening of the UTC month before.
    ['instants, three whole China months', byInstant, chinaDays(addMonths(monthStart, -4), addDays(addMonths(monthStart, -1), -1))],
  ];

  it.each(windows)('%s: every scope sums as the facts do, through inserts, updates and deletes', async (_name, summary, window) => {
    const expected = await directly(summary, window);
    expect(Object.keys(expected).length).toBeGreaterThan(3);
    expect(await viaSummary(summary, window)).toEqual(expected);
  });

  it.each(windows)('%s: a batch of only regions, or only communities, sums the same', async (_name, summary, window) => {
    for (const scopes of [SCOPES.filter((scope) => scope.length < 12), SCOPES.filter((scope) => scope.length === 12)]) {
      expect(await viaSummary(summary, window, scopes)).toEqual(await directly(summary, window, scopes));
    }
  });

  it.each([
    ['regions and communities', SCOPES],
    ['only regions', SCOPES.filter((scope) => scope.length < 12)],
    ['only communities', SCOPES.filter((scope) => scope.length === 12)],
  ])('aggregates raw facts for what does not add up, such as a median, over %s', async (_name, scopes) => {
    const facts = `SELECT community_code, hours FROM facts.fact WHERE happened_at >= now() - interval '12 months'`;
    const median = aggregatedOverScopes({ facts, alias: 'fact', aggregates: { median: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY fact.hours)' } }, scopes);
    const rows: { code: string; median: number }[] = await dataSource.query(`SELECT code, median FROM (${median}) medians ORDER BY code`, [scopes, scopes]);
    const expected: { code: string; median: number }[] = await dataSource.query(
      `SELECT scope.code, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median
       FROM unnest($1::text[]) AS scope(code)
       JOIN facts.fact ON ${codeWithinPrefix('community_code', 'scope.code')} AND happened_at >= now() - interval '12 months'
       GROUP BY scope.code ORDER BY scope.code`,
      [scopes],
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows).toEqual(expected);
  });

  it('leaves out a region without facts, alone at its depth or among others', async () => {
    const facts = `SELECT community_code, hours FROM facts.fact`;
    const median = (scopes: string[]) => aggregatedOverScopes({ facts, alias: 'fact', aggregates: { median: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY fact.hours)' } }, scopes);
    expect(await dataSource.query(median(['620999']), [['620999'], ['620999']])).toEqual([]);
    const mixed: { code: string }[] = await dataSource.query(median(['620999', '620102']), [['620999', '620102'], ['620999', '620102']]);
    expect(mixed.map((row) => row.code)).toEqual(['620102']);
  });

  it('reads whole months of a region from its own rows of the summary, not from the facts or other levels', async () => {
    const [{ rows }] = await dataSource.query(`SELECT count(*)::int AS rows FROM facts.fact_by_street_month WHERE month > '-infinity' AND region_prefix = '6201'`);
    expect(rows).toBeGreaterThan(0);
    const tampered = `region_prefix = '6201' AND month = date_trunc('month', now() - interval '3 months')::date`;
    await dataSource.query(`ALTER TABLE facts.fact DISABLE TRIGGER USER`);
    await dataSource.query(`UPDATE facts.fact_by_street_month SET facts = facts + 1000 WHERE ${tampered}`);
    const summed = await viaSummary(byInstant, lastTwelveMonths());
    const direct = await directly(byInstant, lastTwelveMonths());
    await dataSource.query(`UPDATE facts.fact_by_street_month SET facts = facts - 1000 WHERE ${tampered}`);
    await dataSource.query(`ALTER TABLE facts.fact ENABLE TRIGGER USER`);
    expect(Number(summed['6201'].split('/')[0])).toBe(Number(direct['6201'].split('/')[0]) + 1000);
    // The province, a county and a community read rows of their own, so the tampered prefecture row does not reach them.
    for (const scope of ['62', '620102', '620102001001']) {
      expect(summed[scope]).toBe(direct[scope]);
    }
  });

  it('rebuilds a summary first kept by street as one kept by region level, and back', async () => {
    const released: MonthSummary = { ...byInstant, table: 'fact_released_by_street' };
    const runner = dataSource.createQueryRunner();
    const byStreet = new (streetMonthSummariesMigration([released], 1))();
    const byRegionLevel = new (regionLevelSummariesMigration([released], 2))();
    const keys = async () => {
      const [columns] = await dataSource.query(`SELECT array_agg(column_name::text ORDER BY column_name) AS names FROM information_schema.columns
        WHERE table_schema = 'facts' AND table_name = 'fact_released_by_street' AND column_name IN ('street_code', 'region_prefix')`);
      const lengths = await dataSource.query(`SELECT DISTINCT length(${columns.names[0]}) AS length FROM facts.fact_released_by_street ORDER BY 1`);
      return { column: columns.names[0], lengths: lengths.map((row: { length: number }) => row.length) };
    };
    try {
      await byStreet.up(runner);
      expect(await keys()).toEqual({ column: 'street_code', lengths: [9] });
      await byRegionLevel.up(runner);
      expect(await keys()).toEqual({ column: 'region_prefix', lengths: [2, 4, 6, 9] });
      // Kept exact from then on by the rebuilt triggers.
      await insertFacts(dataSource, 30, 3);
      expect(await viaSummary(released, lastTwelveMonths())).toEqual(await directly(released, lastTwelveMonths()));
      await byRegionLevel.down(runner);
      expect(await keys()).toEqual({ column: 'street_code', lengths: [9] });
    } finally {
      await byStreet.down(runner);
      await runner.release();
    }
  });
});
