import type { DataSource } from 'typeorm';
import { codeWithinPrefix } from '../codes/code-range';
import { distributionBucketSql } from '../statistics/distribution-bucket';
import { addDays, addMonths, chinaDays, chinaToday, lastTwelveMonths, sqlInstant, type ChinaWindow } from '../time/china-time';
import { createMonthHistogram, medianOverScopes, type MonthHistogram } from './month-histogram';
import { createMonthSummary, type MonthSummary } from './month-summary';
import { factsThroughTriggers, type FactsThroughTriggers } from '../testing/facts-through-triggers';

const resolved: MonthSummary & { time: NonNullable<MonthSummary['time']> } = {
  schema: 'facts',
  table: 'resolved_by_street_month',
  source: 'request',
  time: { column: 'resolved_at', type: 'timestamptz', include: ['submitted_at'] },
  filter: 'resolved_at IS NOT NULL',
  measures: { resolved: '1' },
};
const daysToResolve: MonthHistogram = { of: resolved, table: 'resolution_days', days: `date_part('epoch', resolved_at - submitted_at) / 86400` };

const SCOPES = ['62', '6201', '620102', '620102001', '620102001001', '620102002003', '6202', '620999'];
const COMMUNITIES = ['620102001001', '620102001002', '620102002003', '620103001001', '620201001001'];

let facts: FactsThroughTriggers;
let dataSource: DataSource;

beforeAll(async () => {
  facts = await factsThroughTriggers({
    table: `CREATE TABLE facts.request (id serial PRIMARY KEY, community_code text NOT NULL, submitted_at timestamptz NOT NULL, resolved_at timestamptz)`,
    insert: insertRequests,
    counts: [60, 900],
    maintain: async (runner) => {
      await createMonthSummary(runner, resolved);
      await createMonthHistogram(runner, daysToResolve);
    },
    changes: [
      `UPDATE facts.request SET resolved_at = NULL WHERE id % 7 = 0`,
      `UPDATE facts.request SET resolved_at = resolved_at - interval '33 days 5 hours', submitted_at = submitted_at - interval '40 days' WHERE id % 5 = 0`,
      `UPDATE facts.request SET community_code = '620201001001' WHERE id % 11 = 0`,
      `DELETE FROM facts.request WHERE id % 13 = 0`,
    ],
  });
  dataSource = facts.dataSource;
  await ensureBothParities();
});

async function inWindowCounts(window: ChinaWindow): Promise<{ code: string; n: number }[]> {
  return dataSource.query(
    `SELECT left(community_code, 4) AS code, count(*)::int AS n FROM facts.request
     WHERE resolved_at >= ${sqlInstant(window.since)} AND resolved_at < ${sqlInstant(window.until)} GROUP BY 1`,
  );
}

/**
 * The fixture's times follow today's date, so its two prefectures' counts in
 * the last 12 months may share a parity on some day: one more request, in
 * the middle of the window, then gives one of them the other, so an odd
 * count's middle value and an even count's two are both exercised every day.
 */
async function ensureBothParities(): Promise<void> {
  if (new Set((await inWindowCounts(lastTwelveMonths())).map((row) => row.n % 2)).size < 2) {
    await dataSource.query(
      `INSERT INTO facts.request (community_code, submitted_at, resolved_at) VALUES ('620201001001', now() - interval '182 days', now() - interval '180 days')`,
    );
  }
}

afterAll(async () => {
  await facts?.drop();
});

/** Requests resolved over 500 days back from now, after durations from minutes to beyond a year (a tenth unresolved). */
async function insertRequests(into: DataSource, count: number, seed: number): Promise<void> {
  await into.query(
    `INSERT INTO facts.request (community_code, submitted_at, resolved_at)
     SELECT ($1::text[])[1 + (i * 7 + $2) % 5], resolved - duration, CASE WHEN i % 10 = 0 THEN NULL ELSE resolved END
     FROM generate_series(1, $3) AS i,
          LATERAL (SELECT now() - ((i * 37 + $2) % 500) * interval '1 day' - (i % 24) * interval '1 hour' AS resolved,
                          CASE WHEN i % 31 = 0 THEN (370 + i % 40) * interval '1 day'
                               WHEN i % 9 = 0 THEN (61 + (i * 13) % 300) * interval '1 day' + (i % 7) * interval '3 hours'
                               ELSE ((i * 53 + $2) % 3000) * interval '29 minutes' END AS duration) timing`,
    [COMMUNITIES, seed, count],
  );
}

async function viaHistogram(window: ChinaWindow, scopes: string[] = SCOPES): Promise<Record<string, number>> {
  const rows: { code: string; median: number }[] = await dataSource.query(medianOverScopes(daysToResolve, scopes, window), [scopes, scopes]);
  return Object.fromEntries(rows.map((row) => [row.code, row.median]));
}

/** percentile_cont over every fact's bucketed duration, one by one: what the histogram must give. */
async function directly(window: ChinaWindow, scopes: string[] = SCOPES): Promise<Record<string, number>> {
  const rows: { code: string; median: number }[] = await dataSource.query(
    `SELECT scope.code, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${distributionBucketSql(daysToResolve.days)}) AS median
     FROM unnest($1::text[]) AS scope(code)
     JOIN facts.request ON ${codeWithinPrefix('community_code', 'scope.code')}
       AND resolved_at >= ${sqlInstant(window.since)} AND resolved_at < ${sqlInstant(window.until)}
     GROUP BY scope.code`,
    [scopes],
  );
  return Object.fromEntries(rows.map((row) => [row.code, row.median]));
}

describe('a month histogram of durations', () => {
  const monthStart = `${chinaToday().slice(0, 7)}-01`;
  const windows: [string, ChinaWindow][] = [
    ['the last 12 months', lastTwelveMonths()],
    ['the last 40 days', chinaDays(addDays(chinaToday(), -39), chinaToday())],
    ['ten days within one month', chinaDays(addDays(addMonths(monthStart, -2), 5), addDays(addMonths(monthStart, -2), 15))],
    // Most of one month: the month from the histogram, less the facts on either side.
    ['twenty-two days within one month', chinaDays(addDays(addMonths(monthStart, -2), 3), addDays(addMonths(monthStart, -2), 24))],
    ['three whole China months', chinaDays(addMonths(monthStart, -4), addDays(addMonths(monthStart, -1), -1))],
  ];

  it.each(windows)('%s: every scope has the median of its facts bucketed one by one, through inserts, updates and deletes', async (_name, window) => {
    const expected = await directly(window);
    expect(Object.keys(expected).length).toBeGreaterThan(4);
    expect(await viaHistogram(window)).toEqual(expected);
  });

  it.each(windows)('%s: a batch of only regions, or only communities, gives the same', async (_name, window) => {
    for (const scopes of [SCOPES.filter((scope) => scope.length < 12), SCOPES.filter((scope) => scope.length === 12), ['62'], ['6201', '6202']]) {
      expect(await viaHistogram(window, scopes)).toEqual(await directly(window, scopes));
    }
  });

  it('counts durations beyond a year in one bucket, and an even count by the mean of its two middle values', async () => {
    const window = lastTwelveMonths();
    const [{ longest }] = await dataSource.query(`SELECT max(days) AS longest FROM facts.resolution_days`);
    expect(longest).toBe(367);
    // The fixture has regions of both parities (`ensureBothParities`), so both halves of the median's rule are exercised above.
    expect(new Set((await inWindowCounts(window)).map((row) => row.n % 2)).size).toBe(2);
  });

  it('takes the mean of two middle values that lie on different days, from any level', async () => {
    // Two requests alone in prefecture 6203, in a whole month three months back: 2.3 and 5.7 days to resolve.
    await dataSource.query(
      `INSERT INTO facts.request (community_code, submitted_at, resolved_at)
       SELECT '620301001001', resolved - duration, resolved
       FROM (VALUES (interval '2.3 days'), (interval '5.7 days')) AS durations(duration),
            LATERAL (SELECT date_trunc('month', now() - interval '3 months') + interval '10 days' AS resolved) timing`,
    );
    const medians = await viaHistogram(lastTwelveMonths(), ['6203', '620301', '620301001', '620301001001']);
    await dataSource.query(`DELETE FROM facts.request WHERE community_code = '620301001001'`);
    expect(medians).toEqual({ '6203': 4, '620301': 4, '620301001': 4, '620301001001': 4 });
  });

  it('reads whole months of a region from the histogram, by day and by bucket, not from the facts', async () => {
    const window = lastTwelveMonths();
    const before = await viaHistogram(window);
    // Ten thousand durations of 300.4 days in a whole month three months back, written to the histogram alone.
    const tampered = `region_prefix = '6201' AND month = date_trunc('month', now() - interval '3 months')::date`;
    const month = `date_trunc('month', now() - interval '3 months')::date`;
    await dataSource.query(`INSERT INTO facts.resolution_days (region_prefix, month, days, facts) VALUES ('6201', ${month}, 300.4, 10000)`);
    await dataSource.query(
      `INSERT INTO facts.resolution_days_by_day (region_prefix, month, day, facts) VALUES ('6201', ${month}, 300, 10000)
       ON CONFLICT (region_prefix, month, day) DO UPDATE SET facts = resolution_days_by_day.facts + 10000`,
    );
    const after = await viaHistogram(window);
    await dataSource.query(`DELETE FROM facts.resolution_days WHERE ${tampered} AND days = 300.4`);
    await dataSource.query(`UPDATE facts.resolution_days_by_day SET facts = facts - 10000 WHERE ${tampered} AND day = 300`);
    expect(after['6201']).toBe(300.4);
    expect(before['6201']).not.toBe(300.4);
    // Other levels, and communities, read their own rows.
    expect(after['62']).toBe(before['62']);
    expect(after['620102001001']).toBe(before['620102001001']);
    expect(await viaHistogram(window)).toEqual(before);
  });

  it('keeps the counts by whole day equal to the counts by bucket', async () => {
    const mismatches = await dataSource.query(
      `SELECT region_prefix, month, day FROM (
         SELECT region_prefix, month, floor(days)::integer AS day, sum(facts) AS facts FROM facts.resolution_days GROUP BY 1, 2, 3) by_bucket
       FULL JOIN facts.resolution_days_by_day d USING (region_prefix, month, day)
       WHERE coalesce(by_bucket.facts, 0) <> coalesce(d.facts, 0)`,
    );
    expect(mismatches).toEqual([]);
    const [{ days }] = await dataSource.query(`SELECT count(*)::int AS days FROM facts.resolution_days_by_day WHERE facts > 0`);
    expect(days).toBeGreaterThan(100);
  });
});
