import type { MatrixCase } from '@shequ/kit/dist/testing';
import { publicSafetyPolicy } from '@shequ/public-safety/dist/access-policy';
import { VOLUNTEERS_FIXTURE } from '@shequ/volunteers/dist/testing/fixture';
import { volunteersPolicy } from '@shequ/volunteers/dist/access-policy';

/** Writes and restricted reads of the volunteers and public-safety subgraphs, against their fixtures in community 620102001001. */
export function departmentMatrixCases(): MatrixCase[] {
  const volunteers = { subgraph: 'volunteers', policy: volunteersPolicy, targetCode: '620102001001' };
  const safety = { subgraph: 'public-safety', policy: publicSafetyPolicy, targetCode: '620102001001' };
  const now = new Date().toISOString();
  return [
    {
      ...volunteers,
      operation: 'registerVolunteer',
      query: 'mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', name: '矩阵测试', phone: '13800000000', idNumber: '620102199001019999', skills: ['IT'] } },
    },
    {
      ...volunteers,
      operation: 'redeemHours',
      query: 'mutation ($i: RedeemHoursInput!) { redeemHours(input: $i) { id } }',
      variables: { i: { volunteerId: VOLUNTEERS_FIXTURE.volunteers.li, hours: 0.25, service: '理发' } },
    },
    {
      ...volunteers,
      operation: 'registerOrganization',
      query: 'mutation ($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }',
      variables: { i: { name: '矩阵社工站', kind: 'SOCIAL_SERVICE_ORGANIZATION', functions: ['SOCIAL_SERVICE'], communityCodes: ['620102001001'] } },
    },
    {
      ...safety,
      operation: 'reportIncident',
      query: 'mutation ($i: ReportSafetyIncidentInput!) { reportIncident(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', category: 'THEFT', severity: 'LOW', occurredAt: now, summary: '电动车被盗' } },
    },
    {
      ...safety,
      operation: 'recordPatrol',
      query: 'mutation ($i: RecordPatrolInput!) { recordPatrol(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', patrolledOn: now.slice(0, 10), hours: 2, participants: 4, jointWithPolice: true } },
    },
    {
      ...safety,
      operation: 'assignPoliceLiaison',
      query: 'mutation ($i: AssignPoliceLiaisonInput!) { assignPoliceLiaison(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', officerName: '李警官', officerPhone: '13900000000', station: '东岗派出所', since: now.slice(0, 10) } },
    },
    { ...safety, operation: 'readSupervisedPersons', query: '{ supervisedPersons(communityCode: "620102001001") { id } }' },
    { ...safety, operation: 'readAuditLog', query: '{ auditLog(first: 1) { totalCount } }' },
  ];
}
