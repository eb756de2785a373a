import { startStatisticsTestGraph, TABLE, valuesByCode, type StatisticsTestGraph } from '../testing/statistics-test';

let graph: StatisticsTestGraph;
beforeAll(async () => {
  graph = await startStatisticsTestGraph();
});
afterAll(() => graph.subgraph.stop());

const ASSESSMENT = ['ASSESSMENT_SCORE', 'SERVICE_COVERAGE_SCORE', 'VOLUNTEER_PARTICIPATION_SCORE', 'SAFETY_SCORE', 'PLAN_DELIVERY_SCORE', 'CAPACITY_SCORE', 'TARGETS_MISSED', 'SAFETY_TARGETS_MISSED', 'CAPACITY_TARGETS_MISSED'];

describe('the assessment family', () => {
  it('scores a community against its tier’s targets with governance’s formula', async () => {
    // 620102001002 (STANDARD), November 2026:
    //   service coverage: welfare 1 per 1,000 ≥ 0.6 → 1; within 15 days 2/4 = 0.5 of 0.8 → 0.625   → 100 × 1.625 / 2 = 81.25 → 81.3
    //   volunteers: 60 per 1,000 → 6 per 100 of 6 → 1; active 30/60 = 0.5 of 0.5 → 1              → 100
    //   safety: incidents 2 per 1,000 ≤ 4 → 1; agreements 1/2 of 0.85 → 0.5882…; liaison 1 of 1 → 1 → 86.27… → 86.3
    //   plan delivery: completed 1/2 of 0.8 → 0.625                                               → 62.5
    //   capacity: 300 m² of 300, 2 social workers of 2, 4 meetings of 4                            → 100
    //   score: (81.3 + 100 + 86.3 + 62.5 + 100) / 5 = 86.02 → 86.0; missed: within 15 days, mediation, projects.
    const result = await graph.ask(TABLE, { input: { level: 'COMMUNITY', within: ['620102001'], indicators: ASSESSMENT, period: { month: '2026-11' } }, first: 100 });
    expect(result.errors).toBeUndefined();
    expect(valuesByCode(result.data.indicatorTable)['620102001002']).toEqual([86, 81.3, 100, 86.3, 62.5, 100, 3, 1, 0]);
  });

  it('scores a region against its communities’ tier targets, weighted by tier, from its own summed figures', async () => {
    // Street 620102001 (5 of each tier), November 2026; targets are the tiers' mean (rounded to 0.001):
    //   service: welfare 20 per 17,500 residents = 1.14 per 1,000 ≥ 0.633 → 1; within 30/60 = 0.5 of 0.8 → 0.625 → 81.3
    //   volunteers: 1,850 per 17,500 = 10.57 per 100 ≥ 6.333 → 1; active 1,160/1,850 ≥ 0.5 → 1           → 100
    //   safety: 30 incidents per 17,500 = 1.71 per 1,000 ≤ 4 → 1; agreements 20/30 of 0.85 → 0.7843…;
    //           liaison in 10 of 15 communities of 1 → 0.6667                                            → 81.7
    //   plan delivery: 25 of 40 projects = 0.625 of 0.8 → 0.78125                                         → 78.1
    //   capacity: 300 m² per community of 333.333 → 0.9000009; 25/15 workers of 2 → 0.8333;
    //             55/15 meetings of 4 → 0.9167                                                             → 88.3
    //   score: (81.3 + 100 + 81.7 + 78.1 + 88.3) / 5 = 85.88 → 85.9; missed 7 (2 of safety, 3 of capacity).
    const result = await graph.ask(TABLE, { input: { level: 'STREET', within: ['620102'], indicators: ASSESSMENT, period: { month: '2026-11' } } });
    expect(valuesByCode(result.data.indicatorTable)['620102001']).toEqual([85.9, 81.3, 100, 81.7, 78.1, 88.3, 7, 2, 3]);
  });

  it('sorts and filters by the score like any indicator', async () => {
    const result = await graph.ask(TABLE, {
      input: { level: 'COMMUNITY', within: ['620102001'], indicators: ['ASSESSMENT_SCORE'], where: [{ indicator: 'TARGETS_MISSED', lte: 3 }], sort: { indicator: 'ASSESSMENT_SCORE', order: 'ASC' }, period: { month: '2026-11' } },
    });
    const scores = result.data.indicatorTable.edges.map((edge: { node: { values: { value: number }[] } }) => edge.node.values[0].value);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => a - b));
    expect(scores).toContain(86);
  });
});
