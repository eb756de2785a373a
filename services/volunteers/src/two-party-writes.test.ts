import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { volunteersSubgraph } from './subgraph';
import { insertVolunteersFixture, VOLUNTEERS_FIXTURE } from './testing/fixture';

/**
 * Writes that name an activity or a team and a volunteer: the caller must be
 * allowed on both communities. The finding this guards against: a community
 * worker of 620102 signed up 吴九 of 620201001001 for an activity of their
 * own, recorded 24 hours and confirmed them into 吴九's time bank.
 */
let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(volunteersSubgraph);
  await insertVolunteersFixture(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const { volunteers: v, teams: t } = VOLUNTEERS_FIXTURE;
const INSIDE = '620102001001';
const countyWorker = testToken({ sub: 'worker-620102', roles: ['community_worker'], jurisdiction: '620102' });
const jiayuguanWorker = testToken({ sub: 'worker-620201', roles: ['community_worker'], jurisdiction: '620201' });
const prefectureStaff = testToken({ sub: 'staff-620100', roles: ['department_staff'], department: 'volunteers', jurisdiction: '620100' });
const admin = testToken({ sub: 'admin', roles: ['admin'], jurisdiction: '620000' });
const OUTSIDER_ACCOUNT = 'volunteer-outside';

const SIGN_UP = `mutation ($input: SignUpVolunteerInput!) { signUp(input: $input) { volunteer { id } } }`;
const ATTEND = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attended hours } }`;
const CONFIRM = `mutation ($input: ConfirmHoursInput!) { confirmHours(input: $input) { hours confirmedAt } }`;
const JOIN = `mutation ($input: JoinVolunteerTeamInput!) { joinTeam(input: $input) { role } }`;

/** Everything a refused write could have touched: sign-ups, hours, balances, memberships and the audit log. */
async function state(): Promise<Record<string, unknown>> {
  const [row] = await subgraph.dataSource.query(`SELECT
    (SELECT count(*) FROM volunteers.activity_signup)::int AS signups,
    (SELECT count(*) FROM volunteers.activity_signup WHERE attended IS NOT NULL)::int AS recorded,
    (SELECT coalesce(sum(hours), 0)::float8 FROM volunteers.activity_signup WHERE confirmed_at IS NOT NULL) AS confirmed,
    (SELECT json_object_agg(id, hour_balance::float8 ORDER BY id) FROM volunteers.volunteer) AS balances,
    (SELECT count(*) FROM volunteers.team_member)::int AS members,
    (SELECT count(*) FROM volunteers.audit_log)::int AS audited`);
  return row;
}

async function insertActivity(communityCode: string, teamId: string): Promise<string> {
  // Started an hour ago, ends in three: open for sign-ups, attendance can be recorded.
  const [{ id }]: { id: string }[] = await subgraph.dataSource.query(
    `INSERT INTO volunteers.activity (title, category, community_code, organiser_team_id, starts_at, ends_at, places)
     VALUES ('两方活动', 'ENVIRONMENT', $1, $2, now() - interval '1 hour', now() + interval '3 hours', 20) RETURNING id`,
    [communityCode, teamId],
  );
  return id;
}

async function insertSignUp(activityId: string, volunteerId: string, hours: number | null): Promise<void> {
  await subgraph.dataSource.query(
    `INSERT INTO volunteers.activity_signup (activity_id, volunteer_id, community_code, served_on, attended, hours)
     SELECT id, $2, community_code, (starts_at AT TIME ZONE 'Asia/Shanghai')::date, $3::numeric IS NOT NULL, $3 FROM volunteers.activity WHERE id = $1`,
    [activityId, volunteerId, hours],
  );
}

let activity: string;
let outsider: string;
beforeAll(async () => {
  activity = await insertActivity(INSIDE, t.xingfu);
  // A volunteer of Jiayuguan with an account of their own.
  [{ id: outsider }] = await subgraph.dataSource.query(
    `INSERT INTO volunteers.volunteer (community_code, account_sub, name, phone, id_number, skills, status, registered_on)
     VALUES ('620201001001', $1, '郑十', '13300001111', '620201199001011111', '{IT}', 'ACTIVE', current_date - 10) RETURNING id`,
    [OUTSIDER_ACCOUNT],
  );
});

/** A party out of reach answers exactly as that record unknown would: NOT_FOUND, naming no code. */
function expectRefusal(response: { errors?: { message: string; extensions?: Record<string, unknown> }[] }, unknown: string): void {
  expect(response.errors?.[0]).toMatchObject({ message: `${unknown} does not exist`, extensions: { code: 'NOT_FOUND' } });
}

describe('the finding, replayed', () => {
  it("does not let a worker credit hours to a volunteer outside their jurisdiction, at any step, and changes nothing", async () => {
    const before = await state();
    // 吴九 (620201001001) holds 4 hours; the worker's activity lies in their own community.
    expectRefusal(await graphqlRequest(subgraph.url, SIGN_UP, { token: countyWorker, variables: { input: { activityId: activity, volunteerId: v.wu } } }), `volunteer ${v.wu}`);
    // Even when someone allowed signed 吴九 up, the worker may neither record nor confirm their hours.
    await insertSignUp(activity, v.wu, null);
    const signedUp = await state();
    expectRefusal(await graphqlRequest(subgraph.url, ATTEND, { token: countyWorker, variables: { input: { activityId: activity, volunteerId: v.wu, attended: true, hours: 1 } } }), `volunteer ${v.wu}`);
    expect(await state()).toEqual(signedUp);
    await subgraph.dataSource.query(`UPDATE volunteers.activity_signup SET attended = true, hours = 1 WHERE activity_id = $1 AND volunteer_id = $2`, [activity, v.wu]);
    const recorded = await state();
    expectRefusal(await graphqlRequest(subgraph.url, CONFIRM, { token: countyWorker, variables: { input: { activityId: activity, volunteerIds: [v.wu] } } }), `one of the volunteers ${v.wu}`);
    expect(await state()).toEqual(recorded);
    expect(recorded.balances).toEqual(before.balances);
    expect((recorded.balances as Record<string, number>)[v.wu]).toBe(4);
  });
});

describe('sign-ups', () => {
  it('refuses a worker whose jurisdiction holds the volunteer but not the activity', async () => {
    const before = await state();
    expectRefusal(await graphqlRequest(subgraph.url, SIGN_UP, { token: jiayuguanWorker, variables: { input: { activityId: activity, volunteerId: outsider } } }), `activity ${activity}`);
    expect(await state()).toEqual(before);
  });

  it('lets the volunteer sign themself up wherever the activity is', async () => {
    const self = testToken({ sub: OUTSIDER_ACCOUNT, roles: ['resident'], jurisdiction: '620201001001' });
    const response = await graphqlRequest(subgraph.url, SIGN_UP, { token: self, variables: { input: { activityId: activity, volunteerId: outsider } } });
    expect(response.errors).toBeUndefined();
    expect(response.data.signUp.volunteer.id).toBe(outsider);
  });

  it('lets a worker sign up a volunteer of another community within their jurisdiction', async () => {
    // 孙七 is registered in 620102002001, the activity is in 620102001001: both within the county.
    const response = await graphqlRequest(subgraph.url, SIGN_UP, { token: countyWorker, variables: { input: { activityId: activity, volunteerId: v.sun } } });
    expect(response.errors).toBeUndefined();
  });
});

describe('attendance and confirmation', () => {
  it('lets a caller whose jurisdiction holds both record and confirm hours', async () => {
    const attended = await graphqlRequest(subgraph.url, ATTEND, { token: countyWorker, variables: { input: { activityId: activity, volunteerId: v.sun, attended: true, hours: 1 } } });
    expect(attended.data.recordAttendance).toEqual({ attended: true, hours: 1 });
    const confirmed = await graphqlRequest(subgraph.url, CONFIRM, { token: countyWorker, variables: { input: { activityId: activity, volunteerIds: [v.sun] } } });
    expect(confirmed.errors).toBeUndefined();
  });

  it('refuses a prefecture-wide department officer for a volunteer of another prefecture', async () => {
    const before = await state();
    expectRefusal(
      await graphqlRequest(subgraph.url, ATTEND, { token: prefectureStaff, variables: { input: { activityId: activity, volunteerId: outsider, attended: true, hours: 1 } } }),
      `volunteer ${outsider}`,
    );
    expect(await state()).toEqual(before);
  });

  it('refuses to confirm a list with one volunteer outside the jurisdiction, confirming none of them', async () => {
    const li = await graphqlRequest(subgraph.url, SIGN_UP, { token: countyWorker, variables: { input: { activityId: activity, volunteerId: v.li } } });
    expect(li.errors).toBeUndefined();
    await graphqlRequest(subgraph.url, ATTEND, { token: countyWorker, variables: { input: { activityId: activity, volunteerId: v.li, attended: true, hours: 1 } } });
    const before = await state();
    // 吴九's hours are recorded (the replay above): the list is refused as a whole, so 李四's stay unconfirmed too.
    expectRefusal(await graphqlRequest(subgraph.url, CONFIRM, { token: countyWorker, variables: { input: { activityId: activity, volunteerIds: [v.li, v.wu] } } }), `one of the volunteers ${v.li}, ${v.wu}`);
    expect(await state()).toEqual(before);
  });

  it('lets an admin over both confirm the hours, crediting the time bank', async () => {
    const confirmed = await graphqlRequest(subgraph.url, CONFIRM, { token: admin, variables: { input: { activityId: activity, volunteerIds: [v.li, v.wu] } } });
    expect(confirmed.errors).toBeUndefined();
    const { balances } = (await state()) as { balances: Record<string, number> };
    expect(balances[v.wu]).toBe(5);
  });
});

describe('team membership', () => {
  it.each([
    ['a county worker adding a volunteer of Jiayuguan to a county team', countyWorker, t.xingfu, v.wu, `volunteer ${v.wu}`],
    ['a Jiayuguan worker adding a county volunteer to a Jiayuguan team', jiayuguanWorker, t.xinhua, v.sun, `volunteer ${v.sun}`],
    ['a Jiayuguan worker adding their volunteer to a county team', jiayuguanWorker, t.xingfu, v.wu, `team ${t.xingfu}`],
  ])('refuses %s and adds no one', async (_label, token, teamId, volunteerId, message) => {
    const before = await state();
    expectRefusal(await graphqlRequest(subgraph.url, JOIN, { token, variables: { input: { teamId, volunteerId } } }), message);
    expect(await state()).toEqual(before);
  });

  it.each([
    ['a county worker, both in the county', countyWorker, t.xingfu, v.sun],
    ['an admin over both prefectures', admin, t.xinhua, v.zhang],
  ])('lets %s add the member', async (_label, token, teamId, volunteerId) => {
    const response = await graphqlRequest(subgraph.url, JOIN, { token, variables: { input: { teamId, volunteerId } } });
    expect(response.errors).toBeUndefined();
    expect(response.data.joinTeam.role).toBe('MEMBER');
  });
});
