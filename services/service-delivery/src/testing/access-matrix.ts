import type { DataSource } from 'typeorm';
import { matrixViewerSub, type MatrixCase } from '@shequ/kit/testing';
import { serviceDeliveryPolicy } from '../access-policy';

const COMMUNITY = '620102001001';

/**
 * Service delivery's mutations, its protected request fields and its audit
 * log as access-matrix cases, in community 620102001001 over the fixture
 * (insertServiceDeliveryFixture) and requests this inserts: one per status
 * move, so the first caller the policy allows makes the move and later ones
 * meet only an illegal transition, after authorisation.
 */
export async function serviceDeliveryMatrixCases(dataSource: DataSource): Promise<MatrixCase[]> {
  const request = async (status: string, submitter: string, contact: { name: string; phone: string } | null = null): Promise<string> => {
    const [{ id }]: { id: string }[] = await dataSource.query(
      `INSERT INTO service_delivery.service_request
         (community_code, service_code, description, channel, status, submitter_sub, idempotency_key, contact_name, contact_phone, submitted_at, resolved_at)
       VALUES ($1, 'REPAIR', '矩阵测试：楼道灯不亮', 'APP', $2, $3, 'matrix-' || gen_random_uuid(), $4, $5, now() - interval '2 days',
               CASE WHEN $2 IN ('RESOLVED', 'CLOSED') THEN now() END)
       RETURNING id`,
      [COMMUNITY, status, submitter, contact?.name ?? null, contact?.phone ?? null],
    );
    await dataSource.query(
      `INSERT INTO service_delivery.service_request_transition (request_id, from_status, to_status, actor_sub, actor_roles, note, occurred_at)
       VALUES ($1, NULL, 'SUBMITTED', $2, ARRAY['resident'], '请尽快处理', now() - interval '2 days')`,
      [id, submitter],
    );
    return id;
  };
  const residentInside = matrixViewerSub('resident inside');
  const toAccept = await request('SUBMITTED', 'resident-matrix');
  const toStart = await request('ACCEPTED', 'resident-matrix');
  const toResolve = await request('IN_PROGRESS', 'resident-matrix');
  const toClose = await request('RESOLVED', 'resident-matrix');
  const toReject = await request('SUBMITTED', 'resident-matrix');
  // Rated only by its submitter, the matrix's resident of the community.
  const toRate = await request('RESOLVED', residentInside);
  const someoneElses = await request('SUBMITTED', 'resident-matrix', { name: '欧阳娜娜', phone: '13900001111' });
  const residentsOwn = await request('SUBMITTED', residentInside, { name: '张三', phone: '13812345678' });
  const [{ id: facility }]: { id: string }[] = await dataSource.query(`SELECT id FROM service_delivery.service_facility WHERE community_code = $1 ORDER BY name LIMIT 1`, [COMMUNITY]);

  const base = { subgraph: 'service-delivery', policy: serviceDeliveryPolicy, targetCode: COMMUNITY };
  const step = (mutation: string, id: string): MatrixCase => ({
    ...base,
    operation: mutation,
    query: `mutation ($i: ServiceRequestStepInput!) { ${mutation}(input: $i) { id } }`,
    variables: { i: { id, note: '矩阵' } },
    recordId: id,
  });
  const details = (id: string, ownerSub: string, field: string, path: (string | number)[], read: Omit<NonNullable<MatrixCase['read']>, 'path'>): MatrixCase => ({
    ...base,
    operation: 'readServiceRequestDetails',
    ownerSub,
    query: `query ($id: ID!) { serviceRequest(id: $id) { id status ${field} } }`,
    variables: { id },
    read: { path: ['serviceRequest', ...path], ...read },
  });
  return [
    {
      ...base,
      operation: 'submitServiceRequest',
      query: 'mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) { id } }',
      variables: { i: { communityCode: COMMUNITY, serviceCode: 'ELDER_MEAL', description: '矩阵测试', channel: 'APP', idempotencyKey: `matrix-${Date.now()}` } },
    },
    step('acceptServiceRequest', toAccept),
    step('startServiceRequest', toStart),
    step('resolveServiceRequest', toResolve),
    step('closeServiceRequest', toClose),
    {
      ...base,
      operation: 'rejectServiceRequest',
      query: 'mutation ($i: RejectServiceRequestInput!) { rejectServiceRequest(input: $i) { id } }',
      variables: { i: { id: toReject, reason: '不属于社区服务范围' } },
      recordId: toReject,
    },
    {
      ...base,
      operation: 'rateServiceRequest',
      ownerSub: residentInside,
      query: 'mutation ($i: RateServiceRequestInput!) { rateServiceRequest(input: $i) { id } }',
      variables: { i: { id: toRate, satisfaction: 4 } },
      recordId: toRate,
    },
    {
      ...base,
      operation: 'registerFacility',
      query: 'mutation ($i: RegisterFacilityInput!) { registerFacility(input: $i) { id } }',
      variables: { i: { communityCode: COMMUNITY, name: '矩阵食堂', kind: 'CANTEEN', ownership: 'GOVERNMENT', capacity: 40 } },
    },
    {
      ...base,
      operation: 'updateFacility',
      query: 'mutation ($i: UpdateFacilityInput!) { updateFacility(input: $i) { id } }',
      variables: { i: { id: facility, openingHours: '8:00-20:00' } },
      recordId: facility,
    },
    {
      ...base,
      operation: 'recordInvestment',
      query: 'mutation ($i: RecordInvestmentInput!) { recordInvestment(input: $i) { id } }',
      variables: { i: { communityCode: COMMUNITY, year: 2026, source: 'STATE', amount: 1000 } },
    },
    // A request's personal details: in the clear for its submitter and the workers and staff over it, masked or null for everyone else.
    details(someoneElses, 'resident-matrix', 'contactName', ['contactName'], { refusedAs: 'maskName', plain: '欧阳娜娜' }),
    details(someoneElses, 'resident-matrix', 'contactPhone', ['contactPhone'], { refusedAs: 'maskPhone', plain: '13900001111' }),
    details(someoneElses, 'resident-matrix', 'description', ['description'], { refusedAs: 'null', plain: '矩阵测试：楼道灯不亮' }),
    details(someoneElses, 'resident-matrix', 'submitter', ['submitter'], { refusedAs: 'null', plain: 'resident-matrix' }),
    details(someoneElses, 'resident-matrix', 'transitions { actor }', ['transitions', 0, 'actor'], { refusedAs: 'null', plain: 'resident-matrix' }),
    details(someoneElses, 'resident-matrix', 'transitions { note }', ['transitions', 0, 'note'], { refusedAs: 'null', plain: '请尽快处理' }),
    details(residentsOwn, residentInside, 'contactName', ['contactName'], { refusedAs: 'maskName', plain: '张三' }),
    details(residentsOwn, residentInside, 'contactPhone', ['contactPhone'], { refusedAs: 'maskPhone', plain: '13812345678' }),
    { ...base, operation: 'readAuditLog', query: '{ serviceDeliveryAuditLog(first: 1) { totalCount edges { node { operation actorSub } } } }' },
  ];
}
