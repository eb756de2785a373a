import { BAD_DAYS, BAD_FLOATS, BAD_INSTANTS, BAD_INTS, BAD_TEXT, CODE_LOOKALIKES, corpusAnalyst as analyst, corpusStaff as staff, ID_LOOKALIKES, INJECTIONS, operationsAs, overLimit, type HostileRequest, vary } from '@shequ/kit/testing';
import { addDays, chinaToday } from '@shequ/kit';

const CODES = [...INJECTIONS, ...CODE_LOOKALIKES];
const IDS = [...INJECTIONS.slice(0, 6), ...ID_LOOKALIKES];
const token = staff['public-safety'];
/** Fixture rows: an open hazard, a supervised person, a patrol group, a reported incident's community. */
const OPEN_HAZARD = '00000000-0000-4000-8000-000000000201';
const SUPERVISED = '00000000-0000-4000-8000-000000000301';
const PATROL_GROUP = '00000000-0000-4000-8000-000000000001';
const MISSING = '00000000-0000-4000-8000-00000000dead';

const op = operationsAs(token);

/** Every argument and input field of public safety's queries and mutations, spoiled one at a time. */
export function publicSafetyInputs(): HostileRequest[] {
  const yesterday = addDays(chinaToday(), -1);
  const trend = op(
    'incidentTrend',
    'query ($r: String!, $from: DateTimeISO!, $to: DateTimeISO!) { incidentTrend(regionCode: $r, from: $from, to: $to, granularity: MONTH) { period } }',
    { r: '620100', from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
    analyst,
  );
  const ranking = op(
    'rankCommunitiesBySafety',
    'query ($r: String!, $n: Int!) { rankCommunitiesBySafety(regionCode: $r, metric: OPEN_HAZARDS, first: $n) { rank } }',
    { r: '620100', n: 10 },
    analyst,
  );
  // A valid code here would be an audited read: only spoiled codes are sent.
  const supervised = op('supervisedPersons', 'query ($c: String!) { supervisedPersons(communityCode: $c) { id } }', { c: '620102001001' });
  const communityList = (field: string) =>
    op(`Community.${field}`, `query ($n: Int!, $a: String) { community(code: "620102001001") { ${field}(first: $n, after: $a) { totalCount } } }`, { n: 10, a: null });

  const report = op('reportIncident', 'mutation ($i: ReportSafetyIncidentInput!) { reportIncident(input: $i) { id } }', {
    i: { communityCode: '620102001001', category: 'THEFT', severity: 'LOW', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), summary: '电动车被盗' },
  });
  const incidentStatus = op('updateIncidentStatus', 'mutation ($id: ID!) { updateIncidentStatus(id: $id, status: INVESTIGATING) { id } }', { id: MISSING });
  const inspection = op('recordInspection', 'mutation ($i: RecordInspectionInput!) { recordInspection(input: $i) { id } }', {
    i: { communityCode: '620102001001', targetKind: 'RENTAL_HOUSING', targetName: '幸福小区5号楼', inspectedOn: yesterday, hazards: ['楼道堆物'] },
  });
  const fixHazard = op('fixHazard', 'mutation ($id: ID!, $on: String) { fixHazard(id: $id, fixedOn: $on) { id } }', { id: OPEN_HAZARD, on: yesterday });
  const legal = op('recordLegalService', 'mutation ($i: RecordLegalServiceInput!) { recordLegalService(input: $i) { id } }', {
    i: { communityCode: '620102001001', kind: 'CONSULTATION', heldOn: yesterday, peopleReached: 3, topic: '租房合同' },
  });
  const openCase = op('openMediationCase', 'mutation ($i: OpenMediationCaseInput!) { openMediationCase(input: $i) { id } }', {
    i: { communityCode: '620102001001', category: 'NEIGHBOURS', receivedOn: yesterday, mediator: '张调解员' },
  });
  const closeCase = op('closeMediationCase', 'mutation ($id: ID!, $on: String) { closeMediationCase(id: $id, outcome: FAILED, closedOn: $on) { id } }', { id: MISSING, on: yesterday });
  const liaison = op('assignPoliceLiaison', 'mutation ($i: AssignPoliceLiaisonInput!) { assignPoliceLiaison(input: $i) { id } }', {
    i: { communityCode: '620102001001', officerName: '李警官', officerPhone: '13900000000', station: '东岗派出所', since: yesterday },
  });
  const patrol = op('recordPatrol', 'mutation ($i: RecordPatrolInput!) { recordPatrol(input: $i) { id } }', {
    i: { communityCode: '620102001001', groupId: PATROL_GROUP, patrolledOn: yesterday, hours: 2, participants: 4, jointWithPolice: true },
  });
  const registerPerson = op('registerSupervisedPerson', 'mutation ($i: RegisterSupervisedPersonInput!) { registerSupervisedPerson(input: $i) { id } }', {
    i: {
      communityCode: '620102001001',
      category: 'COMMUNITY_CORRECTION',
      fullName: '孙八',
      idNumber: '620102199001011111',
      phone: '13911112222',
      supervisedFrom: yesterday,
      supervisedUntil: null,
      caseworker: '陈社工',
      assistancePlan: '就业推荐',
      educationPlan: '法治教育',
    },
  });
  const updatePlan = op('updateAssistancePlan', 'mutation ($id: ID!, $i: UpdateAssistancePlanInput!) { updateAssistancePlan(id: $id, input: $i) { id } }', {
    id: SUPERVISED,
    i: { assistancePlan: '技能培训' },
  });

  return [
    ...vary(trend, 'r', CODES),
    ...vary(trend, 'from', [...BAD_INSTANTS, '2027-01-01T00:00:00Z']),
    ...vary(trend, 'to', BAD_INSTANTS),
    ...vary(ranking, 'r', CODES),
    ...vary(ranking, 'n', [...BAD_INTS, 0, 101]),
    ...vary(supervised, 'c', CODES),
    ...vary(communityList('safetyIncidents'), 'a', INJECTIONS),
    ...vary(communityList('mediationCases'), 'a', INJECTIONS),
    ...vary(communityList('inspections'), 'a', INJECTIONS),
    ...vary(communityList('inspections'), 'n', [...BAD_INTS, 101]),

    ...vary(report, 'i.communityCode', CODES),
    ...vary(report, 'i.occurredAt', BAD_INSTANTS),
    ...vary(report, 'i.summary', [...BAD_TEXT, ...overLimit(500)]),
    ...vary(report, 'i.severity', ['APOCALYPTIC']),
    ...vary(incidentStatus, 'id', IDS),
    ...vary(inspection, 'i.communityCode', CODES),
    ...vary(inspection, 'i.targetName', [...BAD_TEXT, ...overLimit(200)]),
    ...vary(inspection, 'i.inspectedOn', BAD_DAYS),
    ...vary(inspection, 'i.hazards', [[''], ['x'.repeat(301)], Array.from({ length: 51 }, (_, n) => `隐患${n}`)]),
    ...vary(fixHazard, 'id', IDS),
    ...vary(fixHazard, 'on', BAD_DAYS),
    ...vary(legal, 'i.communityCode', CODES),
    ...vary(legal, 'i.heldOn', BAD_DAYS),
    ...vary(legal, 'i.peopleReached', [...BAD_INTS, 100_001]),
    ...vary(legal, 'i.topic', [...BAD_TEXT, ...overLimit(200)]),
    ...vary(openCase, 'i.communityCode', CODES),
    ...vary(openCase, 'i.receivedOn', BAD_DAYS),
    ...vary(openCase, 'i.mediator', [...BAD_TEXT, ...overLimit(100)]),
    ...vary(closeCase, 'id', IDS),
    ...vary(closeCase, 'on', BAD_DAYS),
    ...vary(liaison, 'i.communityCode', CODES),
    ...vary(liaison, 'i.officerName', [...BAD_TEXT, ...overLimit(50)]),
    ...vary(liaison, 'i.officerPhone', [...INJECTIONS, '12345', '0931-123']),
    ...vary(liaison, 'i.station', [...BAD_TEXT, ...overLimit(100)]),
    ...vary(liaison, 'i.since', BAD_DAYS),
    ...vary(patrol, 'i.communityCode', CODES),
    ...vary(patrol, 'i.groupId', IDS),
    ...vary(patrol, 'i.patrolledOn', BAD_DAYS),
    ...vary(patrol, 'i.hours', [...BAD_FLOATS, 0, 24.1, 0.05]),
    ...vary(patrol, 'i.participants', [...BAD_INTS, 0, 501]),
    ...vary(registerPerson, 'i.communityCode', CODES),
    ...vary(registerPerson, 'i.fullName', [...BAD_TEXT, ...overLimit(50)]),
    ...vary(registerPerson, 'i.idNumber', [...INJECTIONS, '62010219900101111', '62010219900101111Y']),
    ...vary(registerPerson, 'i.phone', [...INJECTIONS, '12345']),
    ...vary(registerPerson, 'i.supervisedFrom', BAD_DAYS),
    ...vary(registerPerson, 'i.supervisedUntil', [...BAD_DAYS.filter((value) => value !== '9999-12-31'), '2001-01-01']),
    ...vary(registerPerson, 'i.caseworker', [...BAD_TEXT, ...overLimit(50)]),
    ...vary(registerPerson, 'i.assistancePlan', [...BAD_TEXT, ...overLimit(2000)]),
    ...vary(registerPerson, 'i.educationPlan', [...BAD_TEXT, ...overLimit(2000)]),
    ...vary(updatePlan, 'id', IDS),
    ...vary(updatePlan, 'i.assistancePlan', [...BAD_TEXT, ...overLimit(2000)]),
    ...vary(updatePlan, 'i.educationPlan', [...BAD_TEXT, ...overLimit(2000)]),
    ...vary(updatePlan, 'i.caseworker', [...BAD_TEXT, ...overLimit(50)]),
  ];
}
