import { chinaDate, chinaMidnight } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, type GraphqlResponse, type TestSubgraph } from '@shequ/kit/testing';
import { serviceDeliverySubgraph } from '../subgraph';
import { insertServiceDeliveryFixture } from '../testing/fixture';

let subgraph: TestSubgraph;

interface RequestPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string } }[];
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(serviceDeliverySubgraph);
  await insertServiceDeliveryFixture(subgraph.dataSource);
});

afterAll(() => subgraph.stop());

const STATS = `facilityCount facilitiesByKind { kind count } welfareFacilities welfareFacilitiesPer1000Residents openRequests requestsLast12Months
  resolvedWithin15DaysRate medianDaysToResolve averageSatisfaction investmentThisYear`;

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Community { code serviceStats { ${STATS} } serviceFacilities { name kind } serviceRequests(first: 2) { totalCount edges { node { id status } } } }
    ... on Region { code serviceStats { ${STATS} } }
  }
}`;

async function entities(representations: object[]) {
  const before = subgraph.statements.statements;
  const response = await graphqlRequest(subgraph.url, ENTITIES, { variables: { representations }, asGateway: true });
  expect(response.errors).toBeUndefined();
  return { entities: response.data._entities, statements: subgraph.statements.statements - before };
}

async function statsOf(typename: 'Community' | 'Region', code: string, population: number) {
  return (await entities([{ __typename: typename, code, population }])).entities[0].serviceStats;
}

describe('serviceStats means the same at every level', () => {
  it('for a community, as hand-computed', async () => {
    // elderly care ×2 and a canteen (the closed child-welfare room does not count); 2 welfare / 5,000 residents = 0.4 per 1,000;
    // resolved in the last 12 months after 2, 10 and 20 days: 2 of 3 within 15 days, median 10, ratings (5 + 4 + 2) / 3
    expect(await statsOf('Community', '620102001001', 5000)).toEqual({
      facilityCount: 3,
      facilitiesByKind: [{ kind: 'ELDERLY_CARE', count: 2 }, { kind: 'CANTEEN', count: 1 }],
      welfareFacilities: 2,
      welfareFacilitiesPer1000Residents: 0.4,
      openRequests: 2,
      requestsLast12Months: 6,
      resolvedWithin15DaysRate: expect.closeTo(2 / 3, 10),
      medianDaysToResolve: expect.closeTo(10, 6),
      averageSatisfaction: expect.closeTo(11 / 3, 10),
      investmentThisYear: 120000,
    });
  });

  it('for a community with nothing recorded: zeros and nulls', async () => {
    expect(await statsOf('Community', '620102001003', 3000)).toEqual({
      facilityCount: 0, facilitiesByKind: [], welfareFacilities: 0, welfareFacilitiesPer1000Residents: 0, openRequests: 0, requestsLast12Months: 0,
      resolvedWithin15DaysRate: null, medianDaysToResolve: null, averageSatisfaction: null, investmentThisYear: 0,
    });
    expect((await statsOf('Community', '620102001003', 0)).welfareFacilitiesPer1000Residents).toBeNull();
  });

  it('for a street and a county', async () => {
    // street 620102001: 001001 and 001002 — 5 facilities (3 welfare) / 12,000; resolved after 2, 10, 20, 20 days: 2 of 4, median 15, ratings 14 / 4
    const street = await statsOf('Region', '620102001', 12000);
    expect(street).toMatchObject({ facilityCount: 5, welfareFacilities: 3, welfareFacilitiesPer1000Residents: 0.25, openRequests: 3, requestsLast12Months: 8, resolvedWithin15DaysRate: 0.5, averageSatisfaction: 3.5, investmentThisYear: 120000 });
    expect(street.medianDaysToResolve).toBeCloseTo(15, 6);
    // county 620102 adds 002001: child welfare + sports ground, 30,000 yuan
    const county = await statsOf('Region', '620102', 20000);
    expect(county).toMatchObject({ facilityCount: 7, welfareFacilities: 4, welfareFacilitiesPer1000Residents: 0.2, openRequests: 3, requestsLast12Months: 8, resolvedWithin15DaysRate: 0.5, averageSatisfaction: 3.5, investmentThisYear: 150000 });
    expect(county.facilitiesByKind).toEqual([
      { kind: 'ELDERLY_CARE', count: 2 }, { kind: 'CANTEEN', count: 1 }, { kind: 'CHILD_WELFARE', count: 1 }, { kind: 'DISABILITY_SERVICES', count: 1 },
      { kind: 'HEALTH_STATION', count: 1 }, { kind: 'SPORTS_GROUND', count: 1 },
    ]);
  });

  it('for a prefecture and the province', async () => {
    // 620100 adds 620103001001: an elderly-care home and a request resolved in 4 days, unrated → 3 of 5 within 15 days, median of 2, 4, 10, 20, 20 = 10
    const prefecture = await statsOf('Region', '620100', 4359000);
    expect(prefecture).toMatchObject({ facilityCount: 8, welfareFacilities: 5, openRequests: 3, requestsLast12Months: 9, resolvedWithin15DaysRate: 0.6, averageSatisfaction: 3.5, investmentThisYear: 150000 });
    expect(prefecture.welfareFacilitiesPer1000Residents).toBeCloseTo(5000 / 4359000, 10);
    expect(prefecture.medianDaysToResolve).toBeCloseTo(10, 6);
    // the province adds 620201001001: a service centre (not welfare), a request open for 400 days, 5,000 yuan
    const province = await statsOf('Region', '620000', 25018000);
    expect(province).toMatchObject({ facilityCount: 9, welfareFacilities: 5, openRequests: 4, requestsLast12Months: 9, resolvedWithin15DaysRate: 0.6, investmentThisYear: 155000 });
  });

  it('gives medians to a tenth of a day, the same for a community from its requests and for its regions from their histograms', async () => {
    // A street of its own, 620104001: its one community resolves after 3.26, 3.34 and 7.81 days — median 3.3 (3.34 rounds to 3.3); and after 200.4 days on top → 3.3 and 7.8, mean 5.55
    const insert = (n: number, days: number) =>
      subgraph.dataSource.query(
        `INSERT INTO service_delivery.service_request (community_code, service_code, description, channel, status, submitter_sub, idempotency_key, submitted_at, resolved_at)
         VALUES ('620104001001', 'ELDER_MEAL', 'precision', 'APP', 'RESOLVED', 'resident-precision', $1, now() - interval '250 days', now() - interval '250 days' + $2 * interval '1 day')`,
        [`precision-${n}`, days],
      );
    for (const [n, days] of [[1, 3.26], [2, 3.34], [3, 7.81]]) {
      await insert(n, days);
    }
    const medians = async () => (await entities(['620104001001', '620104001', '620104'].map((code) => ({ __typename: code.length === 12 ? 'Community' : 'Region', code, population: 1000 })))).entities.map((entity: { serviceStats: { medianDaysToResolve: number } }) => entity.serviceStats.medianDaysToResolve);
    expect(await medians()).toEqual([3.3, 3.3, 3.3]);
    await insert(4, 200.4);
    expect(await medians()).toEqual([5.55, 5.55, 5.55]);
    await subgraph.dataSource.query(`DELETE FROM service_delivery.service_request WHERE submitter_sub = 'resident-precision'`);
    expect(await medians()).toEqual([null, null, null]);
  });

  it('costs the same number of SQL statements for 3 and for 300 communities', async () => {
    const codes = Array.from({ length: 300 }, (_, index) => `620201001${String(100 + index).padStart(3, '0')}`);
    codes.splice(0, 3, '620102001001', '620102001002', '620103001001');
    const representation = (code: string) => ({ __typename: 'Community', code, population: 1000 });
    const three = await entities(codes.slice(0, 3).map(representation));
    const hundreds = await entities(codes.map(representation));
    expect(hundreds.entities).toHaveLength(300);
    expect(three.entities[0].serviceRequests.totalCount).toBe(7);
    expect(three.entities[0].serviceRequests.edges).toHaveLength(2);
    expect(three.entities[2].serviceFacilities).toEqual([{ name: '西园养老院', kind: 'ELDERLY_CARE' }]);
    expect(three.statements).toBe(3); // facilities, request pages, and the six stats statements sent as one (a batch of communities)
    expect(hundreds.statements).toBe(three.statements);
  });

  it('pages a community\'s requests newest first with keyset cursors', async () => {
    const QUERY = `query ($representations: [_Any!]!, $after: String) { _entities(representations: $representations) {
      ... on Community { serviceRequests(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`;
    const representations = [{ __typename: 'Community', code: '620102001001' }];
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const response: GraphqlResponse<{ _entities: { serviceRequests: RequestPage }[] }> = await graphqlRequest(subgraph.url, QUERY, { variables: { representations, after } });
      const connection: RequestPage = response.data!._entities[0].serviceRequests;
      expect(connection.totalCount).toBe(7);
      seen.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      after = connection.pageInfo.endCursor;
      expect(connection.pageInfo.hasNextPage).toBe(page < 2);
    }
    // submitted 3, 5, 20, 30, 40, 60, 500 days ago
    expect(seen.map((id) => Number(id.slice(-2)))).toEqual([5, 4, 6, 1, 2, 3, 7]);
  });
});

describe('rankCommunitiesByService', () => {
  const RANK = `query ($metric: ServiceRankingMetric!, $regionCode: String!, $first: Int) {
    rankCommunitiesByService(metric: $metric, regionCode: $regionCode, first: $first) { community { code } value } }`;

  async function rank(metric: string, regionCode: string, first?: number) {
    const response = await graphqlRequest(subgraph.url, RANK, { variables: { metric, regionCode, first } });
    expect(response.errors).toBeUndefined();
    return response.data.rankCommunitiesByService.map((row: { community: { code: string }; value: number }) => [row.community.code, row.value]);
  }

  it("ranks a prefecture's communities by any figure, with the values serviceStats gives", async () => {
    expect(await rank('FACILITY_COUNT', '620100')).toEqual([['620102001001', 3], ['620102001002', 2], ['620102002001', 2], ['620103001001', 1]]);
    expect(await rank('WELFARE_FACILITIES', '620100', 2)).toEqual([['620102001001', 2], ['620102001002', 1]]);
    expect(await rank('OPEN_REQUESTS', '620000')).toEqual([['620102001001', 2], ['620102001002', 1], ['620201001001', 1]]);
    expect(await rank('INVESTMENT_THIS_YEAR', '620000')).toEqual([['620102001001', 120000], ['620102002001', 30000], ['620201001001', 5000]]);
    const median = await rank('MEDIAN_DAYS_TO_RESOLVE', '620100');
    expect(median.map(([code]: [string]) => code)).toEqual(['620102001002', '620102001001', '620103001001']);
    expect(median[1][1]).toBeCloseTo(10, 6);
    const satisfaction = await rank('AVERAGE_SATISFACTION', '620100');
    expect(satisfaction.map(([code]: [string]) => code)).toEqual(['620102001001', '620102001002']);
    expect(await rank('RESOLVED_WITHIN_15_DAYS_RATE', '620103')).toEqual([['620103001001', 1]]);
  });

  it('refuses a bad region code or page size', async () => {
    for (const [variables, argument] of [
      [{ metric: 'FACILITY_COUNT', regionCode: '6201' }, 'regionCode'],
      [{ metric: 'FACILITY_COUNT', regionCode: '620100', first: 101 }, 'first'],
      [{ metric: 'FACILITY_COUNT', regionCode: '620100', first: 0 }, 'first'],
    ] as const) {
      const response = await graphqlRequest(subgraph.url, RANK, { variables });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});

describe('serviceRequestTrend', () => {
  const TREND = `query ($regionCode: String!, $from: DateTimeISO!, $to: DateTimeISO!, $granularity: Granularity!) {
    serviceRequestTrend(regionCode: $regionCode, from: $from, to: $to, granularity: $granularity) { period start submitted resolved resolvedWithin15DaysRate averageSatisfaction } }`;

  it('lists every period, empty ones as zero, with the totals of the range', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 2 * 365 * 86_400_000);
    const response = await graphqlRequest(subgraph.url, TREND, { variables: { regionCode: '620000', from: from.toISOString(), to: to.toISOString(), granularity: 'MONTH' } });
    expect(response.errors).toBeUndefined();
    const points = response.data.serviceRequestTrend;
    expect(points.length).toBeGreaterThanOrEqual(24);
    expect(points.length).toBeLessThanOrEqual(25);
    expect(points[0].period).toBe(chinaDate(from).slice(0, 7));
    expect(points.some((point: { submitted: number }) => point.submitted === 0)).toBe(true);
    // all 11 fixture requests were submitted within two years (the oldest 500 days ago); 6 were resolved (2, 10, 20, 20, 4 days and the one 490 days ago)
    expect(points.reduce((sum: number, point: { submitted: number }) => sum + point.submitted, 0)).toBe(11);
    expect(points.reduce((sum: number, point: { resolved: number }) => sum + point.resolved, 0)).toBe(6);
  });

  it('refuses from after to, and more than 20 years', async () => {
    const bad = await graphqlRequest(subgraph.url, TREND, { variables: { regionCode: '620000', from: '2025-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z', granularity: 'YEAR' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    const long = await graphqlRequest(subgraph.url, TREND, { variables: { regionCode: '620000', from: '1990-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z', granularity: 'YEAR' } });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
  });

  it('counts quarters of a fixed past range exactly', async () => {
    // 2020 in China: from its first China midnight (16:00 UTC the evening before) to the next year's.
    const response = await graphqlRequest(subgraph.url, TREND, { variables: { regionCode: '620102', from: '2019-12-31T16:00:00Z', to: '2020-12-31T16:00:00Z', granularity: 'QUARTER' } });
    expect(response.data.serviceRequestTrend).toEqual(
      ['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'].map((period, index) => ({
        period, start: chinaMidnight(`2020-${String(index * 3 + 1).padStart(2, '0')}-01`).toISOString(), submitted: 0, resolved: 0, resolvedWithin15DaysRate: null, averageSatisfaction: null,
      })),
    );
  });
});
