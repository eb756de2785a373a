import { addMonths, chinaMidnight, chinaToday, useClock } from '@shequ/kit';
import { figureMonths, figurePage, graphqlRequest, startTestSubgraph, testToken, valuesByCommunity, wholeFeed, type TestSubgraph } from '@shequ/kit/testing';
import { volunteersSubgraph } from '../subgraph';
import { insertVolunteersFixture, VOLUNTEERS_FIXTURE } from '../testing/fixture';

let subgraph: TestSubgraph;
const analyst = testToken();
const dated = { march: '00000000-0000-4000-8000-000000000901', april: '00000000-0000-4000-8000-000000000902', activity: '00000000-0000-4000-8000-000000000911', aprilActivity: '00000000-0000-4000-8000-000000000912' };

/*
 * Dated facts in fixed months besides the fixture's (dated from now):
 * - a volunteer of 620102001002 registered on 31 March 2023, one of 620102001001 on 1 April 2023;
 * - an activity in 620102002001 starting at China midnight on 1 March 2023 (28 February 16:00 UTC), served on
 *   1 March: 2.5 confirmed hours by the first volunteer, 1 unconfirmed by the second;
 * - an activity in 620102002001 starting at China midnight on 1 April 2023.
 */
async function insertDatedFacts(): Promise<void> {
  await subgraph.dataSource.query(
    `INSERT INTO volunteers.volunteer (id, community_code, name, phone, id_number, skills, status, registered_on) VALUES
      ($1, '620102001002', '三月', '13000000001', '620102199001010001', '{IT}', 'ACTIVE', '2023-03-31'),
      ($2, '620102001001', '四月', '13000000002', '620102199001010002', '{IT}', 'ACTIVE', '2023-04-01')`,
    [dated.march, dated.april],
  );
  await subgraph.dataSource.query(
    `INSERT INTO volunteers.activity (id, title, category, community_code, organiser_team_id, starts_at, ends_at, places) VALUES
      ($1, '三月活动', 'OTHER', '620102002001', $3, '2023-02-28T16:00:00Z', '2023-02-28T19:00:00Z', 5),
      ($2, '四月活动', 'OTHER', '620102002001', $3, '2023-03-31T16:00:00Z', '2023-03-31T19:00:00Z', 5)`,
    [dated.activity, dated.aprilActivity, VOLUNTEERS_FIXTURE.teams.xingfu],
  );
  await subgraph.dataSource.query(
    `INSERT INTO volunteers.activity_signup (activity_id, volunteer_id, community_code, served_on, attended, hours, confirmed_at) VALUES
      ($1, $2, '620102002001', '2023-03-01', true, 2.5, '2023-03-02T00:00:00Z'), ($1, $3, '620102002001', '2023-03-01', true, 1, NULL)`,
    [dated.activity, dated.march, dated.april],
  );
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(volunteersSubgraph);
  await insertVolunteersFixture(subgraph.dataSource);
  await insertDatedFacts();
});

afterAll(() => subgraph.stop());

describe('volunteersFigures', () => {
  it("gives a month's flows as computed by hand", async () => {
    const march = await wholeFeed(subgraph.url, 'volunteers', '2023-03', analyst);
    expect(march.measures).toEqual(['confirmed_hours', 'activities_started', 'volunteers_registered']);
    expect(valuesByCommunity(march)).toEqual({
      '620102001002': { confirmed_hours: 0, activities_started: 0, volunteers_registered: 1 },
      // the unconfirmed hour does not count
      '620102002001': { confirmed_hours: 2.5, activities_started: 1, volunteers_registered: 0 },
    });
    expect(valuesByCommunity(await wholeFeed(subgraph.url, 'volunteers', '2023-04', analyst))).toEqual({
      '620102001001': { confirmed_hours: 0, activities_started: 0, volunteers_registered: 1 },
      '620102002001': { confirmed_hours: 0, activities_started: 1, volunteers_registered: 0 },
    });
    expect((await wholeFeed(subgraph.url, 'volunteers', '2023-02', analyst)).rows).toEqual([]);
  });

  it('gives the stocks and the organisations serving each community', async () => {
    const stocks = await wholeFeed(subgraph.url, 'volunteers', undefined, analyst);
    expect(stocks.measures).toEqual(['registered_volunteers', 'active_volunteers']);
    // not withdrawn, by home community; active: confirmed service in the last 12 months (the dated volunteers served in 2023)
    expect(valuesByCommunity(stocks)).toEqual({
      '620102001001': { registered_volunteers: 3, active_volunteers: 2 },
      '620102001002': { registered_volunteers: 2, active_volunteers: 0 },
      '620102002001': { registered_volunteers: 1, active_volunteers: 1 },
      '620103001001': { registered_volunteers: 1, active_volunteers: 0 },
      '620201001001': { registered_volunteers: 1, active_volunteers: 1 },
    });
    const { socialService, incubator, mediation } = VOLUNTEERS_FIXTURE.organizations;
    expect(stocks.members).toEqual(
      [
        ['620102001001', socialService],
        ['620102001001', incubator],
        ['620102002001', socialService],
        ['620103001001', incubator],
        ['620201001001', mediation],
      ]
        .map(([communityCode, member]) => ({ communityCode, measure: 'organizations_serving', member }))
        .sort((a, b) => a.communityCode.localeCompare(b.communityCode) || a.member.localeCompare(b.member)),
    );
  });

  it("lists the months with flows, whose twelve add up to the department's last 12 months", async () => {
    const firstOfMonth = `${chinaToday().slice(0, 7)}-01`;
    useClock(new Date(chinaMidnight(addMonths(firstOfMonth, 1)).getTime() - 1));
    try {
      const months = await figureMonths(subgraph.url, 'volunteers', analyst);
      // Facts: in March a registration, an activity and a confirmed sign-up (not the unconfirmed one); in April a registration and an activity.
      expect(months.slice(0, 2).map(({ month, rows }) => ({ month, rows }))).toEqual([
        { month: '2023-03', rows: 3 },
        { month: '2023-04', rows: 2 },
      ]);
      const sums = new Map<string, { hours: number; activities: number }>();
      for (const month of months.filter((candidate) => candidate.month >= addMonths(firstOfMonth, -11).slice(0, 7))) {
        for (const [code, figures] of Object.entries(valuesByCommunity(await wholeFeed(subgraph.url, 'volunteers', month.month, analyst)))) {
          const sum = sums.get(code) ?? { hours: 0, activities: 0 };
          sums.set(code, { hours: sum.hours + (figures.confirmed_hours as number), activities: sum.activities + (figures.activities_started as number) });
        }
      }
      const codes = ['620102001001', '620102002001', '620201001001'];
      const stats = await graphqlRequest(
        subgraph.url,
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { code volunteerStats { confirmedHoursLast12Months activitiesLast12Months } } } }`,
        { variables: { representations: codes.map((code) => ({ __typename: 'Community', code, population: 1000 })) }, asGateway: true },
      );
      const own = stats.data._entities.map((entity: { volunteerStats: { confirmedHoursLast12Months: number; activitiesLast12Months: number } }) => ({
        hours: entity.volunteerStats.confirmedHoursLast12Months,
        activities: entity.volunteerStats.activitiesLast12Months,
      }));
      expect(own).toEqual(codes.map((code) => sums.get(code) ?? { hours: 0, activities: 0 }));
      expect(own[0]).toEqual({ hours: 7.5, activities: 1 });
    } finally {
      useClock(null);
    }
  });

  it('pages by community code, members on exactly one page, one statement per part', async () => {
    const whole = await wholeFeed(subgraph.url, 'volunteers', undefined, analyst);
    const onePerPage = await wholeFeed(subgraph.url, 'volunteers', undefined, analyst, 1);
    expect(onePerPage.pages).toBe(5);
    expect(onePerPage.rows).toEqual(whole.rows);
    expect(onePerPage.members).toEqual(whole.members);
    const statementsOf = async (first: number) => {
      const before = subgraph.statements.statements;
      expect((await figurePage(subgraph.url, 'volunteers', { first }, analyst)).errors).toBeUndefined();
      return subgraph.statements.statements - before;
    };
    expect(await statementsOf(1)).toBe(2);
    expect(await statementsOf(5000)).toBe(2);
  });

  it("changes a month's fingerprint when a fact of that month changes, and no other month's", async () => {
    const printOf = async () => Object.fromEntries((await figureMonths(subgraph.url, 'volunteers', analyst)).map((month) => [month.month, month.fingerprint]));
    const before = await printOf();
    await subgraph.dataSource.query(`UPDATE volunteers.activity_signup SET hours = 3 WHERE activity_id = $1 AND volunteer_id = $2`, [dated.activity, dated.march]);
    const after = await printOf();
    expect(after['2023-03']).not.toBe(before['2023-03']);
    expect({ ...after, '2023-03': null }).toEqual({ ...before, '2023-03': null });
    await subgraph.dataSource.query(`UPDATE volunteers.activity_signup SET hours = 2.5 WHERE activity_id = $1 AND volunteer_id = $2`, [dated.activity, dated.march]);
    // A row version, not a value: the old value written back is a change too (the refresh collects the month again).
    const reverted = await printOf();
    expect(reverted['2023-03']).not.toBe(after['2023-03']);
    expect({ ...reverted, '2023-03': null }).toEqual({ ...before, '2023-03': null });
  });

  it('is for analysts and admins, within their jurisdiction, and refuses bad arguments', async () => {
    expect((await figurePage(subgraph.url, 'volunteers', {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await figurePage(subgraph.url, 'volunteers', {}, testToken({ roles: ['resident'], jurisdiction: '620102001001' }))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lanzhou = await wholeFeed(subgraph.url, 'volunteers', undefined, testToken({ roles: ['analyst'], jurisdiction: '620100' }));
    expect(lanzhou.rows.map((row) => row.communityCode)).toEqual(['620102001001', '620102001002', '620102002001', '620103001001']);
    expect(lanzhou.members.every((member) => member.communityCode.startsWith('6201'))).toBe(true);
    for (const [args, argument] of [[{ month: '2023-00' }, 'month'], [{ first: -1 }, 'first'], [{ after: '62010200100x' }, 'after']] as const) {
      const response = await figurePage(subgraph.url, 'volunteers', args, analyst);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });
});
