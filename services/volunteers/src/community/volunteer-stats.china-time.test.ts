import { useClock } from '@shequ/kit';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { volunteersSubgraph } from '../subgraph';
import { insertVolunteersFixture, VOLUNTEERS_FIXTURE } from '../testing/fixture';

// 00:30 on 1 December 2026 in China, still 30 November in UTC.
const NOW = new Date('2026-11-30T16:30:00Z');
// A community the fixture gives no activity and no confirmed hours.
const COMMUNITY = '620102001002';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(volunteersSubgraph);
  await insertVolunteersFixture(subgraph.dataSource);
  await subgraph.dataSource.query(
    `INSERT INTO volunteers.activity (title, category, community_code, organiser_team_id, starts_at, ends_at, places)
     SELECT '时区测试', 'ELDERLY_CARE', $1, $2, at, at + interval '1 hour', 5
     FROM unnest($3::timestamptz[]) AS t(at)`,
    [
      COMMUNITY,
      VOLUNTEERS_FIXTURE.teams.xingfu,
      [
        '2025-12-01T15:59:00Z', // 23:59 on 1 December 2025 in China: the day 12 months ago, outside the window
        '2025-12-01T16:00:00Z', // 00:00 on 2 December 2025 in China: the window's first minute
        '2026-11-30T16:10:00Z', // 00:10 today in China
      ],
    ],
  );
});

afterEach(() => useClock(null));
afterAll(() => subgraph.stop());

async function activitiesLast12Months(typename: 'Community' | 'Region', code: string): Promise<number> {
  const response = await graphqlRequest(
    subgraph.url,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { volunteerStats { activitiesLast12Months } } ... on Region { volunteerStats { activitiesLast12Months } } } }`,
    { variables: { r: [{ __typename: typename, code, population: 1000 }] }, asGateway: true },
  );
  expect(response.errors).toBeUndefined();
  return response.data._entities[0].volunteerStats.activitiesLast12Months;
}

describe('volunteers keep China time', () => {
  it('registers a volunteer dated today at 00:30 China time, and refuses tomorrow', async () => {
    useClock(NOW);
    const staff = testToken({ sub: 'staff', roles: ['department_staff'], department: 'volunteers', jurisdiction: '620102' });
    const REGISTER = `mutation ($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { registeredOn } }`;
    const input = { communityCode: COMMUNITY, name: '时区测', phone: '13099990000', idNumber: '620102200001011230', skills: ['IT'], registeredOn: '2026-12-02' };
    const tomorrow = await graphqlRequest(subgraph.url, REGISTER, { token: staff, variables: { input } });
    expect(tomorrow.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.registeredOn' });
    const today = await graphqlRequest(subgraph.url, REGISTER, { token: staff, variables: { input: { ...input, registeredOn: '2026-12-01' } } });
    expect(today.errors).toBeUndefined();
    expect(today.data.registerVolunteer).toEqual({ registeredOn: '2026-12-01' });
    // Omitted, the date is today in China, not in UTC.
    const omitted = await graphqlRequest(subgraph.url, REGISTER, { token: staff, variables: { input: { ...input, idNumber: '620102200001021231', registeredOn: null } } });
    expect(omitted.data.registerVolunteer).toEqual({ registeredOn: '2026-12-01' });
  });

  it('cuts the last 12 months at China midnight, for a community, its regions and the ranking alike', async () => {
    useClock(NOW);
    expect(await activitiesLast12Months('Community', COMMUNITY)).toBe(2);
    // The street also holds the fixture's communities, dated from the database's clock: it adds up as the ranking of its communities does.
    const ranked = await graphqlRequest(subgraph.url, `{ rankCommunitiesByVolunteering(metric: ACTIVITIES_LAST_12_MONTHS, regionCode: "620102001", first: 10) { community { code } value } }`);
    expect(ranked.errors).toBeUndefined();
    expect(ranked.data.rankCommunitiesByVolunteering).toContainEqual({ community: { code: COMMUNITY }, value: 2 });
    const street = await activitiesLast12Months('Region', '620102001');
    const others = ranked.data.rankCommunitiesByVolunteering.filter((row: { community: { code: string } }) => row.community.code !== COMMUNITY).reduce((sum: number, row: { value: number }) => sum + row.value, 0);
    expect(street).toBe(2 + others);
  });
});
