import { addDays, chinaToday, DEPARTMENTS, type Department } from '@shequ/kit';
import { corpusStaff as staff, corpusStaffElsewhere as otherJurisdiction, type HostileRequest, query, testToken, TOKEN_REFUSALS } from '@shequ/kit/testing';
import { FIXTURE_REQUEST_IDS } from '@shequ/service-delivery/testing';
import { VOLUNTEERS_FIXTURE } from '@shequ/volunteers/testing';
import { forgedTokens } from './forged-tokens';

interface Write {
  name: string;
  document: string;
  variables: Record<string, unknown>;
  /** The department whose staff in the target's jurisdiction could make this call. */
  department: keyof typeof staff;
  /** The write names its record by id: out of a caller's reach, the record answers as an unknown id (NOT_FOUND). */
  byId?: true;
}

/**
 * Department writes and restricted reads that would succeed for the right
 * caller — every input valid, every target in community 620102001001 — so
 * only the token can stop them, and a row changed means it did not.
 */
function departmentWrites(): Write[] {
  const yesterday = addDays(chinaToday(), -1);
  const { volunteers: v, teams: t } = VOLUNTEERS_FIXTURE;
  return [
    {
      name: 'draftPlan',
      department: 'governance',
      document: 'mutation ($i: DraftPlanInput!) { draftPlan(input: $i) { id } }',
      variables: { i: { regionCode: '620100', kind: 'ANNUAL', title: '越权计划', startYear: 2027, endYear: 2027 } },
    },
    {
      name: 'registerPracticalProject',
      department: 'governance',
      document: 'mutation ($i: RegisterPracticalProjectInput!) { registerPracticalProject(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', year: 2026, title: '越权项目', budget: 1000, fundingSource: 'STATE' } },
    },
    {
      name: 'runAssessment',
      department: 'governance',
      document: 'mutation { runAssessment(regionCode: "620102001", year: 2026) { year } }',
      variables: {},
    },
    {
      name: 'registerFacility',
      department: 'service-delivery',
      document: 'mutation ($i: RegisterFacilityInput!) { registerFacility(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', name: '越权食堂', kind: 'CANTEEN', ownership: 'GOVERNMENT', capacity: 40 } },
    },
    {
      name: 'acceptServiceRequest',
      byId: true,
      department: 'service-delivery',
      document: 'mutation ($i: ServiceRequestStepInput!) { acceptServiceRequest(input: $i) { id } }',
      variables: { i: { id: FIXTURE_REQUEST_IDS.submitted } },
    },
    {
      name: 'recordInvestment',
      department: 'service-delivery',
      document: 'mutation ($i: RecordInvestmentInput!) { recordInvestment(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', year: 2026, source: 'STATE', amount: 1000 } },
    },
    {
      name: 'registerVolunteer',
      department: 'volunteers',
      document: 'mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', name: '越权', phone: '13800000000', idNumber: '620102199001019998', skills: ['IT'] } },
    },
    {
      name: 'joinTeam',
      byId: true,
      department: 'volunteers',
      document: 'mutation ($i: JoinVolunteerTeamInput!) { joinTeam(input: $i) { role } }',
      variables: { i: { teamId: t.xingfu, volunteerId: v.wang } },
    },
    {
      name: 'redeemHours',
      byId: true,
      department: 'volunteers',
      document: 'mutation ($i: RedeemHoursInput!) { redeemHours(input: $i) { id } }',
      variables: { i: { volunteerId: v.li, hours: 0.25, service: '理发' } },
    },
    {
      name: 'reportIncident',
      department: 'public-safety',
      document: 'mutation ($i: ReportSafetyIncidentInput!) { reportIncident(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', category: 'THEFT', severity: 'LOW', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), summary: '越权上报' } },
    },
    {
      name: 'assignPoliceLiaison',
      department: 'public-safety',
      document: 'mutation ($i: AssignPoliceLiaisonInput!) { assignPoliceLiaison(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', officerName: '越警官', officerPhone: '13900000000', station: '东岗派出所', since: yesterday } },
    },
    {
      name: 'updateAssistancePlan',
      byId: true,
      department: 'public-safety',
      document: 'mutation ($i: UpdateAssistancePlanInput!) { updateAssistancePlan(id: "00000000-0000-4000-8000-000000000301", input: $i) { id } }',
      variables: { i: { assistancePlan: '越权修改' } },
    },
    {
      name: 'supervisedPersons (restricted, audited read)',
      department: 'public-safety',
      document: '{ supervisedPersons(communityCode: "620102001001") { id fullName } }',
      variables: {},
    },
  ];
}

/**
 * Each write under every forged token, under its own department's staff for
 * another prefecture, under another department's staff for the right one, and
 * under a resident of another community: all refused, nothing written.
 */
export function tokenAbuse(): HostileRequest[] {
  const forged = forgedTokens();
  const resident = testToken({ sub: 'corpus-resident', roles: ['resident'], jurisdiction: '620201001001' });
  return departmentWrites().flatMap((write) => {
    const wrongDepartment = staff[DEPARTMENTS.find((department) => department !== write.department) as Department];
    const refusals = write.byId ? [...TOKEN_REFUSALS, 'NOT_FOUND'] : TOKEN_REFUSALS;
    const callers: [string, string, readonly string[]][] = [
      ...forged.map(([label, token]): [string, string, readonly string[]] => [label, token, TOKEN_REFUSALS]),
      [`${write.department} staff of another prefecture`, otherJurisdiction[write.department], refusals],
      ['another department’s staff', wrongDepartment, refusals],
      ['a resident of another community', resident, refusals],
    ];
    return callers.map(([label, token, refusedWith]) => query(`${write.name} with ${label}`, write.document, write.variables, token, refusedWith));
  });
}
