import { startStatisticsTestGraph, TABLE, valuesByCode, type StatisticsTestGraph } from '../testing/statistics-test';

let graph: StatisticsTestGraph;
beforeAll(async () => {
  graph = await startStatisticsTestGraph();
});
afterAll(() => graph.subgraph.stop());

const table = async (input: Record<string, unknown>, first = 100, after?: string) => {
  const response = await graph.ask(TABLE, { input, first, after });
  expect(response.errors).toBeUndefined();
  return response.data.indicatorTable;
};

describe('indicatorTable: figures from the fixture', () => {
  it('recomputes a region rate from summed numerators and denominators, not from the communities’ rates', async () => {
    // Street 620201001 in 2026-10: 5 ADVANCED communities (one resolved 20, 2 within 15 days; four resolved 4, all within),
    // 5 STANDARD (4 resolved, 2 within), 5 FOUNDATIONAL (4 resolved, none within).
    // Within: 4×4 + 2 + 5×2 + 0 = 28; resolved: 4×4 + 20 + 5×4 + 5×4 = 76 → 28/76. The mean of the 15 rates would be 6.6/15 = 0.44.
    const result = await table({ level: 'STREET', within: ['620201'], indicators: ['RESOLVED_WITHIN_15_DAYS_RATE', 'REQUESTS_RESOLVED'], period: { month: '2026-10' } });
    expect(valuesByCode(result)).toEqual({ '620201001': [28 / 76, 76] });
    const communities = await table({ level: 'COMMUNITY', within: ['620201001'], indicators: ['RESOLVED_WITHIN_15_DAYS_RATE'], period: { month: '2026-10' } });
    const rates = communities.edges.map((edge: { node: { values: { value: number }[] } }) => edge.node.values[0].value);
    expect(rates.reduce((a: number, b: number) => a + b, 0) / rates.length).toBeCloseTo(0.44, 10);
    expect(valuesByCode(communities)['620201001001']).toEqual([0.1]);
  });

  it('sums flows over a year and rates them over the population of the period’s snapshot', async () => {
    // 2025: every community resolves 2 a month; ADVANCED 2 within, STANDARD 1, FOUNDATIONAL 0 → 12 × 60 / (12 × 120) = 0.5.
    // No snapshot was taken in 2025, so per-resident rates have no population: null.
    const y2025 = await table({ level: 'PROVINCE', indicators: ['RESOLVED_WITHIN_15_DAYS_RATE', 'INCIDENTS', 'INCIDENTS_PER_1000_RESIDENTS', 'POPULATION'], period: { year: 2025 } });
    expect(valuesByCode(y2025)).toEqual({ '620000': [0.5, 720, null, null] });
    // 2026 (January to November): incidents 2 a month × 60 × 11 = 1320; population 20 × (2000 + 1000 + 500) = 70000.
    const y2026 = await table({ level: 'PROVINCE', indicators: ['INCIDENTS', 'INCIDENTS_PER_1000_RESIDENTS', 'POPULATION', 'RESOLVED_WITHIN_15_DAYS_RATE'], period: { year: 2026 } });
    // Within: 11 × (20×4 + 20×2) − 4 + 2 = 1318; resolved: 11 × 60 × 4 − 4 + 20 = 2656.
    expect(valuesByCode(y2026)).toEqual({ '620000': [1320, (1320 * 1000) / 70000, 70000, 1318 / 2656] });
  });

  it('gives each catalogue family its figure for a community', async () => {
    // 620102001002 is STANDARD; November 2026 (y = 2) and the November snapshot.
    const result = await table({
      level: 'COMMUNITY',
      within: ['620102001'],
      indicators: [
        'REQUESTS_PER_1000_RESIDENTS', 'AVERAGE_SATISFACTION', 'MEDIAN_DAYS_TO_RESOLVE', 'INVESTMENT_YUAN_PER_RESIDENT', 'WELFARE_FACILITIES_PER_1000_RESIDENTS', 'OPEN_REQUESTS',
        'CONFIRMED_HOURS_PER_1000_RESIDENTS', 'REGISTERED_VOLUNTEERS_PER_100_RESIDENTS', 'ACTIVE_VOLUNTEER_SHARE', 'ORGANIZATIONS_SERVING',
        'MEDIATION_AGREEMENT_RATE', 'MEDIAN_DAYS_TO_CLOSE_MEDIATION', 'JOINT_PATROL_SHARE', 'POLICE_LIAISON_COVERAGE', 'OPEN_HAZARDS',
        'OFFICE_SPACE_M2', 'STAFF_PER_1000_RESIDENTS', 'PRACTICAL_PROJECT_COMPLETION_RATE', 'COMMUNITIES',
      ],
      period: { month: '2026-11' },
    });
    expect(valuesByCode(result)['620102001002']).toEqual([
      6, 4.5, 10, 0.1, 1, 1,
      20, 6, 0.5, 1,
      0.5, 5, 0.25, 1, 0,
      300, 6, 0.5, 1,
    ]);
    expect(result.edges.find((edge: { node: { code: string } }) => edge.node.code === '620102001002').node).toMatchObject({ name: '社区001002', level: 'COMMUNITY', tier: 'STANDARD', community: { code: '620102001002' }, region: null });
  });

  it('takes a region’s median from the summed samples and its distinct counts from members', async () => {
    // Street 620102001, 2026-10: 5 ADVANCED × 4 samples of 3 days, 5 STANDARD × 2 of 10, 5 FOUNDATIONAL × 2 of 40:
    // 40 values, the 20th is 3 and the 21st 10 → 6.5 (the median of the 15 communities' medians would be 10).
    // Organisations: the street's own and the shared one → 2; the province: four street organisations and the shared one → 5.
    const street = await table({ level: 'STREET', within: ['620102'], indicators: ['MEDIAN_DAYS_TO_RESOLVE', 'ORGANIZATIONS_SERVING'], period: { month: '2026-10' } });
    expect(valuesByCode(street)).toEqual({ '620102001': [6.5, null], '620102002': [6.5, null] });
    const now = await table({ level: 'STREET', within: ['620102'], indicators: ['ORGANIZATIONS_SERVING'], period: { month: '2026-11' } });
    expect(valuesByCode(now)).toEqual({ '620102001': [2], '620102002': [1] });
    const province = await table({ level: 'PROVINCE', indicators: ['ORGANIZATIONS_SERVING', 'OFFICE_SPACE_M2', 'POLICE_LIAISON_COVERAGE'], period: { month: '2026-11' } });
    // Office space per community: 20 × (500 + 300 + 100) / 60 = 300; liaison in 40 of 60 communities.
    expect(valuesByCode(province)).toEqual({ '620000': [5, 300, 40 / 60] });
  });

  it('aggregates region rows over the tiers asked for only', async () => {
    const result = await table({ level: 'PREFECTURE', indicators: ['RESOLVED_WITHIN_15_DAYS_RATE', 'COMMUNITIES', 'POPULATION'], tiers: ['ADVANCED', 'FOUNDATIONAL'], period: { year: 2025 } });
    // ADVANCED 2 of 2, FOUNDATIONAL 0 of 2 → 0.5; 620100 holds 45 communities of which 30 are of those tiers, 620200 15 of which 10.
    expect(valuesByCode(result)).toEqual({ '620100': [0.5, 30, null], '620200': [0.5, 10, null] });
    const advanced = await table({ level: 'COMMUNITY', within: ['620201001'], indicators: ['COMMUNITIES'], tiers: ['ADVANCED'] });
    expect(advanced.totalCount).toBe(5);
    expect(advanced.edges.every((edge: { node: { tier: string } }) => edge.node.tier === 'ADVANCED')).toBe(true);
  });
});

describe('indicatorTable: periods and comparisons', () => {
  it('labels every kind of period and compares with the previous period and the same period last year', async () => {
    const month = await table({ level: 'PROVINCE', indicators: ['INCIDENTS'], period: { month: '2026-01' }, compare: ['PREVIOUS_PERIOD', 'SAME_PERIOD_LAST_YEAR'] });
    expect(month.period).toEqual({ kind: 'MONTH', label: '2026-01', first: '2026-01-01', last: '2026-01-31' });
    expect(month.previousPeriod).toEqual({ label: '2025-12' });
    expect(month.samePeriodLastYear).toEqual({ label: '2025-01' });
    // 60 communities × 2 in 2026, × 1 in 2025.
    expect(month.edges[0].node.values[0]).toEqual({ indicator: 'INCIDENTS', value: 120, previousPeriod: 60, changeFromPreviousPeriod: 60, samePeriodLastYear: 60, changeFromSamePeriodLastYear: 60 });

    const quarter = await table({ level: 'PROVINCE', indicators: ['INCIDENTS'], period: { quarter: '2026-Q1' }, compare: ['PREVIOUS_PERIOD', 'SAME_PERIOD_LAST_YEAR'] });
    expect(quarter.period).toEqual({ kind: 'QUARTER', label: '2026-Q1', first: '2026-01-01', last: '2026-03-31' });
    expect(quarter.edges[0].node.values[0]).toMatchObject({ value: 360, previousPeriod: 180, samePeriodLastYear: 180 });

    const twelve = await table({ level: 'PROVINCE', indicators: ['INCIDENTS'], period: { twelveMonthsEnding: '2026-11' }, compare: ['PREVIOUS_PERIOD'] });
    // 2025-12 at 60, then 11 months at 120; the twelve months before (2024-12 … 2025-11) at 60 each.
    expect(twelve.period).toEqual({ kind: 'TWELVE_MONTHS', label: '2025-12..2026-11', first: '2025-12-01', last: '2026-11-30' });
    expect(twelve.edges[0].node.values[0]).toMatchObject({ value: 60 + 11 * 120, previousPeriod: 720, changeFromPreviousPeriod: 60 + 11 * 120 - 720 });

    const byDefault = await table({ level: 'PROVINCE', indicators: ['INCIDENTS'] });
    expect(byDefault.period.label).toBe('2025-12..2026-11');
    expect(byDefault.asOf).not.toBeNull();
  });

  it('gives null changes when the earlier period has no figure', async () => {
    const result = await table({ level: 'PROVINCE', indicators: ['POPULATION'], period: { month: '2026-11' }, compare: ['PREVIOUS_PERIOD'] });
    expect(result.edges[0].node.values[0]).toMatchObject({ value: 70000, previousPeriod: null, changeFromPreviousPeriod: null });
  });
});

describe('indicatorTable: filters, sorting and paging', () => {
  it('filters on two departments’ figures at once', async () => {
    // Volunteers (≥ 60 registered: ADVANCED and STANDARD), public safety (no open hazard: the same) and service delivery
    // (all resolved within 15 days: ADVANCED only), in the 30 communities of county 620102.
    const result = await table({
      level: 'COMMUNITY',
      within: ['620102'],
      indicators: ['REGISTERED_VOLUNTEERS', 'OPEN_HAZARDS'],
      where: [{ indicator: 'REGISTERED_VOLUNTEERS', gte: 60 }, { indicator: 'OPEN_HAZARDS', in: [0] }, { indicator: 'RESOLVED_WITHIN_15_DAYS_RATE', between: [0.9, 1] }],
      period: { month: '2026-11' },
    });
    expect(result.totalCount).toBe(10);
    expect(result.edges.every((edge: { node: { tier: string } }) => edge.node.tier === 'ADVANCED')).toBe(true);
    const none = await table({ level: 'PROVINCE', indicators: ['POPULATION'], where: [{ indicator: 'POPULATION', isNull: true }], period: { year: 2025 } });
    expect(none.totalCount).toBe(1);
    const lt = await table({ level: 'COUNTY', indicators: ['INCIDENTS'], where: [{ indicator: 'INCIDENTS', lt: 40, gt: 20 }], period: { month: '2026-11' } });
    // Counties: 620102 has 30 communities (60 incidents), 620103 and 620201 have 15 (30 each).
    expect(Object.keys(valuesByCode(lt))).toEqual(['620103', '620201']);
  });

  it('sorts either way with ties by code, nulls last, and ranks', async () => {
    const desc = await table({ level: 'COUNTY', indicators: ['INCIDENTS'], sort: { indicator: 'INCIDENTS', order: 'DESC' }, period: { month: '2026-11' } });
    expect(desc.edges.map((edge: { node: { code: string; rank: number } }) => [edge.node.rank, edge.node.code])).toEqual([[1, '620102'], [2, '620103'], [3, '620201']]);
    const asc = await table({ level: 'COUNTY', indicators: ['INCIDENTS'], sort: { indicator: 'INCIDENTS', order: 'ASC' }, period: { month: '2026-11' } });
    expect(asc.edges.map((edge: { node: { code: string } }) => edge.node.code)).toEqual(['620103', '620201', '620102']);
    // Population has no 2025 snapshot: every row is null, so the order is by code either way.
    const nulls = await table({ level: 'COUNTY', indicators: ['POPULATION'], sort: { indicator: 'POPULATION', order: 'DESC' }, period: { year: 2025 } });
    expect(nulls.edges.map((edge: { node: { code: string } }) => edge.node.code)).toEqual(['620102', '620103', '620201']);
  });

  it('pages with a keyset cursor through ties and nulls, the total on every page', async () => {
    const input = { level: 'COMMUNITY', within: ['620102001', '620201001'], indicators: ['RESOLVED_WITHIN_15_DAYS_RATE'], sort: { indicator: 'RESOLVED_WITHIN_15_DAYS_RATE', order: 'ASC' }, period: { month: '2026-10' } };
    const whole = await table(input, 1000);
    expect(whole.totalCount).toBe(30);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await table(input, 7, after);
      expect(result.totalCount).toBe(30);
      seen.push(...result.edges.map((edge: { node: { code: string } }) => edge.node.code));
      if (!result.pageInfo.hasNextPage) {
        break;
      }
      after = result.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((edge: { node: { code: string } }) => edge.node.code));
    // Ascending: the ten FOUNDATIONAL at 0 by code, then 620201001001 at 0.1, then STANDARD at 0.5, then ADVANCED at 1.
    expect(seen.slice(0, 11)).toEqual([...['003', '006', '009', '012', '015'].map((k) => `620102001${k}`), ...['003', '006', '009', '012', '015'].map((k) => `620201001${k}`), '620201001001']);
    expect(whole.edges[10].node.rank).toBe(11);
  });

  it('answers a page in the same number of statements whatever its size', async () => {
    const input = { level: 'COMMUNITY', indicators: ['INCIDENTS', 'ASSESSMENT_SCORE'], sort: { indicator: 'INCIDENTS', order: 'DESC' }, compare: ['PREVIOUS_PERIOD'] };
    const count = async (first: number) => {
      const before = graph.subgraph.statements.statements;
      await table(input, first);
      return graph.subgraph.statements.statements - before;
    };
    expect(await count(2)).toBe(await count(60));
  });
});

describe('indicatorTable: bad input', () => {
  const bad = async (input: Record<string, unknown>, first = 10, after?: string) => (await graph.ask(TABLE, { input, first, after })).errors?.[0];
  it.each([
    [{ level: 'PROVINCE', indicators: ['INCIDENTS'], period: { month: '2026-13' } }, 'input.period.month'],
    [{ level: 'PROVINCE', indicators: ['INCIDENTS'], period: { quarter: '2026-Q5' } }, 'input.period.quarter'],
    [{ level: 'PROVINCE', indicators: ['INCIDENTS'], period: { month: '2026-10', year: 2026 } }, 'input.period'],
    [{ level: 'PROVINCE', indicators: ['INCIDENTS'], where: [{ indicator: 'INCIDENTS', between: [1] }] }, 'input.where[0].between'],
    [{ level: 'PROVINCE', indicators: [] }, 'input.indicators'],
    [{ level: 'PREFECTURE', within: ['620102'], indicators: ['INCIDENTS'] }, 'input.level'],
    [{ level: 'PROVINCE', within: ['62010'], indicators: ['INCIDENTS'] }, 'input.within'],
  ])('refuses %j naming the argument', async (input, argument) => {
    expect((await bad(input))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('refuses first out of range and a forged cursor', async () => {
    expect((await bad({ level: 'PROVINCE', indicators: ['INCIDENTS'] }, 1001))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect((await bad({ level: 'PROVINCE', indicators: ['INCIDENTS'] }, 10, 'bm90IGEgY3Vyc29y'))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('answers NOT_FOUND naming a region the directory does not hold', async () => {
    const error = await bad({ level: 'COMMUNITY', within: ['620102001', '620999'], indicators: ['INCIDENTS'] });
    expect(error?.extensions).toMatchObject({ code: 'NOT_FOUND', regionCode: '620999', argument: 'input.within' });
    expect(error?.message).toContain('620999');
  });
});
