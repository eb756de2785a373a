import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { volunteersSubgraph } from '../subgraph';
import { insertVolunteersFixture, VOLUNTEERS_FIXTURE } from '../testing/fixture';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(volunteersSubgraph);
  await insertVolunteersFixture(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const worker = testToken({ sub: 'worker', roles: ['community_worker'], jurisdiction: '620102001' });
const otherWorker = testToken({ sub: 'other', roles: ['community_worker'], jurisdiction: '620103' });
const departmentStaff = testToken({ sub: 'staff', roles: ['department_staff'], department: 'volunteers', jurisdiction: '620100' });
const { volunteers: v, teams: t } = VOLUNTEERS_FIXTURE;

async function balanceOf(id: string): Promise<number> {
  const [row] = await subgraph.dataSource.query(`SELECT hour_balance::float8 AS balance FROM volunteers.volunteer WHERE id = $1`, [id]);
  return row.balance;
}

async function counts(): Promise<Record<string, number>> {
  const [row] = await subgraph.dataSource.query(`SELECT
    (SELECT count(*) FROM volunteers.volunteer)::int AS volunteers, (SELECT count(*) FROM volunteers.activity)::int AS activities,
    (SELECT count(*) FROM volunteers.activity_signup)::int AS signups, (SELECT count(*) FROM volunteers.activity_signup WHERE confirmed_at IS NOT NULL)::int AS confirmed,
    (SELECT count(*) FROM volunteers.hour_redemption)::int AS redemptions, (SELECT sum(hour_balance)::float8 FROM volunteers.volunteer) AS balances`);
  return row;
}

async function auditCount(): Promise<number> {
  const [row] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM volunteers.audit_log`);
  return row.n;
}

const REGISTER = `mutation ($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id status name community { code } } }`;
const CREATE_ACTIVITY = `mutation ($input: CreateVolunteerActivityInput!) { createActivity(input: $input) { id signUpCount } }`;
const SIGN_UP = `mutation ($input: SignUpVolunteerInput!) { signUp(input: $input) { attended hours confirmedAt volunteer { id } activity { id } } }`;
const ATTEND = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attended hours confirmedAt } }`;
const CONFIRM = `mutation ($input: ConfirmHoursInput!) { confirmHours(input: $input) { hours confirmedAt volunteer { id hourBalance } } }`;
const REDEEM = `mutation ($input: RedeemHoursInput!) { redeemHours(input: $input) { hours service volunteer { hourBalance } } }`;

describe('an activity from registration to confirmed hours', () => {
  it('lets a community worker register a volunteer, run an activity and confirm hours into the time bank', async () => {
    const registered = await graphqlRequest(subgraph.url, REGISTER, {
      token: worker,
      variables: { input: { communityCode: '620102001003', name: '钱十', phone: '13011112222', idNumber: '620102199912121234', skills: ['ENVIRONMENT'], accountSub: 'volunteer-qian' } },
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerVolunteer).toMatchObject({ status: 'ACTIVE', community: { code: '620102001003' }, name: '钱*' });
    const qian = registered.data.registerVolunteer.id;

    // started two hours ago, ends in an hour: sign-ups are still open and attendance can be recorded;
    // only the department enters an activity that has already started
    // One reading of the clock for both ends: the length must be exactly 3 hours (a millisecond more rounds up to 3¼).
    const now = Date.now();
    const startsAt = new Date(now - 2 * 3_600_000).toISOString();
    const endsAt = new Date(now + 3_600_000).toISOString();
    const created = await graphqlRequest(subgraph.url, CREATE_ACTIVITY, {
      token: departmentStaff,
      variables: { input: { title: '河道清理', category: 'ENVIRONMENT', communityCode: '620102001001', organiserTeamId: t.xingfu, startsAt, endsAt, places: 2 } },
    });
    expect(created.errors).toBeUndefined();
    const activityId = created.data.createActivity.id;

    // the volunteer signs themself up; the worker signs up 李四; the third finds no place left
    const volunteerToken = testToken({ sub: 'volunteer-qian', roles: ['resident'], jurisdiction: '620102001003' });
    expect((await graphqlRequest(subgraph.url, SIGN_UP, { token: volunteerToken, variables: { input: { activityId, volunteerId: qian } } })).errors).toBeUndefined();
    expect((await graphqlRequest(subgraph.url, SIGN_UP, { token: worker, variables: { input: { activityId, volunteerId: v.li } } })).errors).toBeUndefined();
    const again = await graphqlRequest(subgraph.url, SIGN_UP, { token: worker, variables: { input: { activityId, volunteerId: v.li } } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const full = await graphqlRequest(subgraph.url, SIGN_UP, { token: worker, variables: { input: { activityId, volunteerId: v.zhang } } });
    expect(full.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.activityId' });
    // Signing up someone else, a resident meets an activity that, to them, does not exist.
    const stranger = await graphqlRequest(subgraph.url, SIGN_UP, { token: volunteerToken, variables: { input: { activityId, volunteerId: v.li } } });
    expect(stranger.errors?.[0]).toMatchObject({ message: `activity ${activityId} does not exist`, extensions: { code: 'NOT_FOUND' } });

    const tooLong = await graphqlRequest(subgraph.url, ATTEND, { token: worker, variables: { input: { activityId, volunteerId: qian, attended: true, hours: 3.25 } } });
    expect(tooLong.errors?.[0]).toMatchObject({ message: expect.stringContaining("activity's length of 3 hours"), extensions: { code: 'BAD_USER_INPUT', argument: 'input.hours' } });
    // within the activity's length, but more than the two hours and a quarter at most that have passed since it started
    const notYetServed = await graphqlRequest(subgraph.url, ATTEND, { token: worker, variables: { input: { activityId, volunteerId: qian, attended: true, hours: 2.5 } } });
    expect(notYetServed.errors?.[0]).toMatchObject({ message: expect.stringContaining('since the activity started'), extensions: { code: 'BAD_USER_INPUT', argument: 'input.hours' } });
    const attended = await graphqlRequest(subgraph.url, ATTEND, { token: worker, variables: { input: { activityId, volunteerId: qian, attended: true, hours: 1.5 } } });
    expect(attended.data.recordAttendance).toEqual({ attended: true, hours: 1.5, confirmedAt: null });

    // 李四 has no recorded hours: confirming both fails as a whole and changes nothing
    const lastServed = async () =>
      ((await subgraph.dataSource.query(`SELECT to_char(last_served_on, 'YYYY-MM-DD') AS day FROM volunteers.volunteer WHERE id = $1`, [qian])) as { day: string | null }[])[0].day;
    expect(await lastServed()).toBeNull(); // recorded but unconfirmed hours do not make a volunteer active
    const before = await counts();
    const partial = await graphqlRequest(subgraph.url, CONFIRM, { token: worker, variables: { input: { activityId, volunteerIds: [qian, v.li] } } });
    expect(partial.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.volunteerIds' });
    expect(await counts()).toEqual(before);

    const refused = await graphqlRequest(subgraph.url, CONFIRM, { token: otherWorker, variables: { input: { activityId, volunteerIds: [qian] } } });
    expect(refused.errors?.[0]).toMatchObject({ message: `activity ${activityId} does not exist`, extensions: { code: 'NOT_FOUND' } });
    const confirmed = await graphqlRequest(subgraph.url, CONFIRM, { token: worker, variables: { input: { activityId, volunteerIds: [qian] } } });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmHours).toEqual([{ hours: 1.5, confirmedAt: expect.any(String), volunteer: { id: qian, hourBalance: 1.5 } }]);
    expect(await balanceOf(qian)).toBe(1.5);
    const [{ day: servedOn }] = await subgraph.dataSource.query(`SELECT to_char(served_on, 'YYYY-MM-DD') AS day FROM volunteers.activity_signup WHERE activity_id = $1 AND volunteer_id = $2`, [activityId, qian]);
    expect(await lastServed()).toBe(servedOn); // confirming keeps the volunteer's last service day, which "active" reads

    const twice = await graphqlRequest(subgraph.url, CONFIRM, { token: worker, variables: { input: { activityId, volunteerIds: [qian] } } });
    expect(twice.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const changeAfter = await graphqlRequest(subgraph.url, ATTEND, { token: worker, variables: { input: { activityId, volunteerId: qian, attended: true, hours: 1 } } });
    expect(changeAfter.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await balanceOf(qian)).toBe(1.5);

    const [audit] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM volunteers.audit_log WHERE operation = 'confirmHours' AND actor_sub = 'worker'`);
    expect(audit.n).toBe(1);
  });
});

describe('the time bank', () => {
  it('redeems within the balance, refuses more and changes nothing', async () => {
    const before = await counts();
    const over = await graphqlRequest(subgraph.url, REDEEM, { token: worker, variables: { input: { volunteerId: v.zhang, hours: 4.25, service: '家政服务' } } });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.hours' });
    expect(await counts()).toEqual(before);
    // 张三 redeems for themself
    const self = testToken({ sub: VOLUNTEERS_FIXTURE.zhangAccount, roles: ['resident'], jurisdiction: '620102001001' });
    const redeemed = await graphqlRequest(subgraph.url, REDEEM, { token: self, variables: { input: { volunteerId: v.zhang, hours: 1, service: '家政服务' } } });
    expect(redeemed.data.redeemHours).toEqual({ hours: 1, service: '家政服务', volunteer: { hourBalance: 3 } });
    const other = testToken({ sub: 'someone', roles: ['resident'], jurisdiction: '620102001001' });
    expect((await graphqlRequest(subgraph.url, REDEEM, { token: other, variables: { input: { volunteerId: v.zhang, hours: 1, service: 'x' } } })).errors?.[0]).toMatchObject({
      message: `volunteer ${v.zhang} does not exist`,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('cannot be overdrawn by concurrent redemptions', async () => {
    // 李四 holds 6.5 h; eight parallel redemptions of 1.5 h ask for 12 h: exactly four can be afforded
    expect(await balanceOf(v.li)).toBe(6.5);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => graphqlRequest(subgraph.url, REDEEM, { token: worker, variables: { input: { volunteerId: v.li, hours: 1.5, service: '助餐服务' } } })),
    );
    const succeeded = responses.filter((response) => !response.errors);
    const refused = responses.filter((response) => response.errors);
    expect(succeeded).toHaveLength(4);
    expect(refused.map((response) => response.errors?.[0].extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(await balanceOf(v.li)).toBe(0.5);
    const [row] = await subgraph.dataSource.query(`SELECT count(*)::int AS n, sum(hours)::float8 AS hours FROM volunteers.hour_redemption WHERE volunteer_id = $1`, [v.li]);
    expect(row).toEqual({ n: 4, hours: 6 });
  });

  it('redeems once however often the same redemption is sent with its idempotency key, at once or again', async () => {
    const keeper = testToken({ sub: 'keeper', roles: ['community_worker'], jurisdiction: '620102002' });
    const REDEEM_ID = `mutation ($input: RedeemHoursInput!) { redeemHours(input: $input) { id hours volunteer { hourBalance } } }`;
    const send = (input: Record<string, unknown>) => graphqlRequest(subgraph.url, REDEEM_ID, { token: keeper, variables: { input } });
    // 孙七 holds 2 h.
    const input = { volunteerId: v.sun, hours: 0.5, service: '助浴服务', idempotencyKey: 'redeem-sun-0001' };
    expect(await balanceOf(v.sun)).toBe(2);
    const racing = await Promise.all(Array.from({ length: 4 }, () => send(input)));
    expect(racing.map((answer) => answer.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const ids = new Set(racing.map((answer) => answer.data.redeemHours.id));
    expect(ids.size).toBe(1);
    const again = await send(input);
    expect(again.data.redeemHours.id).toBe([...ids][0]);
    expect(await balanceOf(v.sun)).toBe(1.5);
    const [row] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM volunteers.hour_redemption WHERE recorded_by = 'keeper' AND idempotency_key = $1`, [input.idempotencyKey]);
    expect(row.n).toBe(1);
    const [audit] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM volunteers.audit_log WHERE operation = 'redeemHours' AND actor_sub = 'keeper'`);
    expect(audit.n).toBe(1);

    const before = await counts();
    const reused = await send({ ...input, hours: 1 });
    expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.idempotencyKey' });
    const badKey = await send({ ...input, idempotencyKey: 'short' });
    expect(badKey.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.idempotencyKey' });
    expect(await counts()).toEqual(before);
    expect(await balanceOf(v.sun)).toBe(1.5);
  });

  it.each([
    [{ volunteerId: 'not-an-id', hours: 1, service: 'x' }, 'input.volunteerId'],
    [{ volunteerId: v.sun, hours: 0, service: 'x' }, 'input.hours'],
    [{ volunteerId: v.sun, hours: -1, service: 'x' }, 'input.hours'],
    [{ volunteerId: v.sun, hours: 0.3, service: 'x' }, 'input.hours'],
    [{ volunteerId: v.sun, hours: 1, service: '   ' }, 'input.service'],
  ])('rejects %j naming %s', async (input, argument) => {
    const before = await counts();
    const { errors } = await graphqlRequest(subgraph.url, REDEEM, { token: worker, variables: { input } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await counts()).toEqual(before);
  });

  it('is NOT_FOUND for a volunteer nobody registered', async () => {
    const { errors } = await graphqlRequest(subgraph.url, REDEEM, { token: worker, variables: { input: { volunteerId: '00000000-0000-4000-8000-999999999999', hours: 1, service: 'x' } } });
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('activity validation', () => {
  const base = { title: '义诊', category: 'HEALTH', communityCode: '620102001001', organiserTeamId: t.xingfu, startsAt: '2030-01-01T01:00:00Z', endsAt: '2030-01-01T03:00:00Z', places: 5 };
  it.each([
    [{ ...base, communityCode: '62010200100' }, 'input.communityCode'],
    [{ ...base, endsAt: '2029-12-31T00:00:00Z' }, 'input.endsAt'],
    [{ ...base, places: 0 }, 'input.places'],
    [{ ...base, organiserOrganizationId: VOLUNTEERS_FIXTURE.organizations.socialService }, 'input.organiserTeamId'],
    [{ ...base, communityCode: '620102001002' }, 'input.organiserTeamId'],
    [{ ...base, title: '' }, 'input.title'],
  ])('rejects %j naming %s and writes nothing', async (input, argument) => {
    const before = await counts();
    const { errors } = await graphqlRequest(subgraph.url, CREATE_ACTIVITY, { token: worker, variables: { input } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await counts()).toEqual(before);
  });

  describe('a start in the past', () => {
    const startingAgo = (ms: number) => ({ ...base, startsAt: new Date(Date.now() - ms).toISOString(), endsAt: new Date(Date.now() - ms + 2 * 3_600_000).toISOString() });
    const admin = testToken({ sub: 'admin', roles: ['admin'], jurisdiction: '620000' });
    const anHourAgo = startingAgo(3_600_000);

    it.each([
      ['a community worker, an hour back', worker, anHourAgo, 'must not be in the past'],
      ['a community worker, a day back', worker, startingAgo(86_400_000), 'must not be in the past'],
      ['the department, beyond a year back', departmentStaff, startingAgo(367 * 86_400_000), 'within the last 366 days'],
      ['an admin, beyond a year back', admin, startingAgo(367 * 86_400_000), 'within the last 366 days'],
    ])('is refused for %s, naming startsAt, and writes nothing', async (_who, token, input, message) => {
      const before = await counts();
      const audited = await auditCount();
      const { errors } = await graphqlRequest(subgraph.url, CREATE_ACTIVITY, { token, variables: { input } });
      expect(errors?.[0]).toMatchObject({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT', argument: 'input.startsAt' } });
      expect(await counts()).toEqual(before);
      expect(await auditCount()).toBe(audited);
    });

    it.each([
      ['the department, entering a paper record', departmentStaff, startingAgo(30 * 86_400_000)],
      ['an admin, entering a paper record', admin, anHourAgo],
      ['a community worker whose clock runs a minute behind', worker, startingAgo(60_000)],
    ])('is accepted for %s', async (_who, token, input) => {
      const { data, errors } = await graphqlRequest(subgraph.url, CREATE_ACTIVITY, { token, variables: { input } });
      expect(errors).toBeUndefined();
      expect(data.createActivity.id).toEqual(expect.any(String));
    });
  });

  it('refuses an activity outside the jurisdiction and an unauthenticated caller', async () => {
    expect((await graphqlRequest(subgraph.url, CREATE_ACTIVITY, { token: otherWorker, variables: { input: base } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await graphqlRequest(subgraph.url, CREATE_ACTIVITY, { variables: { input: base } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
