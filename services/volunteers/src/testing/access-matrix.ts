import type { DataSource } from 'typeorm';
import { matrixViewerSub, type MatrixCase, type ProtectedRead } from '@shequ/kit/testing';
import { volunteersPolicy } from '../access-policy';
import { VOLUNTEERS_FIXTURE } from './fixture';

const COMMUNITY = '620102001001';
/** A community of Jiayuguan: outside every "inside" caller's jurisdiction, inside every "outside" one's. */
const ELSEWHERE = '620201001001';

/**
 * The volunteers subgraph's mutations, its restricted and personal fields
 * and its audit log as access-matrix cases, in community 620102001001 over
 * the fixture (insertVolunteersFixture) and rows this inserts: a volunteer
 * to enrol, an activity still open for sign-up, one that has started with
 * sign-ups awaiting attendance and confirmation, an organisation still
 * incubating. Writes naming two records come again with the volunteer in
 * Jiayuguan (620201001001), owned by the matrix's outside resident, so that
 * no caller but an admin over both, or that volunteer signing themself up,
 * gets through; and createActivity comes again with a start in the past.
 */
export async function volunteersMatrixCases(dataSource: DataSource): Promise<MatrixCase[]> {
  const { volunteers, teams } = VOLUNTEERS_FIXTURE;
  const insertVolunteer = async (name: string, idNumber: string, communityCode = COMMUNITY, accountSub: string | null = null): Promise<string> =>
    (
      (await dataSource.query(
        `INSERT INTO volunteers.volunteer (community_code, name, phone, id_number, skills, status, registered_on, account_sub) VALUES ($1, $2, '13700000000', $3, '{IT}', 'ACTIVE', current_date - 10, $4) RETURNING id`,
        [communityCode, name, idNumber, accountSub],
      )) as { id: string }[]
    )[0].id;
  const recruit = await insertVolunteer('矩阵甲', '620102199101011111');
  const attendee = await insertVolunteer('矩阵乙', '620102199101012222');
  const outsiderAccount = matrixViewerSub('resident outside');
  const outsider = await insertVolunteer('矩阵丙', '620201199101013333', ELSEWHERE, outsiderAccount);
  const outsideAttendee = await insertVolunteer('矩阵丁', '620201199101014444', ELSEWHERE);
  const activity = async (startsIn: string): Promise<string> =>
    (
      (await dataSource.query(
        `INSERT INTO volunteers.activity (title, category, community_code, organiser_team_id, starts_at, ends_at, places)
         VALUES ('矩阵活动', 'ELDERLY_CARE', $1, $2, now() + $3::interval, now() + $3::interval + interval '3 hours', 30) RETURNING id`,
        [COMMUNITY, teams.xingfu, startsIn],
      )) as { id: string }[]
    )[0].id;
  const open = await activity('10 days');
  const started = await activity('-2 days');
  await dataSource.query(
    `INSERT INTO volunteers.activity_signup (activity_id, volunteer_id, community_code, served_on, attended, hours)
     VALUES ($1, $2, $4, current_date - 2, NULL, NULL), ($1, $3, $4, current_date - 2, true, 2), ($1, $5, $4, current_date - 2, NULL, NULL), ($1, $6, $4, current_date - 2, true, 2)`,
    [started, recruit, attendee, COMMUNITY, outsider, outsideAttendee],
  );
  const [{ id: incubating }]: { id: string }[] = await dataSource.query(
    `INSERT INTO volunteers.organization (name, kind, functions, stage) VALUES ('矩阵互助会', 'CHARITY', '{SOCIAL_SERVICE}', 'INCUBATING') RETURNING id`,
  );
  await dataSource.query(`INSERT INTO volunteers.organization_community (organization_id, community_code) VALUES ($1, $2)`, [incubating, COMMUNITY]);

  const base = { subgraph: 'volunteers', policy: volunteersPolicy, targetCode: COMMUNITY };
  const write = (operation: string, mutation: string, inputType: string, input: Record<string, unknown>, recordId?: string): MatrixCase => ({
    ...base,
    operation,
    query: `mutation ($i: ${inputType}!) { ${mutation}(input: $i) { __typename } }`,
    variables: { i: input },
    recordId,
  });
  // 张三's record: only callers who may read volunteers reach it; then the personal fields read in the clear or masked.
  const zhang = (field: string, operation: string, read: Omit<ProtectedRead, 'path' | 'gate'>): MatrixCase => ({
    ...base,
    operation,
    ownerSub: VOLUNTEERS_FIXTURE.zhangAccount,
    query: `query ($id: ID!) { volunteer(id: $id) { id ${field} } }`,
    variables: { id: volunteers.zhang },
    recordId: volunteers.zhang,
    read: { path: ['volunteer', field], gate: 'readVolunteers', ...read },
  });
  // The activity (or team) in the community, the volunteer in it or in Jiayuguan.
  const parties = (party: 'activity' | 'team', volunteerCode: string) => ({ targetCode: { [party]: COMMUNITY, volunteer: volunteerCode } });
  const activityInput = (startsAt: number) => ({
    title: '矩阵活动',
    category: 'ELDERLY_CARE',
    communityCode: COMMUNITY,
    organiserTeamId: teams.xingfu,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 3_600_000).toISOString(),
    places: 10,
  });
  return [
    write('registerVolunteer', 'registerVolunteer', 'RegisterVolunteerInput', { communityCode: COMMUNITY, name: '矩阵测试', phone: '13800000000', idNumber: '620102199001019999', skills: ['IT'] }),
    write('updateVolunteer', 'updateVolunteer', 'UpdateVolunteerInput', { id: volunteers.li, skills: ['LEGAL', 'IT'] }, volunteers.li),
    write('createTeam', 'createTeam', 'CreateVolunteerTeamInput', { name: '矩阵服务队', communityCode: COMMUNITY }),
    { ...write('joinTeam', 'joinTeam', 'JoinVolunteerTeamInput', { teamId: teams.xingfu, volunteerId: recruit }), ...parties('team', COMMUNITY), recordId: { team: teams.xingfu, volunteer: recruit } },
    { ...write('joinTeam', 'joinTeam', 'JoinVolunteerTeamInput', { teamId: teams.xingfu, volunteerId: outsider }), ...parties('team', ELSEWHERE), recordId: { team: teams.xingfu, volunteer: outsider } },
    write('createActivity', 'createActivity', 'CreateVolunteerActivityInput', activityInput(Date.now() + 86_400_000)),
    // Started an hour ago: only the department may enter it; an organiser who may create activities is told the start is in the past.
    {
      ...write('recordPastActivity', 'createActivity', 'CreateVolunteerActivityInput', activityInput(Date.now() - 3_600_000)),
      inputRule: { gate: 'createActivity', argument: 'input.startsAt' },
    },
    { ...write('signUp', 'signUp', 'SignUpVolunteerInput', { activityId: open, volunteerId: recruit }), ...parties('activity', COMMUNITY), recordId: { activity: open, volunteer: recruit } },
    { ...write('signUp', 'signUp', 'SignUpVolunteerInput', { activityId: open, volunteerId: outsider }), ...parties('activity', ELSEWHERE), ownerSub: outsiderAccount, recordId: { activity: open, volunteer: outsider } },
    {
      ...write('recordAttendance', 'recordAttendance', 'RecordAttendanceInput', { activityId: started, volunteerId: recruit, attended: true, hours: 2 }),
      ...parties('activity', COMMUNITY),
      recordId: { activity: started, volunteer: recruit },
    },
    {
      ...write('recordAttendance', 'recordAttendance', 'RecordAttendanceInput', { activityId: started, volunteerId: outsider, attended: true, hours: 2 }),
      ...parties('activity', ELSEWHERE),
      recordId: { activity: started, volunteer: outsider },
    },
    { ...write('confirmHours', 'confirmHours', 'ConfirmHoursInput', { activityId: started, volunteerIds: [attendee] }), ...parties('activity', COMMUNITY), recordId: { activity: started, volunteer: attendee } },
    { ...write('confirmHours', 'confirmHours', 'ConfirmHoursInput', { activityId: started, volunteerIds: [outsideAttendee] }), ...parties('activity', ELSEWHERE), recordId: { activity: started, volunteer: outsideAttendee } },
    write('redeemHours', 'redeemHours', 'RedeemHoursInput', { volunteerId: volunteers.li, hours: 0.25, service: '理发' }, volunteers.li),
    {
      ...write('registerOrganization', 'registerOrganization', 'RegisterOrganizationInput', { name: '矩阵社工站', kind: 'SOCIAL_SERVICE_ORGANIZATION', functions: ['SOCIAL_SERVICE'], communityCodes: [COMMUNITY] }),
      targetCode: { community: [COMMUNITY] },
    },
    write('advanceOrganizationStage', 'advanceOrganizationStage', 'AdvanceOrganizationStageInput', { id: incubating, stage: 'REGISTERED', registrationNumber: '52620102MJ0000999X' }, incubating),
    // Restricted: a volunteer's record reads as an unknown id, the community's list as null, for callers the rule does not allow.
    { ...base, operation: 'readVolunteers', ownerSub: VOLUNTEERS_FIXTURE.zhangAccount, query: `{ volunteer(id: "${volunteers.zhang}") { id } }`, recordId: volunteers.zhang },
    {
      ...base,
      operation: 'readVolunteers',
      query: `{ community(code: "${COMMUNITY}") { code volunteers(first: 1) { totalCount } } }`,
      read: { path: ['community', 'volunteers'], refusedAs: 'null' },
    },
    zhang('name', 'readVolunteerPersonalData', { refusedAs: 'maskName', plain: '张三' }),
    zhang('phone', 'readVolunteerPersonalData', { refusedAs: 'maskPhone', plain: '13812345678' }),
    zhang('idNumber', 'readVolunteerPersonalData', { refusedAs: 'maskIdNumber', plain: '620102199001011234' }),
    zhang('hourBalance', 'readVolunteerHours', { refusedAs: 'null' }),
    { ...base, operation: 'readAuditLog', query: '{ volunteersAuditLog(first: 1) { totalCount edges { node { operation actorSub } } } }' },
  ];
}
