import type { MatrixCase } from '@shequ/kit/dist/testing';
import { publicSafetyPolicy } from '@shequ/public-safety/dist/access-policy';
import { serviceDeliveryPolicy } from '@shequ/service-delivery/dist/access-policy';
import { FIXTURE_REQUEST_IDS } from '@shequ/service-delivery/dist/testing/fixture';
import { VOLUNTEERS_FIXTURE } from '@shequ/volunteers/dist/testing/fixture';
import { volunteersPolicy } from '@shequ/volunteers/dist/access-policy';

/** Writes and restricted reads of the department subgraphs, against their fixtures in community 620102001001. */
export function departmentMatrixCases(): MatrixCase[] {
  const volunteers = { subgraph: 'volunteers', policy: volunteersPolicy, targetCode: '620102001001' };
  const safety = { subgraph: 'public-safety', policy: publicSafetyPolicy, targetCode: '620102001001' };
  const services = { subgraph: 'service-delivery', policy: serviceDeliveryPolicy, targetCode: '620102001001' };
  const now = new Date().toISOString();
  return [
    {
      ...services,
      operation: 'submitServiceRequest',
      query: 'mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', serviceCode: 'ELDER_MEAL', description: '矩阵测试', channel: 'APP', idempotencyKey: `matrix-${Date.now()}` } },
    },
    {
      ...services,
      operation: 'acceptServiceRequest',
      query: 'mutation ($i: ServiceRequestStepInput!) { acceptServiceRequest(input: $i) { id } }',
      variables: { i: { id: FIXTURE_REQUEST_IDS.submitted } },
    },
    {
      ...services,
      operation: 'registerFacility',
      query: 'mutation ($i: RegisterFacilityInput!) { registerFacility(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', name: '矩阵食堂', kind: 'CANTEEN', ownership: 'GOVERNMENT', capacity: 40 } },
    },
    {
      ...services,
      operation: 'recordInvestment',
      query: 'mutation ($i: RecordInvestmentInput!) { recordInvestment(input: $i) { id } }',
      variables: { i: { communityCode: '620102001001', year: 2026, source: 'STATE', amount: 1000 } },
    },
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
