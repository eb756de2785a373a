import { graphqlRequest, testToken } from '@shequ/kit/testing';
import { startGraph, type Graph } from './graph-harness';

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph();
  await graph.subgraphs.governance.dataSource.query(`
    INSERT INTO governance.community_capacity (community_code, office_space_m2, activity_space_m2, network_access, staff, professional_social_workers, council_meetings_per_year)
    VALUES ('620102001001', 520, 300, true, 12, 3, 6)`);
  // Snapshots are the statistics store's: it collects the departments' figures first.
  const admin = testToken({ sub: 'admin', roles: ['admin'], jurisdiction: '620000' });
  const refresh = await graphqlRequest(graph.gateway.url, 'mutation { refreshStatistics(full: true) { finishedAt } }', { token: admin });
  expect(refresh.errors).toBeUndefined();
  expect(refresh.data.refreshStatistics.finishedAt).toEqual(expect.any(String));
});
afterAll(() => graph.stop());

const planner = testToken({ sub: 'planner', roles: ['department_staff'], department: 'governance', jurisdiction: '620000' });
const STATS = `population tier
  serviceStats { welfareFacilitiesPer1000Residents resolvedWithin15DaysRate }
  volunteerStats { registeredVolunteers activeVolunteers registeredVolunteersPer100Residents }
  safetyStats { incidentsPer1000Residents mediationAgreementRate policeLiaisonCoverage }
  assessment { score components { name score missing } targetsMissed { indicator target actual } targetsMet { indicator target actual } missingComponents }`;

describe('the assessment through the gateway, with all four subgraphs', () => {
  it("scores a community from every department's live figures, the gateway carrying them into governance", async () => {
    const { data, errors } = await graphqlRequest(graph.gateway.url, `{ community(code: "620102001001") { ${STATS} } }`);
    expect(errors).toBeUndefined();
    const { assessment, serviceStats, volunteerStats, safetyStats } = data.community;
    const actualOf = (indicator: string) =>
      [...assessment.targetsMet, ...assessment.targetsMissed].find((target: { indicator: string }) => target.indicator === indicator)?.actual ?? null;
    // Each figure governance scored is the one its owner served in the same query.
    expect(actualOf('WELFARE_FACILITIES_PER_1000')).toBe(serviceStats.welfareFacilitiesPer1000Residents);
    expect(actualOf('REQUESTS_RESOLVED_WITHIN_15_DAYS')).toBe(serviceStats.resolvedWithin15DaysRate);
    expect(actualOf('VOLUNTEERS_PER_100')).toBe(volunteerStats.registeredVolunteersPer100Residents);
    expect(actualOf('INCIDENTS_PER_1000')).toBe(safetyStats.incidentsPer1000Residents);
    expect(actualOf('POLICE_LIAISON_COVERAGE')).toBe(safetyStats.policeLiaisonCoverage);
    expect(actualOf('OFFICE_SPACE_M2')).toBe(520);
    // An ADVANCED community: capacity meets every target (520 ≥ 500, 3 ≥ 3, 6 ≥ 6).
    expect(assessment.components.find((component: { name: string }) => component.name === 'CAPACITY')).toEqual({ name: 'CAPACITY', score: 100, missing: false });
    const present = assessment.components.filter((component: { missing: boolean }) => !component.missing).map((component: { score: number }) => component.score);
    expect(assessment.score).toBeCloseTo(present.reduce((a: number, b: number) => a + b, 0) / present.length, 1);
  });

  it('assesses a region from its region-level figures', async () => {
    const { data, errors } = await graphqlRequest(graph.gateway.url, `{ region(code: "620100") { communityCount ${STATS.replace('population tier', 'population')} } }`);
    expect(errors).toBeUndefined();
    expect(data.region.assessment.score).toEqual(expect.any(Number));
  });

  it("takes a region's snapshot in the statistics store through the gateway, with no call back into the graph, and ranks its communities from it", async () => {
    const run = await graphqlRequest(graph.gateway.url, `mutation { runAssessment(regionCode: "620100", year: 2026) { communitiesAssessed averageScore } }`, { token: planner });
    expect(run.errors).toBeUndefined();
    expect(run.data.runAssessment.communitiesAssessed).toBe(6);
    const ranking = await graphqlRequest(
      graph.gateway.url,
      `{ rankCommunitiesByAssessment(regionCode: "620100", year: 2026, first: 3) { rank score community { code name } components { name score } targetsMissed }
         region(code: "620100") { assessmentHistory { year communitiesAssessed averageScore } } }`,
    );
    expect(ranking.errors).toBeUndefined();
    const ranks = ranking.data.rankCommunitiesByAssessment;
    expect(ranks.map((entry: { rank: number }) => entry.rank)).toEqual([1, 2, 3]);
    expect(ranks[0].score).toBeGreaterThanOrEqual(ranks[1].score);
    expect(ranks[0].community.name).toEqual(expect.any(String));
    expect(ranking.data.region.assessmentHistory).toEqual([{ year: 2026, communitiesAssessed: 6, averageScore: run.data.runAssessment.averageScore }]);
    // A rerun replaces the year's snapshot rather than adding to it.
    await graphqlRequest(graph.gateway.url, `mutation { runAssessment(regionCode: "620100", year: 2026) { communitiesAssessed } }`, { token: planner });
    const [{ rows }] = await graph.subgraphs.statistics.dataSource.query(`SELECT count(*)::int AS rows FROM statistics.assessment_snapshot WHERE year = 2026`);
    expect(rows).toBe(6);
  });

  it('refuses a snapshot run to an analyst', async () => {
    const { errors } = await graphqlRequest(graph.gateway.url, `mutation { runAssessment(regionCode: "620100", year: 2026) { communitiesAssessed } }`, { token: testToken({ roles: ['analyst'] }) });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
