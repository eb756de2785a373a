import type { DataSource } from 'typeorm';
import { chinaToday } from '@shequ/kit';
import type { MatrixCase } from '@shequ/kit/testing';
import { publicSafetyPolicy } from '../access-policy';

const COMMUNITY = '620102001001';
/** 张三, under community correction in 620102001001 (insertPublicSafetyFixture). */
const SUPERVISED = '00000000-0000-4000-8000-000000000301';

/**
 * Public safety's mutations, its restricted and personal fields and its
 * audit log as access-matrix cases, in community 620102001001 over the
 * fixture (insertPublicSafetyFixture) and rows this inserts: an incident
 * still REPORTED, an open mediation case and an unfixed hazard, so the first
 * caller the policy allows moves each and later ones meet only "already
 * done", after authorisation.
 */
export async function publicSafetyMatrixCases(dataSource: DataSource): Promise<MatrixCase[]> {
  const [{ id: incident }]: { id: string }[] = await dataSource.query(
    `INSERT INTO public_safety.safety_incident (community_code, category, severity, occurred_at, status, summary) VALUES ($1, 'THEFT', 'LOW', now() - interval '1 day', 'REPORTED', '矩阵测试') RETURNING id`,
    [COMMUNITY],
  );
  const [{ id: mediation }]: { id: string }[] = await dataSource.query(
    `INSERT INTO public_safety.mediation_case (community_code, category, received_on, mediator) VALUES ($1, 'NEIGHBOURS', current_date - 3, '矩阵调解员') RETURNING id`,
    [COMMUNITY],
  );
  const [{ id: inspection }]: { id: string }[] = await dataSource.query(
    `INSERT INTO public_safety.inspection (community_code, target_kind, target_name, inspected_on) VALUES ($1, 'RENTAL_HOUSING', '矩阵出租屋', current_date - 3) RETURNING id`,
    [COMMUNITY],
  );
  const [{ id: hazard }]: { id: string }[] = await dataSource.query(
    `INSERT INTO public_safety.inspection_hazard (inspection_id, community_code, description) VALUES ($1, $2, '矩阵隐患') RETURNING id`,
    [inspection, COMMUNITY],
  );
  const base = { subgraph: 'public-safety', policy: publicSafetyPolicy, targetCode: COMMUNITY };
  const today = chinaToday();
  return [
    // Read before assignPoliceLiaison below replaces the community's officer (王警官, 13800001111).
    {
      ...base,
      operation: 'readPoliceLiaisonPhone',
      query: `{ community(code: "${COMMUNITY}") { code policeLiaison { officerName officerPhone } } }`,
      read: { path: ['community', 'policeLiaison', 'officerPhone'], refusedAs: 'maskPhone', plain: '13800001111' },
    },
    { ...base, operation: 'readSupervisedPersons', query: `{ supervisedPersons(communityCode: "${COMMUNITY}") { id fullName idNumber } }` },
    {
      ...base,
      operation: 'assignPoliceLiaison',
      query: 'mutation ($i: AssignPoliceLiaisonInput!) { assignPoliceLiaison(input: $i) { id } }',
      variables: { i: { communityCode: COMMUNITY, officerName: '李警官', officerPhone: '13900000000', station: '东岗派出所', since: today } },
    },
    {
      ...base,
      operation: 'recordPatrol',
      query: 'mutation ($i: RecordPatrolInput!) { recordPatrol(input: $i) { id } }',
      variables: { i: { communityCode: COMMUNITY, patrolledOn: today, hours: 2, participants: 4, jointWithPolice: true } },
    },
    {
      ...base,
      operation: 'reportIncident',
      query: 'mutation ($i: ReportSafetyIncidentInput!) { reportIncident(input: $i) { id } }',
      variables: { i: { communityCode: COMMUNITY, category: 'THEFT', severity: 'LOW', occurredAt: new Date().toISOString(), summary: '电动车被盗' } },
    },
    { ...base, operation: 'updateIncidentStatus', query: `mutation { updateIncidentStatus(id: "${incident}", status: INVESTIGATING) { id } }`, recordId: incident },
    {
      ...base,
      operation: 'openMediationCase',
      query: 'mutation ($i: OpenMediationCaseInput!) { openMediationCase(input: $i) { id } }',
      variables: { i: { communityCode: COMMUNITY, category: 'FAMILY', receivedOn: today, mediator: '矩阵调解员' } },
    },
    { ...base, operation: 'closeMediationCase', query: `mutation { closeMediationCase(id: "${mediation}", outcome: AGREEMENT_REACHED) { id } }`, recordId: mediation },
    {
      ...base,
      operation: 'recordLegalService',
      query: 'mutation ($i: RecordLegalServiceInput!) { recordLegalService(input: $i) { id } }',
      variables: { i: { communityCode: COMMUNITY, kind: 'CONSULTATION', heldOn: today, peopleReached: 1, topic: '矩阵咨询' } },
    },
    {
      ...base,
      operation: 'recordInspection',
      query: 'mutation ($i: RecordInspectionInput!) { recordInspection(input: $i) { id } }',
      variables: { i: { communityCode: COMMUNITY, targetKind: 'COMMERCIAL_AREA', targetName: '矩阵商铺', inspectedOn: today, hazards: ['灭火器缺失'] } },
    },
    { ...base, operation: 'fixHazard', query: `mutation { fixHazard(id: "${hazard}") { id } }`, recordId: hazard },
    {
      ...base,
      operation: 'registerSupervisedPerson',
      query: 'mutation ($i: RegisterSupervisedPersonInput!) { registerSupervisedPerson(input: $i) { id } }',
      variables: {
        i: {
          communityCode: COMMUNITY,
          category: 'RELEASED_PRISONER',
          fullName: '矩阵某',
          idNumber: '620102199404046789',
          supervisedFrom: today,
          caseworker: '陈社工',
          assistancePlan: '职业培训',
          educationPlan: '法治教育',
        },
      },
    },
    {
      ...base,
      operation: 'updateAssistancePlan',
      query: `mutation ($i: UpdateAssistancePlanInput!) { updateAssistancePlan(id: "${SUPERVISED}", input: $i) { id } }`,
      variables: { i: { caseworker: '矩阵社工' } },
      recordId: SUPERVISED,
    },
    { ...base, operation: 'readAuditLog', query: '{ publicSafetyAuditLog(first: 1) { totalCount edges { node { operation actorSub } } } }' },
  ];
}
