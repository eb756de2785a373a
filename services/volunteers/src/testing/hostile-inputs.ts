import { BAD_DAYS, BAD_INSTANTS, BAD_INTS, BAD_TEXT, CODE_LOOKALIKES, corpusAnalyst as analyst, corpusStaff as staff, FAR_INSTANTS, ID_LOOKALIKES, INJECTIONS, MALFORMED_INSTANTS, operationsAs, overLimit, type HostileRequest, vary } from '@shequ/kit/testing';
import { VOLUNTEERS_FIXTURE } from './fixture';

const CODES = [...INJECTIONS, ...CODE_LOOKALIKES];
const IDS = [...INJECTIONS.slice(0, 6), ...ID_LOOKALIKES];
const { volunteers: v, teams: t, organizations: o, activities: a } = VOLUNTEERS_FIXTURE;
const token = staff.volunteers;
const BAD_HOURS = [0, -1, 0.1, 1e308, -1e308, 1001, '1'];

const op = operationsAs(token);

/** Every argument and input field of the volunteers subgraph's queries and mutations, spoiled one at a time. */
export function volunteersInputs(): HostileRequest[] {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
  const activity = op('volunteerActivity', 'query ($id: ID!) { volunteerActivity(id: $id) { id } }', { id: a.recent });
  const organization = op('organization', 'query ($id: ID!) { organization(id: $id) { id } }', { id: o.socialService });
  const volunteer = op('volunteer', 'query ($id: ID!) { volunteer(id: $id) { id } }', { id: v.zhang });
  const organizations = op(
    'organizations',
    'query ($f: OrganizationFilter, $n: Int!, $a: String) { organizations(filter: $f, first: $n, after: $a) { totalCount } }',
    { f: { regionCode: '620100' }, n: 10, a: null },
    undefined,
  );
  const ranking = op(
    'rankCommunitiesByVolunteering',
    'query ($r: String!, $n: Int!) { rankCommunitiesByVolunteering(regionCode: $r, metric: REGISTERED_VOLUNTEERS, first: $n) { rank } }',
    { r: '620100', n: 10 },
    analyst,
  );
  const trend = op(
    'volunteerHoursTrend',
    'query ($r: String!, $from: String!, $to: String!) { volunteerHoursTrend(regionCode: $r, from: $from, to: $to, granularity: MONTH) { period } }',
    { r: '620100', from: '2025-01-01', to: '2026-01-01' },
    analyst,
  );
  const communityLists = (field: string, filter: Record<string, unknown> | null) =>
    op(
      `Community.${field}`,
      `query ($f: ${field === 'volunteers' ? 'VolunteerFilter' : field === 'organizations' ? 'OrganizationFilter' : 'VolunteerActivityFilter'}, $n: Int!, $a: String) { community(code: "620102001001") { ${field}(filter: $f, first: $n, after: $a) { totalCount } } }`,
      { f: filter, n: 10, a: null },
    );
  const activities = communityLists('volunteerActivities', { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });

  const createActivity = op('createActivity', 'mutation ($i: CreateVolunteerActivityInput!) { createActivity(input: $i) { id } }', {
    i: { title: '义务理发', category: 'ELDERLY_CARE', communityCode: '620102001001', organiserTeamId: t.xingfu, startsAt: day(7), endsAt: day(7.1), places: 10 },
  });
  const registerOrganization = op('registerOrganization', 'mutation ($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }', {
    i: { name: '睦邻互助社', kind: 'CHARITY', functions: ['SOCIAL_SERVICE'], communityCodes: ['620102001001'], staffCount: 2, volunteerCount: 10 },
  });
  const advance = op('advanceOrganizationStage', 'mutation ($i: AdvanceOrganizationStageInput!) { advanceOrganizationStage(input: $i) { id } }', {
    i: { id: o.incubator, stage: 'REGISTERED', registrationNumber: '52620102MJ0000002B', registeredOn: day(-1).slice(0, 10) },
  });
  const signUp = op('signUp', 'mutation ($i: SignUpVolunteerInput!) { signUp(input: $i) { id } }', { i: { activityId: a.upcoming, volunteerId: v.zhou } });
  const attendance = op('recordAttendance', 'mutation ($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }', {
    i: { activityId: a.recent, volunteerId: v.zhang, attended: true, hours: 2 },
  });
  const confirm = op('confirmHours', 'mutation ($i: ConfirmHoursInput!) { confirmHours(input: $i) { id } }', { i: { activityId: a.recent, volunteerIds: [v.zhang] } });
  const redeem = op('redeemHours', 'mutation ($i: RedeemHoursInput!) { redeemHours(input: $i) { id } }', { i: { volunteerId: v.li, hours: 1, service: '理发' } });
  const createTeam = op('createTeam', 'mutation ($i: CreateVolunteerTeamInput!) { createTeam(input: $i) { id } }', {
    i: { name: '睦邻巡查队', communityCode: '620102001001', organizationId: o.socialService },
  });
  const joinTeam = op('joinTeam', 'mutation ($i: JoinVolunteerTeamInput!) { joinTeam(input: $i) { role } }', { i: { teamId: t.xingfu, volunteerId: v.sun } });
  const registerVolunteer = op('registerVolunteer', 'mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }', {
    i: { communityCode: '620102001001', name: '赵十', phone: '13800000000', idNumber: '620102199001019999', skills: ['IT'], registeredOn: day(-1).slice(0, 10), accountSub: 'corpus-volunteer' },
  });
  const updateVolunteer = op('updateVolunteer', 'mutation ($i: UpdateVolunteerInput!) { updateVolunteer(input: $i) { id } }', { i: { id: v.zhang, name: '张三丰' } });

  return [
    ...vary(activity, 'id', IDS),
    ...vary(organization, 'id', IDS),
    ...vary(volunteer, 'id', IDS),
    ...vary(organizations, 'f.regionCode', CODES),
    ...vary(organizations, 'n', [...BAD_INTS, 101]),
    ...vary(organizations, 'a', INJECTIONS),
    ...vary(ranking, 'r', CODES),
    ...vary(ranking, 'n', [...BAD_INTS, 0, 101]),
    ...vary(trend, 'r', CODES),
    ...vary(trend, 'from', [...BAD_DAYS, '2027-01-01']),
    ...vary(trend, 'to', BAD_DAYS),
    ...vary(communityLists('volunteers', null), 'a', INJECTIONS),
    ...vary(communityLists('volunteers', null), 'n', [...BAD_INTS, 101]),
    ...vary(communityLists('organizations', null), 'a', INJECTIONS),
    ...vary(activities, 'a', INJECTIONS),
    ...vary(activities, 'f.from', MALFORMED_INSTANTS),
    ...vary(activities, 'f.to', MALFORMED_INSTANTS),
    ...vary(activities, 'f.from', FAR_INSTANTS, null),
    ...vary(activities, 'f.to', FAR_INSTANTS, null),

    ...vary(createActivity, 'i.title', [...BAD_TEXT, ...overLimit(200)]),
    ...vary(createActivity, 'i.communityCode', CODES),
    ...vary(createActivity, 'i.organiserTeamId', IDS),
    ...vary(createActivity, 'i.organiserOrganizationId', IDS),
    ...vary(createActivity, 'i.startsAt', [...BAD_INSTANTS, day(8)]),
    ...vary(createActivity, 'i.endsAt', [...BAD_INSTANTS, day(6)]),
    ...vary(createActivity, 'i.places', [...BAD_INTS, 0, 10_001]),
    ...vary(registerOrganization, 'i.name', [...BAD_TEXT, ...overLimit(200)]),
    ...vary(registerOrganization, 'i.communityCodes', [[], [INJECTIONS[0]], CODE_LOOKALIKES.slice(1), Array.from({ length: 51 }, () => '620102001001')]),
    ...vary(registerOrganization, 'i.functions', [[], ['BRIBERY']]),
    ...vary(registerOrganization, 'i.staffCount', [...BAD_INTS, 100_001]),
    ...vary(registerOrganization, 'i.volunteerCount', [...BAD_INTS, 1_000_001]),
    ...vary(advance, 'i.id', IDS),
    ...vary(advance, 'i.registrationNumber', ['', ' ', 'x'.repeat(20_000)]),
    ...vary(advance, 'i.registeredOn', BAD_DAYS),
    ...vary(signUp, 'i.activityId', IDS),
    ...vary(signUp, 'i.volunteerId', IDS),
    ...vary(attendance, 'i.hours', [...BAD_HOURS, 25]),
    ...vary(attendance, 'i.activityId', IDS),
    ...vary(attendance, 'i.volunteerId', IDS),
    ...vary(confirm, 'i.activityId', IDS),
    ...vary(confirm, 'i.volunteerIds', [[], [INJECTIONS[0]], Array.from({ length: 501 }, () => v.zhang)]),
    ...vary(redeem, 'i.volunteerId', IDS),
    ...vary(redeem, 'i.hours', [...BAD_HOURS, 100]),
    ...vary(redeem, 'i.service', [...BAD_TEXT, ...overLimit(200)]),
    ...vary(createTeam, 'i.name', [...BAD_TEXT, ...overLimit(100)]),
    ...vary(createTeam, 'i.communityCode', CODES),
    ...vary(createTeam, 'i.organizationId', IDS),
    ...vary(joinTeam, 'i.teamId', IDS),
    ...vary(joinTeam, 'i.volunteerId', IDS),
    ...vary(joinTeam, 'i.role', ['OWNER']),
    ...vary(registerVolunteer, 'i.communityCode', CODES),
    ...vary(registerVolunteer, 'i.name', [...BAD_TEXT, ...overLimit(50)]),
    ...vary(registerVolunteer, 'i.phone', [...INJECTIONS, '1380000000', '23800000000']),
    ...vary(registerVolunteer, 'i.idNumber', [...INJECTIONS, '62010219900101999', '62010219900101999Y']),
    ...vary(registerVolunteer, 'i.registeredOn', BAD_DAYS),
    ...vary(registerVolunteer, 'i.accountSub', ['', 'x'.repeat(20_000)]),
    ...vary(registerVolunteer, 'i.skills', [['HACKING']]),
    ...vary(updateVolunteer, 'i.id', IDS),
    ...vary(updateVolunteer, 'i.name', [...BAD_TEXT, ...overLimit(50)]),
    ...vary(updateVolunteer, 'i.phone', [...INJECTIONS, '1380000000']),
  ];
}
