import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '../subgraph';
import { insertGovernanceFixture } from '../testing/fixture';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(subgraph.dataSource, 300);
  await subgraph.dataSource.query(`
    INSERT INTO governance.community_capacity (community_code, office_space_m2, activity_space_m2, network_access, staff, professional_social_workers, council_meetings_per_year)
    VALUES ('620102001002', 150, 80, true, 9, 2, 4), ('620102001001', 600, 300, true, 12, 4, 8)`);
  await subgraph.dataSource.query(`
    INSERT INTO governance.practical_project (community_code, year, title, budget, funding_source, status, completed_at) VALUES
      ('620102001002', extract(year FROM now())::int, '加装电梯', 200000, 'STATE', 'COMPLETED', now()),
      ('620102001002', extract(year FROM now())::int, '老年食堂', 80000, 'DONATIONS', 'IN_PROGRESS', NULL),
      ('620102001002', extract(year FROM now())::int, '取消的项目', 1000, 'STATE', 'CANCELLED', NULL),
      ('620102001002', extract(year FROM now())::int - 3, '旧项目', 1000, 'STATE', 'PLANNED', NULL)`);
});

afterAll(() => subgraph.stop());

const ASSESSMENT = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Community { code assessment { score components { name score missing } targetsMet { indicator } targetsMissed { indicator target actual } missingComponents } }
    ... on Region { code assessment { score targetsMet { indicator target actual } targetsMissed { indicator target actual } missingComponents } }
  }
}`;

const figures = {
  serviceStats: { welfareFacilitiesPer1000Residents: 0.3, resolvedWithin15DaysRate: 0.9 },
  volunteerStats: { registeredVolunteers: 60, activeVolunteers: 30, registeredVolunteersPer100Residents: 3 },
  safetyStats: { incidentsPer1000Residents: 5, mediationAgreementRate: 0.85, policeLiaisonCoverage: 1 },
};

async function assessEntities(representations: object[]) {
  const before = subgraph.statements.statements;
  const response = await graphqlRequest(subgraph.url, ASSESSMENT, { variables: { representations }, asGateway: true });
  expect(response.errors).toBeUndefined();
  return { entities: response.data._entities, statements: subgraph.statements.statements - before };
}

describe('Community.assessment', () => {
  it('scores a STANDARD community against its tier targets, as hand-computed', async () => {
    const { entities } = await assessEntities([{ __typename: 'Community', code: '620102001002', ...figures }]);
    const assessment = entities[0].assessment;
    // service (0.5 + 1) / 2 = 75; volunteers (0.5 + 1) / 2 = 75; safety (0.8 + 1 + 1) / 3 = 93.3;
    // plan delivery 0.5 of 0.8 = 62.5; capacity (0.5 + 1 + 1) / 3 = 83.3; mean of five = 77.8
    expect(assessment.components).toEqual([
      { name: 'SERVICE_COVERAGE', score: 75, missing: false },
      { name: 'VOLUNTEER_PARTICIPATION', score: 75, missing: false },
      { name: 'SAFETY', score: 93.3, missing: false },
      { name: 'PLAN_DELIVERY', score: 62.5, missing: false },
      { name: 'CAPACITY', score: 83.3, missing: false },
    ]);
    expect(assessment.score).toBe(77.8);
    expect(assessment.targetsMet.map((t: { indicator: string }) => t.indicator).sort()).toEqual(
      ['ACTIVE_VOLUNTEER_SHARE', 'COUNCIL_MEETINGS_PER_YEAR', 'MEDIATION_AGREEMENT_RATE', 'POLICE_LIAISON_COVERAGE', 'PROFESSIONAL_SOCIAL_WORKERS', 'REQUESTS_RESOLVED_WITHIN_15_DAYS'],
    );
    expect(assessment.targetsMissed).toEqual([
      { indicator: 'WELFARE_FACILITIES_PER_1000', target: 0.6, actual: 0.3 },
      { indicator: 'VOLUNTEERS_PER_100', target: 6, actual: 3 },
      { indicator: 'INCIDENTS_PER_1000', target: 4, actual: 5 },
      { indicator: 'PRACTICAL_PROJECTS_COMPLETED', target: 0.8, actual: 0.5 },
      { indicator: 'OFFICE_SPACE_M2', target: 300, actual: 150 },
    ]);
    expect(assessment.missingComponents).toEqual([]);
  });

  it('applies each tier its own targets: the same figures meet an ADVANCED community less', async () => {
    const { entities } = await assessEntities([{ __typename: 'Community', code: '620102001001', ...figures }]);
    const welfare = entities[0].assessment.targetsMissed.find((t: { indicator: string }) => t.indicator === 'WELFARE_FACILITIES_PER_1000');
    expect(welfare).toEqual({ indicator: 'WELFARE_FACILITIES_PER_1000', target: 1, actual: 0.3 });
  });

  it('marks a department whose figures are missing as a missing component and scores the rest', async () => {
    const { serviceStats, volunteerStats } = figures;
    const { entities } = await assessEntities([{ __typename: 'Community', code: '620102001002', serviceStats, volunteerStats, safetyStats: null }]);
    const assessment = entities[0].assessment;
    expect(assessment.missingComponents).toEqual(['SAFETY']);
    expect(assessment.components.find((c: { name: string }) => c.name === 'SAFETY')).toEqual({ name: 'SAFETY', score: null, missing: true });
    expect(assessment.score).toBe(74); // (75 + 75 + 62.5 + 83.3) / 4
  });

  it('costs the same number of SQL statements for 3 and for 300 communities', async () => {
    const rows: { code: string }[] = await subgraph.dataSource.query(`SELECT code FROM governance.community ORDER BY code LIMIT 300`);
    const representation = (code: string) => ({ __typename: 'Community', code, ...figures });
    const three = await assessEntities(rows.slice(0, 3).map((row) => representation(row.code)));
    const hundreds = await assessEntities(rows.map((row) => representation(row.code)));
    expect(hundreds.entities).toHaveLength(300);
    expect(three.statements).toBe(3); // communities, governance figures, tier templates
    expect(hundreds.statements).toBe(three.statements);
  });
});

describe('Region.assessment', () => {
  it("weights the targets by the region's communities' tiers", async () => {
    const { entities } = await assessEntities([{ __typename: 'Region', code: '620102', ...figures }]);
    // 620102 holds 2 ADVANCED, 2 STANDARD and 1 FOUNDATIONAL communities: (2 × 1.0 + 2 × 0.6 + 0.3) / 5 = 0.7
    const welfare = entities[0].assessment.targetsMissed.find((t: { indicator: string }) => t.indicator === 'WELFARE_FACILITIES_PER_1000');
    expect(welfare).toEqual({ indicator: 'WELFARE_FACILITIES_PER_1000', target: 0.7, actual: 0.3 });
    // capacity averages the two reporting communities, (150 + 600) / 2 = 375 m², against (2 × 500 + 2 × 300 + 200) / 5 = 360
    const office = entities[0].assessment.targetsMet.find((t: { indicator: string }) => t.indicator === 'OFFICE_SPACE_M2');
    expect(office).toEqual({ indicator: 'OFFICE_SPACE_M2', target: 360, actual: 375 });
  });
});
