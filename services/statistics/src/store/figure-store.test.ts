import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { connectAndMigrate, createLogger, createServiceDataSource, type ServiceDataSource } from '@shequ/kit';
import { StatisticsStore1765000000000 } from '../migrations/1765000000000-statistics-store';
import { MonthFigures1766000000000 } from '../migrations/1766000000000-month-figures';
import { monthPeriod, spanOf } from '../periods/period';
import { finishDirectory, storeDirectory, storeFlowBlock, storeStocks, type BlockScope } from './figure-store';
import type { FigureBlock } from './feed-page';
import { rollUpMonths, rollUpStocks } from './month-figures';
import { periodRowsCtes, periodsCte } from './period-rows';
import { SqlParameters } from './sql-parameters';

let database: TestDatabase;
let store: ServiceDataSource['dataSource'];
beforeAll(async () => {
  database = await createTestDatabase();
  ({ dataSource: store } = createServiceDataSource({ url: database.url, schema: 'statistics', entities: [], migrations: [StatisticsStore1765000000000, MonthFigures1766000000000], logger: createLogger('statistics-test', 'silent'), poolSize: 2 }));
  await connectAndMigrate(store, 'statistics');
  await storeDirectory(store, {
    entries: [
      { code: '620000', name: '甘肃省', level: 'PROVINCE', parentCode: null, tier: null },
      { code: '620100', name: '兰州市', level: 'PREFECTURE', parentCode: '620000', tier: null },
      { code: '620102', name: '城关区', level: 'COUNTY', parentCode: '620100', tier: null },
      { code: '620102001', name: '街道', level: 'STREET', parentCode: '620102', tier: null },
      { code: '620102001001', name: '甲', level: 'COMMUNITY', parentCode: '620102001', tier: 'ADVANCED' },
      { code: '620102001002', name: '乙', level: 'COMMUNITY', parentCode: '620102001', tier: 'FOUNDATIONAL' },
    ],
    nextCursor: null,
  });
  await finishDirectory(store, ['620000', '620100', '620102', '620102001', '620102001001', '620102001002']);
});
afterAll(async () => {
  await store.destroy();
  await database.drop();
});

type Sample = { month: string; communityCode: string; measure: string; value: number; count: number };

/** A public-safety block of one or more months: [month, community, incidents, patrols] rows, with an unknown measure between. */
const block = (rows: [string, string, number | null, number | null][], samples: Sample[] = [{ month: rows[0]?.[0] ?? '2026-10', communityCode: '620102001001', measure: 'days_to_close_mediation', value: 4.5, count: 3 }]): FigureBlock => ({
  measures: ['incidents', 'an_unknown_measure', 'patrols'],
  rows: { month: rows.map((row) => row[0]), communityCode: rows.map((row) => row[1]), values: rows.flatMap(([, , incidents, patrols]) => [incidents, 5, patrols]) },
  samples: {
    month: samples.map((sample) => sample.month),
    communityCode: samples.map((sample) => sample.communityCode),
    measure: samples.map((sample) => sample.measure),
    value: samples.map((sample) => sample.value),
    count: samples.map((sample) => sample.count),
  },
});
const whole = (...months: string[]): BlockScope => ({ months, after: null, through: null });
const EMPTY = block([], []);

describe('writing feed blocks into the store', () => {
  it('writes a block of flows into the department’s columns, ignoring measures it does not know; a block written twice is written once', async () => {
    const october = block([['2026-10', '620102001001', 3, 2], ['2026-10', '620102001002', 1, null]]);
    expect(await storeFlowBlock(store, 'PUBLIC_SAFETY', whole('2026-10'), october)).toEqual({ published: 3, changedMonths: ['2026-10'] });
    expect(await storeFlowBlock(store, 'PUBLIC_SAFETY', whole('2026-10'), october)).toEqual({ published: 3, changedMonths: [] });
    expect(await store.query(`SELECT community_code, incidents, patrols, requests_resolved FROM statistics.community_month ORDER BY community_code`)).toEqual([
      { community_code: '620102001001', incidents: 3, patrols: 2, requests_resolved: null },
      { community_code: '620102001002', incidents: 1, patrols: null, requests_resolved: null },
    ]);
    expect(await store.query(`SELECT measure, value, count FROM statistics.sample`)).toEqual([{ measure: 'days_to_close_mediation', value: 4.5, count: 3 }]);
  });

  it('leaves other departments’ columns alone, and clears only its own', async () => {
    await storeFlowBlock(store, 'SERVICE_DELIVERY', whole('2026-10'), { ...EMPTY, measures: ['requests_resolved'], rows: { month: ['2026-10'], communityCode: ['620102001001'], values: [8] } });
    expect(await storeFlowBlock(store, 'PUBLIC_SAFETY', whole('2026-10'), EMPTY)).toEqual({ published: 0, changedMonths: ['2026-10'] });
    expect(await store.query(`SELECT community_code, incidents, requests_resolved FROM statistics.community_month ORDER BY community_code`)).toEqual([
      { community_code: '620102001001', incidents: null, requests_resolved: 8 },
      { community_code: '620102001002', incidents: null, requests_resolved: null },
    ]);
    expect(await store.query(`SELECT count(*)::int AS n FROM statistics.sample`)).toEqual([{ n: 0 }]);
  });

  it('writes months collected again as their changes: unchanged rows keep their version, a dropped community loses the figures, samples follow', async () => {
    const months = block([['2026-08', '620102001001', 5, 1], ['2026-09', '620102001001', 5, 1], ['2026-09', '620102001002', 2, 2]]);
    await storeFlowBlock(store, 'PUBLIC_SAFETY', whole('2026-08', '2026-09'), months);
    const versions = async () => store.query(`SELECT month, community_code, xmin::text AS version FROM statistics.community_month WHERE month IN ('2026-08', '2026-09') ORDER BY 1, 2`);
    const before = await versions();
    expect(await storeFlowBlock(store, 'PUBLIC_SAFETY', whole('2026-08', '2026-09'), months)).toEqual({ published: 4, changedMonths: [] });
    expect(await versions()).toEqual(before);

    const changed = block([['2026-08', '620102001001', 5, 1], ['2026-09', '620102001001', 6, 1]], [{ month: '2026-09', communityCode: '620102001001', measure: 'days_to_close_mediation', value: 2.5, count: 1 }]);
    expect(await storeFlowBlock(store, 'PUBLIC_SAFETY', whole('2026-08', '2026-09'), changed)).toEqual({ published: 3, changedMonths: ['2026-08', '2026-09'] });
    expect(await store.query(`SELECT month, community_code, incidents, patrols FROM statistics.community_month WHERE month IN ('2026-08', '2026-09') ORDER BY 1, 2`)).toEqual([
      { month: '2026-08', community_code: '620102001001', incidents: 5, patrols: 1 },
      { month: '2026-09', community_code: '620102001001', incidents: 6, patrols: 1 },
      { month: '2026-09', community_code: '620102001002', incidents: null, patrols: null },
    ]);
    expect(await store.query(`SELECT month, value, count FROM statistics.sample WHERE month IN ('2026-08', '2026-09')`)).toEqual([{ month: '2026-09', value: 2.5, count: 1 }]);
  });

  it('changes only its scope: the communities of its range and the months it was asked', async () => {
    await storeFlowBlock(store, 'PUBLIC_SAFETY', whole('2026-06', '2026-07'), block([['2026-06', '620102001001', 1, 1], ['2026-06', '620102001002', 1, 1], ['2026-07', '620102001002', 1, 1]]));
    // The second community's range, June only: an empty block clears that and nothing else.
    expect(await storeFlowBlock(store, 'PUBLIC_SAFETY', { months: ['2026-06'], after: '620102001001', through: null }, EMPTY)).toEqual({ published: 0, changedMonths: ['2026-06'] });
    expect(await storeFlowBlock(store, 'PUBLIC_SAFETY', { months: ['2026-06', '2026-07'], after: null, through: '620102001001' }, block([['2026-06', '620102001001', 1, 1]]))).toEqual({ published: 2, changedMonths: [] });
    expect(await store.query(`SELECT month, community_code, incidents FROM statistics.community_month WHERE month IN ('2026-06', '2026-07') ORDER BY 1, 2`)).toEqual([
      { month: '2026-06', community_code: '620102001001', incidents: 1 },
      { month: '2026-06', community_code: '620102001002', incidents: null },
      { month: '2026-07', community_code: '620102001002', incidents: 1 },
    ]);
  });

  it('rolls a month up to every region and set of tiers, absent flows counting zero and absent stocks null', async () => {
    await storeFlowBlock(store, 'PUBLIC_SAFETY', whole('2026-10'), block([['2026-10', '620102001001', 3, 2], ['2026-10', '620102001002', 1, null]]));
    await storeStocks(store, 'GOVERNANCE', '2026-10', { measures: ['population'], rows: [{ communityCode: '620102001001', values: [1200] }], samples: [], members: [], nextCursor: null });
    await rollUpMonths(store, ['2026-10']);
    await rollUpStocks(store, ['2026-10']);
    const rowOf = async (code: string, tierSet: number) => {
      const parameters = new SqlParameters();
      const scope = { communities: code.length === 12, level: null, prefixes: [code], codes: [code], tierSet, communityTiers: null };
      const ctes = [periodsCte(parameters, [spanOf(monthPeriod('2026-10'))]), ...periodRowsCtes(parameters, scope, { medians: false, assessment: false })];
      const [row] = await store.query(`WITH ${ctes.join(', ')} SELECT code, ${tierSet} AS tier_set, incidents, patrols, population, community_count FROM period_rows`, parameters.values);
      return row;
    };
    const rows = [await rowOf('620000', 1), await rowOf('620000', 4), await rowOf('620000', 7), await rowOf('620102001002', 7)];
    expect(rows).toEqual([
      { code: '620000', tier_set: 1, incidents: 3, patrols: 2, population: 1200, community_count: 1 },
      { code: '620000', tier_set: 4, incidents: 1, patrols: 0, population: null, community_count: 1 },
      { code: '620000', tier_set: 7, incidents: 4, patrols: 2, population: 1200, community_count: 2 },
      { code: '620102001002', tier_set: 7, incidents: 1, patrols: 0, population: null, community_count: 1 },
    ]);
  });
});
