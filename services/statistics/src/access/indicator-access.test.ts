import { testToken } from '@shequ/kit/testing';
import { admin, analyst, startStatisticsTestGraph, TABLE, type StatisticsTestGraph } from '../testing/statistics-test';

let graph: StatisticsTestGraph;
beforeAll(async () => {
  graph = await startStatisticsTestGraph();
});
afterAll(() => graph.subgraph.stop());

const safetyStaff = (jurisdiction: string) => testToken({ sub: 'ps', roles: ['department_staff'], department: 'public-safety', jurisdiction });
const governanceStaff = testToken({ sub: 'gov', roles: ['department_staff'], department: 'governance', jurisdiction: '620000' });
const resident = testToken({ sub: 'resident', roles: ['resident'], jurisdiction: '620102001001' });
const countyAnalyst = testToken({ sub: 'county-analyst', roles: ['analyst'], jurisdiction: '620102' });

const asColumn = { level: 'STREET', within: ['620102'], indicators: ['SUPERVISED_PERSONS'], period: { month: '2026-11' } };
const asCondition = { level: 'STREET', within: ['620102'], indicators: ['INCIDENTS'], where: [{ indicator: 'SUPERVISED_PERSONS_PER_1000_RESIDENTS', gt: 0 }], period: { month: '2026-11' } };
const asSort = { level: 'STREET', within: ['620102'], indicators: ['INCIDENTS'], sort: { indicator: 'SUPERVISED_PERSONS', order: 'DESC' }, period: { month: '2026-11' } };
const TREND = `query ($codes: [String!]!) { indicatorTrend(indicator: SUPERVISED_PERSONS, regionCodes: $codes, from: "2026-11", to: "2026-11") { series { points { value } } } }`;

describe('restricted indicators', () => {
  it.each([
    ['anonymous', null],
    ['a resident', resident],
    ['governance staff', governanceStaff],
  ])('refuses %s as a column, a condition, a sort and a trend, naming the indicator', async (_who, token) => {
    for (const [input, indicator] of [[asColumn, 'SUPERVISED_PERSONS'], [asCondition, 'SUPERVISED_PERSONS_PER_1000_RESIDENTS'], [asSort, 'SUPERVISED_PERSONS']] as const) {
      const response = await graph.ask(TABLE, { input }, token);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', indicator });
      expect(response.data).toBeNull();
    }
    const trend = await graph.ask(TREND, { codes: ['620102'] }, token);
    expect(trend.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', indicator: 'SUPERVISED_PERSONS' });
  });

  it('refuses a caller whose jurisdiction does not cover every region asked for', async () => {
    const outside = await graph.ask(TABLE, { input: { ...asColumn, within: ['620102', '620201'] } }, safetyStaff('620102'));
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', indicator: 'SUPERVISED_PERSONS' });
    // No `within`: the whole province, wider than a county's analyst.
    const province = await graph.ask(TABLE, { input: { level: 'PREFECTURE', indicators: ['SUPERVISED_PERSONS'] } }, countyAnalyst);
    expect(province.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', indicator: 'SUPERVISED_PERSONS' });
    const trend = await graph.ask(TREND, { codes: ['620201001'] }, safetyStaff('620102'));
    expect(trend.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', indicator: 'SUPERVISED_PERSONS' });
  });

  it.each([
    ['an analyst', analyst],
    ['an admin', admin],
    ['public-safety staff of the county', safetyStaff('620102')],
    ['a county analyst within the county', countyAnalyst],
  ])('gives %s the figures within their jurisdiction', async (_who, token) => {
    const response = await graph.ask(TABLE, { input: asColumn }, token);
    expect(response.errors).toBeUndefined();
    // Each street: 5 STANDARD × 1 + 5 FOUNDATIONAL × 2 = 15.
    expect(response.data.indicatorTable.edges.map((edge: { node: { values: { value: number }[] } }) => edge.node.values[0].value)).toEqual([15, 15]);
    const sorted = await graph.ask(TABLE, { input: asSort }, token);
    expect(sorted.errors).toBeUndefined();
    const trend = await graph.ask(TREND, { codes: ['620102'] }, token);
    expect(trend.data.indicatorTrend.series[0].points).toEqual([{ value: 30 }]);
  });

  it('lets anyone, anonymous included, read public indicators', async () => {
    const response = await graph.ask(TABLE, { input: { level: 'PROVINCE', indicators: ['INCIDENTS'], period: { month: '2026-11' } } }, null);
    expect(response.errors).toBeUndefined();
    expect(response.data.indicatorTable.edges[0].node.values[0].value).toBe(120);
  });
});

describe('refreshStatistics and statisticsStatus', () => {
  const REFRESH = `mutation { refreshStatistics { full monthsCollected departments finishedAt } }`;
  it.each([
    ['anonymous', null, 'UNAUTHENTICATED'],
    ['an analyst', analyst, 'FORBIDDEN'],
    ['public-safety staff', safetyStaff('620000'), 'FORBIDDEN'],
  ])('refuses a refresh by %s', async (_who, token, code) => {
    const before = await graph.subgraph.dataSource.query(`SELECT count(*)::int AS n FROM statistics.refresh_log`);
    const response = await graph.ask(REFRESH, {}, token);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(await graph.subgraph.dataSource.query(`SELECT count(*)::int AS n FROM statistics.refresh_log`)).toEqual(before);
  });

  it('lets an admin refresh; nothing changed, so no month is collected; the status says so to anyone', async () => {
    const response = await graph.ask(REFRESH, {}, admin);
    expect(response.errors).toBeUndefined();
    expect(response.data.refreshStatistics).toMatchObject({ full: false, monthsCollected: 0, departments: ['GOVERNANCE', 'SERVICE_DELIVERY', 'VOLUNTEERS', 'PUBLIC_SAFETY'] });
    const status = await graph.ask(`{ statisticsStatus { asOf refreshing lastRefresh { full monthsCollected finishedAt } } }`, {}, null);
    expect(status.data.statisticsStatus).toMatchObject({ refreshing: false, lastRefresh: { full: false, monthsCollected: 0 } });
    expect(status.data.statisticsStatus.asOf).toBe(status.data.statisticsStatus.lastRefresh.finishedAt);
  });
});
