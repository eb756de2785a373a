import { INPUT_REFUSALS, query, testToken, TOKEN_REFUSALS, type HostileRequest } from '@shequ/kit/testing';
import { VOLUNTEERS_FIXTURE } from './fixture';

const OUT_OF_REACH = [...TOKEN_REFUSALS, 'NOT_FOUND'] as const;

/**
 * Crediting hours to a volunteer outside one's jurisdiction through an
 * activity inside it, as it was once done: callers allowed on the activity
 * (or team) but not on 吴九, the fixture's volunteer in Jiayuguan
 * (620201001001), at every step from sign-up to confirmation; and activities
 * back-dated so that attendance can be recorded at once.
 */
export function volunteersPartyAbuse(): HostileRequest[] {
  const { volunteers: v, teams: t, activities: a } = VOLUNTEERS_FIXTURE;
  const callers: [string, string][] = [
    ['a community worker of the county', testToken({ sub: 'corpus-worker-620102', roles: ['community_worker'], jurisdiction: '620102' })],
    ['a community worker of the other county', testToken({ sub: 'corpus-worker-620103', roles: ['community_worker'], jurisdiction: '620103' })],
    ['volunteers staff of Lanzhou', testToken({ sub: 'corpus-staff-620100', roles: ['department_staff'], department: 'volunteers', jurisdiction: '620100' })],
  ];
  const writes: [string, string, Record<string, unknown>][] = [
    // a.recent (620102001001) has started, a.upcoming (620103001001) is open for sign-up.
    ['signUp for an open activity', 'mutation ($i: SignUpVolunteerInput!) { signUp(input: $i) { activity { id } } }', { i: { activityId: a.upcoming, volunteerId: v.wu } }],
    ['signUp for a past activity', 'mutation ($i: SignUpVolunteerInput!) { signUp(input: $i) { activity { id } } }', { i: { activityId: a.recent, volunteerId: v.wu } }],
    ['recordAttendance of 24 hours', 'mutation ($i: RecordAttendanceInput!) { recordAttendance(input: $i) { hours } }', { i: { activityId: a.recent, volunteerId: v.wu, attended: true, hours: 24 } }],
    ['confirmHours', 'mutation ($i: ConfirmHoursInput!) { confirmHours(input: $i) { hours } }', { i: { activityId: a.recent, volunteerIds: [v.wu] } }],
    ['confirmHours beside a volunteer inside', 'mutation ($i: ConfirmHoursInput!) { confirmHours(input: $i) { hours } }', { i: { activityId: a.recent, volunteerIds: [v.sun, v.wu] } }],
    ['joinTeam', 'mutation ($i: JoinVolunteerTeamInput!) { joinTeam(input: $i) { role } }', { i: { teamId: t.xingfu, volunteerId: v.wu, role: 'LEADER' } }],
  ];
  const crossJurisdiction = callers.flatMap(([label, token]) =>
    // Out of the caller's reach, the volunteer answers as an unknown one would (NOT_FOUND); either way nothing changes.
    writes.map(([name, document, variables]) => query(`${name} of a volunteer of Jiayuguan by ${label}`, document, variables, token, OUT_OF_REACH)),
  );

  const createActivity = 'mutation ($i: CreateVolunteerActivityInput!) { createActivity(input: $i) { id } }';
  const activity = (hoursAgo: number) => ({
    i: {
      title: '补录活动',
      category: 'ENVIRONMENT',
      communityCode: '620102001001',
      organiserTeamId: t.xingfu,
      startsAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() - hoursAgo * 3_600_000 + 24 * 3_600_000).toISOString(),
      places: 10,
    },
  });
  const backDated = [1, 24, 24 * 30].map((hoursAgo) =>
    query(`createActivity started ${hoursAgo} hours ago by a community worker`, createActivity, activity(hoursAgo), callers[0][1], INPUT_REFUSALS),
  );
  // The department may enter paper records, but not from more than a year back.
  backDated.push(query('createActivity started 400 days ago by volunteers staff', createActivity, activity(400 * 24), callers[2][1], INPUT_REFUSALS));
  return [...crossJurisdiction, ...backDated];
}
