import { graphqlRequest, testToken } from '@shequ/kit/testing';
import { useClock } from '@shequ/kit';
import { admin, analyst, NOW, startStatisticsTestGraph, TABLE, valuesByCode, type StatisticsTestGraph } from '../testing/statistics-test';

let graph: StatisticsTestGraph;
beforeAll(async () => {
  graph = await startStatisticsTestGraph();
});
afterEach(() => useClock(NOW));
afterAll(() => graph.subgraph.stop());

const planner = testToken({ sub: 'planner', roles: ['department_staff'], department: 'governance', jurisdiction: '620100' });
const RUN = `mutation ($r: String!, $y: Int!) { runAssessment(regionCode: $r, year: $y) { regionCode year communitiesAssessed averageScore } }`;
const RANK = `query ($r: String!, $y: Int!, $f: Int) { rankCommunitiesByAssessment(regionCode: $r, year: $y, first: $f) { rank score community { code } components { name score missing } targetsMissed } }`;
const HISTORY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Region { assessmentHistory { year communitiesAssessed averageScore } } } }`;

const snapshotRows = async (year: number): Promise<number> =>
  (await graph.subgraph.dataSource.query(`SELECT count(*)::int AS rows FROM statistics.assessment_snapshot WHERE year = $1`, [year]))[0].rows;

describe("a year's assessment snapshot, taken from the store", () => {
  it("stores every community's assessment over the year's figures, as the indicator table computes it, and ranks them best first", async () => {
    const run = await graph.ask(RUN, { r: '620102', y: 2026 }, planner);
    expect(run.errors).toBeUndefined();
    const table = await graph.ask(TABLE, { input: { level: 'COMMUNITY', within: ['620102'], indicators: ['ASSESSMENT_SCORE', 'TARGETS_MISSED'], period: { year: 2026 } }, first: 1000 });
    const expected = valuesByCode(table.data.indicatorTable);
    const scores = Object.values(expected).map(([score]) => score as number);
    expect(run.data.runAssessment).toEqual({
      regionCode: '620102',
      year: 2026,
      communitiesAssessed: 30,
      averageScore: Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10) / 10,
    });

    const ranking = await graph.ask(RANK, { r: '620102', y: 2026, f: 100 }, null);
    expect(ranking.errors).toBeUndefined();
    const ranks = ranking.data.rankCommunitiesByAssessment as { rank: number; score: number; community: { code: string }; components: { name: string; score: number | null; missing: boolean }[]; targetsMissed: string[] }[];
    expect(ranks.map((entry) => entry.rank)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    for (const entry of ranks) {
      expect([entry.score, entry.targetsMissed.length]).toEqual(expected[entry.community.code]);
      expect(entry.components.map((component) => component.name)).toEqual(['SERVICE_COVERAGE', 'VOLUNTEER_PARTICIPATION', 'SAFETY', 'PLAN_DELIVERY', 'CAPACITY']);
      expect(entry.components.every((component) => component.missing === (component.score === null))).toBe(true);
    }
    const ordered = ranks.map((entry) => entry.score);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
  });

  it("gives each region its snapshot years, and a rerun replaces the year's snapshot rather than adding to it", async () => {
    const first = await graph.ask(RUN, { r: '620102', y: 2025 }, planner);
    await graph.ask(RUN, { r: '620102', y: 2025 }, planner);
    expect(await snapshotRows(2025)).toBe(30);
    const history = await graphqlRequest(graph.subgraph.url, HISTORY, { variables: { r: [{ __typename: 'Region', code: '620102' }, { __typename: 'Region', code: '620201' }] }, asGateway: true });
    expect(history.errors).toBeUndefined();
    expect(history.data._entities[0].assessmentHistory).toEqual(
      expect.arrayContaining([{ year: 2025, communitiesAssessed: 30, averageScore: first.data.runAssessment.averageScore }]),
    );
    expect(history.data._entities[1].assessmentHistory).toEqual([]);
  });

  it('records each run in the audit log, under the mutation’s name', async () => {
    await graph.ask(RUN, { r: '620102001', y: 2026 }, planner);
    const log = await graph.ask(`{ statisticsAuditLog(first: 5) { edges { node { operation actorSub targetIds } } } }`, {}, admin);
    expect(log.errors).toBeUndefined();
    expect(log.data.statisticsAuditLog.edges[0].node).toEqual({ operation: 'runAssessment', actorSub: 'planner', targetIds: ['620102001:2026'] });
  });

  it('refuses a run to other roles and outside the jurisdiction, and writes nothing', async () => {
    const before = await snapshotRows(2024);
    const otherDepartment = testToken({ sub: 'clerk', roles: ['department_staff'], department: 'service-delivery', jurisdiction: '620000' });
    for (const token of [analyst, otherDepartment, null]) {
      const refused = await graph.ask(RUN, { r: '620102', y: 2024 }, token);
      expect(refused.errors?.[0].extensions?.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    expect((await graph.ask(RUN, { r: '620201', y: 2024 }, planner)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await snapshotRows(2024)).toBe(before);
  });

  it('names what is wrong with a region or year, and ranks only within bounds', async () => {
    const provincePlanner = testToken({ sub: 'province-planner', roles: ['department_staff'], department: 'governance', jurisdiction: '620000' });
    expect((await graph.ask(RUN, { r: '629900', y: 2026 }, provincePlanner)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await graph.ask(RUN, { r: '62010', y: 2026 }, planner)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'regionCode' });
    expect((await graph.ask(RANK, { r: '620102', y: 2026, f: 101 }, null)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect((await graph.ask(RANK, { r: '620102', y: 1999 }, null)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });

  it("lets a new year's run start at China midnight on 1 January, and refuses it the hour before", async () => {
    const resident = testToken({ sub: 'resident', roles: ['resident'], jurisdiction: '620102' });
    useClock(new Date('2026-12-31T15:30:00Z'));
    expect((await graph.ask(RUN, { r: '620102', y: 2027 }, resident)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
    useClock(new Date('2026-12-31T16:30:00Z'));
    // Once the year may be assessed, the refusal is about the role.
    expect((await graph.ask(RUN, { r: '620102', y: 2027 }, resident)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a store never refreshed', () => {
  it('says so rather than storing an empty snapshot', async () => {
    const empty = await startStatisticsTestGraph({ refresh: false });
    try {
      const run = await empty.ask(RUN, { r: '620102', y: 2026 }, planner);
      expect(run.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(run.errors?.[0].message).toMatch(/refreshStatistics/);
    } finally {
      await empty.subgraph.stop();
    }
  });
});
