import { useClock } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { publicSafetySubgraph } from '../subgraph';

// 00:30 on 1 December 2026 in China, still 30 November in UTC.
const NOW = new Date('2026-11-30T16:30:00Z');
const worker = testToken({ sub: 'worker', roles: ['community_worker'], jurisdiction: '620102' });

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(publicSafetySubgraph);
  await subgraph.dataSource.query(`
    INSERT INTO public_safety.safety_incident (community_code, category, severity, occurred_at, status, summary) VALUES
      ('620102001001', 'THEFT', 'LOW', '2025-12-01T15:59:00Z', 'RESOLVED', '12 个月前那天的 23:59'),
      ('620102001001', 'THEFT', 'LOW', '2025-12-01T16:00:00Z', 'RESOLVED', '窗口的第一分钟'),
      ('620102001001', 'THEFT', 'LOW', '2026-11-30T16:10:00Z', 'REPORTED', '今天 00:10')`);
  await subgraph.dataSource.query(`
    INSERT INTO public_safety.mediation_case (community_code, category, received_on, mediator, outcome, closed_on) VALUES
      ('620102001001', 'NEIGHBOURS', '2025-12-01', '调解员', 'AGREEMENT_REACHED', '2025-12-01'),
      ('620102001001', 'NEIGHBOURS', '2025-12-02', '调解员', 'AGREEMENT_REACHED', '2025-12-02'),
      ('620102001001', 'NEIGHBOURS', '2026-12-01', '调解员', NULL, NULL)`);
});

afterEach(() => useClock(null));
afterAll(() => subgraph.stop());

async function safetyStats(typename: 'Community' | 'Region', code: string) {
  const response = await graphqlRequest(
    subgraph.url,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { safetyStats { incidentsLast12Months mediationCasesLast12Months patrolsLastMonth } }
       ... on Region { safetyStats { incidentsLast12Months mediationCasesLast12Months patrolsLastMonth } } } }`,
    { variables: { r: [{ __typename: typename, code, population: 1000, communityCount: 1 }] }, asGateway: true },
  );
  expect(response.errors).toBeUndefined();
  return response.data._entities[0].safetyStats;
}

describe('public safety keeps China time', () => {
  it('accepts a patrol dated today at 00:30 China time, and refuses tomorrow', async () => {
    useClock(NOW);
    const RECORD = `mutation ($input: RecordPatrolInput!) { recordPatrol(input: $input) { patrolledOn } }`;
    const input = { communityCode: '620102001001', patrolledOn: '2026-12-01', hours: 2, participants: 5, jointWithPolice: false };
    const today = await graphqlRequest(subgraph.url, RECORD, { variables: { input }, token: worker });
    expect(today.errors).toBeUndefined();
    expect(today.data.recordPatrol).toEqual({ patrolledOn: '2026-12-01' });
    const tomorrow = await graphqlRequest(subgraph.url, RECORD, { variables: { input: { ...input, patrolledOn: '2026-12-02' } }, token: worker });
    expect(tomorrow.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.patrolledOn' });
  });

  it('cuts the last 12 months and the last 30 days at China midnight, for a community and its regions alike', async () => {
    useClock(NOW);
    for (const [typename, code] of [['Community', '620102001001'], ['Region', '620102'], ['Region', '620000']] as const) {
      // The incident of 23:59 and the case received on 1 December 2025, the day 12 months ago, fall outside; today's 00:10 inside.
      expect(await safetyStats(typename, code)).toMatchObject({ incidentsLast12Months: 2, mediationCasesLast12Months: 2 });
    }
  });

  it('counts a patrol of today in the last 30 days as soon as the China day begins', async () => {
    useClock(NOW);
    expect((await safetyStats('Community', '620102001001')).patrolsLastMonth).toBe(1);
    // Thirty days on, 1 December is the window's first day; a day later it has left.
    useClock(new Date('2026-12-29T16:30:00Z'));
    expect((await safetyStats('Community', '620102001001')).patrolsLastMonth).toBe(1);
    useClock(new Date('2026-12-30T16:30:00Z'));
    expect((await safetyStats('Community', '620102001001')).patrolsLastMonth).toBe(0);
  });

  it('buckets an incident of 00:10 on 1 December, China time, in December', async () => {
    const response = await graphqlRequest(subgraph.url, `{ incidentTrend(regionCode: "620102", from: "2026-10-31T16:00:00Z", to: "2026-12-31T16:00:00Z") { period start incidents } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.incidentTrend).toEqual([
      { period: '2026-11', start: '2026-10-31T16:00:00.000Z', incidents: 0 },
      { period: '2026-12', start: '2026-11-30T16:00:00.000Z', incidents: 1 },
    ]);
  });
});
