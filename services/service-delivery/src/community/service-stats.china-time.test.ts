import { useClock } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { serviceDeliverySubgraph } from '../subgraph';

// 00:30 on 1 December 2026 in China, still 30 November in UTC.
const NOW = new Date('2026-11-30T16:30:00Z');

let subgraph: TestSubgraph;

/** Requests of one community submitted (and resolved an hour later) at the given instants. */
async function insertRequests(submitted: string[]): Promise<void> {
  await subgraph.dataSource.query(
    `INSERT INTO service_delivery.service_request (community_code, service_code, description, channel, status, submitter_sub, idempotency_key, submitted_at, resolved_at)
     SELECT '620102001001', 'REPAIR', '时区测试', 'APP', 'RESOLVED', 'resident-1', 'china-time-' || n, at, at + interval '1 hour'
     FROM unnest($1::timestamptz[]) WITH ORDINALITY AS t(at, n)`,
    [submitted],
  );
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(serviceDeliverySubgraph);
  await insertRequests([
    '2025-12-01T15:59:00Z', // 23:59 on 1 December 2025 in China: the day 12 months ago, outside the window
    '2025-12-01T16:00:00Z', // 00:00 on 2 December 2025 in China: the window's first minute
    '2026-11-30T16:10:00Z', // 00:10 today in China
  ]);
  await subgraph.dataSource.query(
    `INSERT INTO service_delivery.service_investment (community_code, year, source, amount) VALUES ('620102001001', 2027, 'STATE', 1000), ('620102001001', 2026, 'STATE', 50)`,
  );
});

afterEach(() => useClock(null));
afterAll(() => subgraph.stop());

async function stats(code: string, typename: 'Community' | 'Region') {
  const response = await graphqlRequest(
    subgraph.url,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { serviceStats { requestsLast12Months investmentThisYear } } ... on Region { serviceStats { requestsLast12Months } } } }`,
    { variables: { r: [{ __typename: typename, code, population: 1000 }] }, asGateway: true },
  );
  expect(response.errors).toBeUndefined();
  return response.data._entities[0].serviceStats;
}

describe('service delivery keeps China time', () => {
  it('cuts the last 12 months at China midnight, for a community and its regions alike', async () => {
    useClock(NOW);
    expect((await stats('620102001001', 'Community')).requestsLast12Months).toBe(2);
    expect((await stats('620102', 'Region')).requestsLast12Months).toBe(2);
    expect((await stats('620000', 'Region')).requestsLast12Months).toBe(2);
  });

  it('puts a request of 00:10 on 1 December, China time, in December', async () => {
    useClock(NOW);
    const response = await graphqlRequest(
      subgraph.url,
      `{ serviceRequestTrend(regionCode: "620102", from: "2026-10-31T16:00:00Z", to: "2026-12-31T16:00:00Z", granularity: MONTH) { period start submitted } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.serviceRequestTrend).toEqual([
      { period: '2026-11', start: '2026-10-31T16:00:00.000Z', submitted: 0 },
      { period: '2026-12', start: '2026-11-30T16:00:00.000Z', submitted: 1 },
    ]);
  });

  it('counts this year’s investment by the China year, which turns at 16:00 UTC on 31 December', async () => {
    useClock(new Date('2026-12-31T16:30:00Z'));
    expect((await stats('620102001001', 'Community')).investmentThisYear).toBe(1000);
    useClock(new Date('2026-12-31T15:30:00Z'));
    expect((await stats('620102001001', 'Community')).investmentThisYear).toBe(50);
  });
});
