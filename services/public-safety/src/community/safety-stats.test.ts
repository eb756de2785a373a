import { addMonths, chinaMidnight, chinaToday } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { publicSafetySubgraph } from '../subgraph';
import { insertPublicSafetyFixture } from '../testing/fixture';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(publicSafetySubgraph);
  await insertPublicSafetyFixture(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const STATS = `incidentsLast12Months incidentsPer1000Residents mediationCasesLast12Months mediationAgreementRate medianDaysToCloseMediation
  patrolsLastMonth jointPatrolsLastMonth patrolHoursLastMonth openHazards legalServicePeopleReachedLast12Months
  policeLiaisonCoverage communitiesWithoutPoliceLiaison supervisedPersons`;

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Community { code safetyStats { ${STATS} } }
    ... on Region { code safetyStats { ${STATS} } }
  }
}`;

async function entities(representations: object[]) {
  const response = await graphqlRequest(subgraph.url, ENTITIES, { variables: { representations }, asGateway: true });
  expect(response.errors).toBeUndefined();
  return response.data._entities;
}

describe('safetyStats', () => {
  it('counts a community as hand-computed from the fixture', async () => {
    const [community] = await entities([{ __typename: 'Community', code: '620102001001', population: 5000 }]);
    expect(community.safetyStats).toEqual({
      incidentsLast12Months: 3,
      incidentsPer1000Residents: 0.6,
      mediationCasesLast12Months: 3,
      mediationAgreementRate: 0.5,
      medianDaysToCloseMediation: 15,
      patrolsLastMonth: 2,
      jointPatrolsLastMonth: 1,
      patrolHoursLastMonth: 4,
      openHazards: 1,
      legalServicePeopleReachedLast12Months: 80,
      policeLiaisonCoverage: 1,
      communitiesWithoutPoliceLiaison: 0,
      supervisedPersons: 2,
    });
  });

  it('shows a community without a liaison as a gap, and nulls rates it cannot compute', async () => {
    const [lacking, empty] = await entities([
      { __typename: 'Community', code: '620102002001', population: 6000 },
      { __typename: 'Community', code: '620102002002', population: 0 },
    ]);
    expect(lacking.safetyStats).toMatchObject({ incidentsLast12Months: 2, policeLiaisonCoverage: 0, communitiesWithoutPoliceLiaison: 1, openHazards: 2, supervisedPersons: 1, mediationAgreementRate: null });
    expect(empty.safetyStats).toMatchObject({ incidentsLast12Months: 0, incidentsPer1000Residents: null, medianDaysToCloseMediation: null, communitiesWithoutPoliceLiaison: 1 });
  });

  it('rolls a county and the province up with the same meaning', async () => {
    const [county, province, prefecture] = await entities([
      { __typename: 'Region', code: '620102', population: 20000, communityCount: 5 },
      { __typename: 'Region', code: '620000', population: 25018000, communityCount: 7 },
      { __typename: 'Region', code: '620200', population: 313000, communityCount: 1 },
    ]);
    expect(county.safetyStats).toEqual({
      incidentsLast12Months: 6,
      incidentsPer1000Residents: 0.3,
      mediationCasesLast12Months: 4,
      mediationAgreementRate: 2 / 3,
      medianDaysToCloseMediation: 10,
      patrolsLastMonth: 3,
      jointPatrolsLastMonth: 2,
      patrolHoursLastMonth: 7,
      openHazards: 3,
      legalServicePeopleReachedLast12Months: 81,
      policeLiaisonCoverage: 0.4,
      communitiesWithoutPoliceLiaison: 3,
      supervisedPersons: 3,
    });
    expect(province.safetyStats).toMatchObject({
      incidentsLast12Months: 7,
      incidentsPer1000Residents: (7 * 1000) / 25018000,
      mediationCasesLast12Months: 5,
      mediationAgreementRate: 0.5,
      medianDaysToCloseMediation: 15,
      policeLiaisonCoverage: 3 / 7,
      communitiesWithoutPoliceLiaison: 4,
      supervisedPersons: 4,
    });
    expect(prefecture.safetyStats).toMatchObject({ incidentsLast12Months: 0, policeLiaisonCoverage: 0, communitiesWithoutPoliceLiaison: 1 });
  });

  it('costs the same number of statements for 3 and 300 communities', async () => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community {
      code safetyStats { ${STATS} } policeLiaison { officerName officerPhone } safetyGroups { name }
      safetyIncidents(first: 2) { totalCount edges { node { category } } }
      mediationCases(first: 2, filter: { open: false }) { totalCount edges { node { outcome daysToClose } } }
      inspections(first: 2) { totalCount edges { node { targetName hazardsFound hazardsFixed hazards { description } } } } } } }`;
    const count = async (size: number) => {
      const representations = Array.from({ length: size }, (_, index) => ({
        __typename: 'Community',
        code: index < 4 ? ['620102001001', '620102001002', '620102002001', '620103001001'][index] : `6202010${String(index).padStart(5, '0')}`,
        population: 1000,
      }));
      const before = subgraph.statements.statements;
      const response = await graphqlRequest(subgraph.url, query, { variables: { representations }, asGateway: true });
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toHaveLength(size);
      return subgraph.statements.statements - before;
    };
    const small = await count(3);
    expect(small).toBeGreaterThan(0);
    expect(await count(300)).toBe(small);
  });
});

describe('rankCommunitiesBySafety', () => {
  it('ranks the communities of a region by a metric, highest first', async () => {
    const { data } = await graphqlRequest(
      subgraph.url,
      `{ incidents: rankCommunitiesBySafety(metric: INCIDENTS_LAST_12_MONTHS, regionCode: "620100", first: 2) { community { code } value }
         failures: rankCommunitiesBySafety(metric: MEDIATION_FAILURE_RATE, regionCode: "620000") { community { code } value } }`,
    );
    expect(data.incidents).toEqual([
      { community: { code: '620102001001' }, value: 3 },
      { community: { code: '620102002001' }, value: 2 },
    ]);
    expect(data.failures).toEqual([
      { community: { code: '620103001001' }, value: 1 },
      { community: { code: '620102001001' }, value: 0.5 },
      { community: { code: '620102001002' }, value: 0 },
    ]);
  });

  it.each([
    ['regionCode: "62"', 'regionCode'],
    ['regionCode: "620100", first: 0', 'first'],
    ['regionCode: "620100", first: 101', 'first'],
  ])('rejects %s naming %s', async (args, argument) => {
    const { errors } = await graphqlRequest(subgraph.url, `{ rankCommunitiesBySafety(metric: OPEN_HAZARDS, ${args}) { value } }`);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('incidentTrend', () => {
  it('counts incidents per month with empty months as zero', async () => {
    const to = new Date();
    // The trend's months are China months: from the first of the China month a year before this one.
    const firstMonth = addMonths(`${chinaToday().slice(0, 7)}-01`, -12);
    const from = chinaMidnight(firstMonth);
    const { data, errors } = await graphqlRequest(
      subgraph.url,
      `query ($from: DateTimeISO!, $to: DateTimeISO!) { all: incidentTrend(regionCode: "620100", from: $from, to: $to, granularity: MONTH) { period incidents seriousIncidents }
         drugs: incidentTrend(regionCode: "620100", from: $from, to: $to, granularity: YEAR, category: DRUGS) { incidents } }`,
      { variables: { from: from.toISOString(), to: to.toISOString() } },
    );
    expect(errors).toBeUndefined();
    expect(data.all).toHaveLength(13);
    expect(data.all[0].period).toBe(firstMonth.slice(0, 7));
    // every fixture incident but the one 13 months ago falls in the window
    expect(data.all.reduce((sum: number, point: { incidents: number }) => sum + point.incidents, 0)).toBe(7);
    expect(data.all.reduce((sum: number, point: { seriousIncidents: number }) => sum + point.seriousIncidents, 0)).toBe(3);
    expect(data.all.some((point: { incidents: number }) => point.incidents === 0)).toBe(true);
    expect(data.drugs.reduce((sum: number, point: { incidents: number }) => sum + point.incidents, 0)).toBe(1);
  });

  it.each([
    ['2025-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'to'],
    ['2000-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'to'],
  ])('rejects from %s to %s naming %s', async (from, to, argument) => {
    const { errors } = await graphqlRequest(subgraph.url, `query ($from: DateTimeISO!, $to: DateTimeISO!) { incidentTrend(regionCode: "620100", from: $from, to: $to) { period } }`, {
      variables: { from, to },
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});
