import 'reflect-metadata';
import { createTestDatabase } from '@shequ/database/testing';
import { connectAndMigrate, createLogger, createServiceDataSource, runMain, useClock } from '@shequ/kit';
import { ALL_FLOWS, ALL_STOCKS, FEED_DEPARTMENTS, REPORTING_COLUMN } from '../catalogue/measures';
import { currentChinaMonth, previousPeriod, shiftMonth, spanOf, twelveMonthsEnding } from '../periods/period';
import { finishDirectory, storeAssessmentMethod } from '../store/figure-store';
import { FIXTURE_ASSESSMENT_METHOD } from './fixture-feed';
import { rollUpMonths, rollUpStocks } from '../store/month-figures';
import { StatisticsStore1765000000000 } from '../migrations/1765000000000-statistics-store';
import { MonthFigures1766000000000 } from '../migrations/1766000000000-month-figures';
import { buildTableQuery, type TableQuery } from '../table/indicator-table.query';

/*
 * Builds a province-scale store (14 prefectures × 7 counties × 15 streets × 10
 * communities = 14,700 communities, 36 months of flows, samples and members),
 * rolls it up as a full refresh does, and times the table's typical questions with EXPLAIN ANALYZE (5 runs each,
 * median of the execution times). Usage, on a PostgreSQL server:
 *   TEST_DATABASE_URL=postgres://… node dist/testing/province-scale.cli.js
 */
const RUNS = 5;

runMain(async () => {
  useClock(new Date('2026-11-15T04:00:00Z'));
  const database = await createTestDatabase();
  const logger = createLogger('statistics-scale', 'silent');
  const { dataSource } = createServiceDataSource({ url: database.url, schema: 'statistics', entities: [], migrations: [StatisticsStore1765000000000, MonthFigures1766000000000], logger, poolSize: 1 });
  await connectAndMigrate(dataSource, 'statistics');
  try {
    const step = async (label: string, work: () => Promise<unknown>) => {
      const started = Date.now();
      await work();
      process.stdout.write(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    };
    const month = currentChinaMonth();
    const months = Array.from({ length: 36 }, (_, index) => shiftMonth(month, index - 35));
    await step('directory (14 + 98 + 1,470 regions, 14,700 communities)', async () => {
      await dataSource.query(`
        INSERT INTO statistics.directory (code, name, level, parent_code, tier, prefix)
        SELECT '620000', '甘肃省', 'PROVINCE', NULL, NULL, '62'
        UNION ALL SELECT format('62%s00', lpad(p::text, 2, '0')), 'p' || p, 'PREFECTURE', '620000', NULL, format('62%s', lpad(p::text, 2, '0')) FROM generate_series(1, 14) p
        UNION ALL SELECT format('62%s%s', lpad(p::text, 2, '0'), lpad(c::text, 2, '0')), 'c', 'COUNTY', format('62%s00', lpad(p::text, 2, '0')), NULL, format('62%s%s', lpad(p::text, 2, '0'), lpad(c::text, 2, '0'))
          FROM generate_series(1, 14) p, generate_series(1, 7) c
        UNION ALL SELECT format('62%s%s%s', lpad(p::text, 2, '0'), lpad(c::text, 2, '0'), lpad(s::text, 3, '0')), 's', 'STREET', format('62%s%s', lpad(p::text, 2, '0'), lpad(c::text, 2, '0')), NULL,
                         format('62%s%s%s', lpad(p::text, 2, '0'), lpad(c::text, 2, '0'), lpad(s::text, 3, '0'))
          FROM generate_series(1, 14) p, generate_series(1, 7) c, generate_series(1, 15) s
        UNION ALL SELECT format('62%s%s%s%s', lpad(p::text, 2, '0'), lpad(c::text, 2, '0'), lpad(s::text, 3, '0'), lpad(k::text, 3, '0')), 'k', 'COMMUNITY',
                         format('62%s%s%s', lpad(p::text, 2, '0'), lpad(c::text, 2, '0'), lpad(s::text, 3, '0')), (ARRAY['ADVANCED', 'STANDARD', 'FOUNDATIONAL'])[1 + k % 3],
                         format('62%s%s%s%s', lpad(p::text, 2, '0'), lpad(c::text, 2, '0'), lpad(s::text, 3, '0'), lpad(k::text, 3, '0'))
          FROM generate_series(1, 14) p, generate_series(1, 7) c, generate_series(1, 15) s, generate_series(1, 10) k`);
      const codes: { code: string }[] = await dataSource.query(`SELECT code FROM statistics.directory`);
      await finishDirectory(dataSource, codes.map((row) => row.code));
      await storeAssessmentMethod(dataSource, FIXTURE_ASSESSMENT_METHOD);
    });
    await step('36 months of flows and samples, a snapshot with members', async () => {
      await dataSource.query(
        `INSERT INTO statistics.community_month (month, community_code, ${ALL_FLOWS.join(', ')})
         SELECT m, d.code, ${ALL_FLOWS.map((_, index) => `abs(hashtext(d.code || m || ${index})) % 20`).join(', ')}
         FROM statistics.directory d, unnest($1::text[]) m WHERE d.level = 'COMMUNITY'`,
        [months],
      );
      await dataSource.query(
        `INSERT INTO statistics.sample (month, community_code, measure, value, count)
         SELECT m, d.code, measure, v, 1 + abs(hashtext(d.code || m || measure || v)) % 5
         FROM statistics.directory d, unnest($1::text[]) m, unnest(ARRAY['days_to_resolve', 'days_to_close_mediation']) measure, generate_series(1, 4) v
         WHERE d.level = 'COMMUNITY'`,
        [months],
      );
      await dataSource.query(
        `INSERT INTO statistics.stock_snapshot (month, community_code, ${ALL_STOCKS.join(', ')}, ${FEED_DEPARTMENTS.map((department) => REPORTING_COLUMN[department]).join(', ')})
         SELECT $1, d.code, ${ALL_STOCKS.map((_, index) => (index === 0 ? '1000 + abs(hashtext(d.code)) % 2000' : `abs(hashtext(d.code || ${index})) % 30`)).join(', ')}, ${FEED_DEPARTMENTS.map(() => 'true').join(', ')}
         FROM statistics.directory d WHERE d.level = 'COMMUNITY'`,
        [month],
      );
      await dataSource.query(
        `INSERT INTO statistics.member (month, community_code, measure, member)
         SELECT $1, d.code, 'organizations_serving', 'org-' || (abs(hashtext(d.code || o)) % 3000) FROM statistics.directory d, generate_series(1, 3) o WHERE d.level = 'COMMUNITY'
         ON CONFLICT DO NOTHING`,
        [month],
      );
    });
    const current = twelveMonthsEnding(month);
    const before = previousPeriod(current);
    await step('the regions\' monthly flows of 36 months (a full refresh\'s roll-up)', () => rollUpMonths(dataSource, months));
    await step('every row\'s stocks of the snapshot', () => rollUpStocks(dataSource, [month]));
    await dataSource.query('VACUUM ANALYZE statistics.community_month, statistics.sample, statistics.region_month, statistics.stock_figure, statistics.scope_count, statistics.directory');

    const base: Omit<TableQuery, 'level' | 'within' | 'columns' | 'where' | 'sort'> = {
      period: spanOf(current), previous: null, lastYear: null, tierSet: 7, communityTiers: null, after: null, first: 100,
    };
    const questions: [string, TableQuery][] = [
      ['prefectures ranked by one rate', { ...base, level: 'PREFECTURE', within: ['620000'], columns: ['INCIDENTS_PER_1000_RESIDENTS'], where: [], sort: { indicator: 'INCIDENTS_PER_1000_RESIDENTS', descending: true } }],
      ['one prefecture\'s ~1,000 communities filtered on two departments\' figures', { ...base, level: 'COMMUNITY', within: ['620100'], columns: ['RESOLVED_WITHIN_15_DAYS_RATE', 'REGISTERED_VOLUNTEERS', 'INCIDENTS'], where: [{ indicator: 'RESOLVED_WITHIN_15_DAYS_RATE', gte: 0.3 } as never, { indicator: 'INCIDENTS', lt: 150 } as never], sort: { indicator: 'INCIDENTS', descending: true } }],
      ['the province\'s communities sorted by one figure, first page, with the previous period', { ...base, level: 'COMMUNITY', within: ['620000'], columns: ['INCIDENTS', 'POPULATION'], where: [], sort: { indicator: 'INCIDENTS', descending: true }, previous: spanOf(before) }],
      ['the province\'s communities ranked by assessment score, first page', { ...base, level: 'COMMUNITY', within: ['620000'], columns: ['ASSESSMENT_SCORE', 'TARGETS_MISSED'], where: [], sort: { indicator: 'ASSESSMENT_SCORE', descending: true } }],
      ['the counties ranked by assessment score, with the previous period', { ...base, level: 'COUNTY', within: ['620000'], columns: ['ASSESSMENT_SCORE', 'SAFETY_SCORE'], where: [], sort: { indicator: 'ASSESSMENT_SCORE', descending: true }, previous: spanOf(before) }],
    ];
    for (const [label, question] of questions) {
      const { sql, parameters } = buildTableQuery(question);
      const times: number[] = [];
      let plan = '';
      for (let run = 0; run < RUNS; run += 1) {
        const lines: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
        plan = lines.map((line) => line['QUERY PLAN']).join('\n');
        times.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]));
      }
      times.sort((a, b) => a - b);
      process.stdout.write(`\n${label}: median ${times[Math.floor(RUNS / 2)].toFixed(1)} ms (runs: ${times.map((time) => time.toFixed(1)).join(', ')})\n`);
      if (process.env.SHOW_PLANS === 'true') {
        process.stdout.write(`${plan}\n`);
      }
    }
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
});
