import { startStatisticsTestGraph, type StatisticsTestGraph } from '../testing/statistics-test';

let graph: StatisticsTestGraph;
beforeAll(async () => {
  graph = await startStatisticsTestGraph();
});
afterAll(() => graph.subgraph.stop());

const TREND = `query ($indicator: IndicatorId!, $codes: [String!]!, $granularity: TrendGranularity, $from: String, $to: String, $tiers: [Tier!]) {
  indicatorTrend(indicator: $indicator, regionCodes: $codes, granularity: $granularity, from: $from, to: $to, tiers: $tiers) {
    indicator { id } asOf series { code name points { period { kind label first last } value } }
  }
}`;

const points = (series: { points: { period: { label: string }; value: number | null }[] }) => series.points.map((point) => [point.period.label, point.value]);

describe('indicatorTrend', () => {
  it('gives quarters for a province and a street, each from its own sums', async () => {
    const { data, errors } = await graph.ask(TREND, { indicator: 'INCIDENTS', codes: ['620000', '620201001'], granularity: 'QUARTER', from: '2025-10', to: '2026-06' });
    expect(errors).toBeUndefined();
    // 60 communities × 1 a month in 2025, × 2 in 2026; the street has 15.
    expect(points(data.indicatorTrend.series[0])).toEqual([['2025-Q4', 180], ['2026-Q1', 360], ['2026-Q2', 360]]);
    expect(points(data.indicatorTrend.series[1])).toEqual([['2025-Q4', 45], ['2026-Q1', 90], ['2026-Q2', 90]]);
    expect(data.indicatorTrend.series[1].name).toBe('街道001');
    expect(data.indicatorTrend.series[0].points[0].period).toEqual({ kind: 'QUARTER', label: '2025-Q4', first: '2025-10-01', last: '2025-12-31' });
    expect(data.indicatorTrend.asOf).not.toBeNull();
  });

  it('defaults to the 24 months to the current one, and gives years', async () => {
    const months = await graph.ask(TREND, { indicator: 'INCIDENTS', codes: ['620000'] });
    const series = months.data.indicatorTrend.series[0];
    expect(series.points).toHaveLength(24);
    expect(points(series)[0]).toEqual(['2024-12', 60]);
    expect(points(series)[23]).toEqual(['2026-11', 120]);
    const years = await graph.ask(TREND, { indicator: 'INCIDENTS', codes: ['620000'], granularity: 'YEAR' });
    expect(points(years.data.indicatorTrend.series[0])).toEqual([['2024', 60], ['2025', 720], ['2026', 1320]]);
  });

  it('trends a rate over tiers only, and a community', async () => {
    const advanced = await graph.ask(TREND, { indicator: 'RESOLVED_WITHIN_15_DAYS_RATE', codes: ['620000'], from: '2026-10', to: '2026-11', tiers: ['STANDARD'] });
    expect(points(advanced.data.indicatorTrend.series[0])).toEqual([['2026-10', 0.5], ['2026-11', 0.5]]);
    const community = await graph.ask(TREND, { indicator: 'RESOLVED_WITHIN_15_DAYS_RATE', codes: ['620201001001'], from: '2026-09', to: '2026-10' });
    expect(points(community.data.indicatorTrend.series[0])).toEqual([['2026-09', 1], ['2026-10', 0.1]]);
  });

  it('trends every indicator family, the assessment included', async () => {
    const score = await graph.ask(TREND, { indicator: 'ASSESSMENT_SCORE', codes: ['620102001'], from: '2026-11', to: '2026-11' });
    expect(points(score.data.indicatorTrend.series[0])).toEqual([['2026-11', 85.9]]);
  });

  it('refuses unknown codes, bad months and reversed ranges', async () => {
    const unknown = await graph.ask(TREND, { indicator: 'INCIDENTS', codes: ['620000', '620999'] });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', regionCode: '620999' });
    const badMonth = await graph.ask(TREND, { indicator: 'INCIDENTS', codes: ['620000'], from: '2026-1' });
    expect(badMonth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    const reversed = await graph.ask(TREND, { indicator: 'INCIDENTS', codes: ['620000'], from: '2026-05', to: '2026-01' });
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    const none = await graph.ask(TREND, { indicator: 'INCIDENTS', codes: [] });
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'regionCodes' });
  });
});
