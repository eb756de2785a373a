import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { serviceDeliverySubgraph } from '../subgraph';
import { FIXTURE_REQUEST_IDS, insertServiceDeliveryFixture } from '../testing/fixture';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(serviceDeliverySubgraph);
  await insertServiceDeliveryFixture(subgraph.dataSource);
});

afterAll(() => subgraph.stop());

const resident = testToken({ sub: 'resident-a', roles: ['resident'], jurisdiction: '620102001003' });
const otherResident = testToken({ sub: 'resident-b', roles: ['resident'], jurisdiction: '620102001003' });
const worker = testToken({ sub: 'worker-620102', roles: ['community_worker'], jurisdiction: '620102' });
const otherCountyWorker = testToken({ sub: 'worker-620103', roles: ['community_worker'], jurisdiction: '620103' });
const staff = testToken({ sub: 'staff-sd', roles: ['department_staff'], department: 'service-delivery', jurisdiction: '620100' });
const governanceStaff = testToken({ sub: 'staff-gov', roles: ['department_staff'], department: 'governance', jurisdiction: '620000' });
const analyst = testToken({ sub: 'analyst', roles: ['analyst'], jurisdiction: '620000' });

const REQUEST_FIELDS = `id status communityCode community { code } service { code name } channel description submitter contactName contactPhone
  submittedAt acceptedAt startedAt resolvedAt closedAt rejectedAt rejectionReason satisfaction
  transitions { fromStatus toStatus actorRoles actor note }`;

const SUBMIT = `mutation ($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { ${REQUEST_FIELDS} } }`;

function step(name: string): string {
  return `mutation ($input: ServiceRequestStepInput!) { ${name}(input: $input) { ${REQUEST_FIELDS} } }`;
}
const REJECT = `mutation ($input: RejectServiceRequestInput!) { rejectServiceRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const RATE = `mutation ($input: RateServiceRequestInput!) { rateServiceRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const READ = `query ($id: ID!) { serviceRequest(id: $id) { ${REQUEST_FIELDS} } }`;

const STEPS = {
  ACCEPTED: 'acceptServiceRequest',
  IN_PROGRESS: 'startServiceRequest',
  RESOLVED: 'resolveServiceRequest',
  CLOSED: 'closeServiceRequest',
} as const;

let keyNumber = 0;
function submission(overrides: Record<string, unknown> = {}) {
  keyNumber += 1;
  return {
    communityCode: '620102001003',
    serviceCode: 'ELDER_MEAL',
    description: '母亲行动不便，需要送餐',
    channel: 'APP',
    idempotencyKey: `test-key-${keyNumber}`,
    contactName: '王小明',
    contactPhone: '13812345678',
    ...overrides,
  };
}

async function submit(token = resident, overrides: Record<string, unknown> = {}) {
  const response = await graphqlRequest(subgraph.url, SUBMIT, { token, variables: { input: submission(overrides) } });
  expect(response.errors).toBeUndefined();
  return response.data.submitServiceRequest;
}

async function count(table: string): Promise<number> {
  const [row] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM service_delivery.${table}`);
  return row.n;
}

async function snapshot() {
  const [row] = await subgraph.dataSource.query(`
    SELECT (SELECT count(*)::int FROM service_delivery.service_request) AS requests,
           (SELECT count(*)::int FROM service_delivery.service_request_transition) AS transitions,
           (SELECT count(*)::int FROM service_delivery.service_facility) AS facilities,
           (SELECT count(*)::int FROM service_delivery.service_investment) AS investments,
           (SELECT count(*)::int FROM service_delivery.audit_log) AS audits,
           (SELECT md5(string_agg(id || status || coalesce(satisfaction::text, '-'), ',' ORDER BY id)) FROM service_delivery.service_request) AS request_states`);
  return row;
}

describe('a service request from submission to rating', () => {
  it('is submitted by a resident, moved along by a worker and rated by its submitter, every move recorded', async () => {
    const submitted = await submit();
    expect(submitted).toMatchObject({ status: 'SUBMITTED', communityCode: '620102001003', service: { code: 'ELDER_MEAL', name: '老年助餐' }, description: '母亲行动不便，需要送餐', submitter: 'resident-a' });
    let current = submitted;
    for (const [status, mutation] of Object.entries(STEPS)) {
      const response = await graphqlRequest(subgraph.url, step(mutation), { token: worker, variables: { input: { id: submitted.id, note: `${status} note` } } });
      expect(response.errors).toBeUndefined();
      current = response.data[mutation];
      expect(current.status).toBe(status);
    }
    expect(current.acceptedAt).not.toBeNull();
    expect(current.startedAt).not.toBeNull();
    expect(current.resolvedAt).not.toBeNull();
    expect(current.closedAt).not.toBeNull();
    const rated = await graphqlRequest(subgraph.url, RATE, { token: resident, variables: { input: { id: submitted.id, satisfaction: 4 } } });
    expect(rated.errors).toBeUndefined();
    expect(rated.data.rateServiceRequest.satisfaction).toBe(4);
    expect(rated.data.rateServiceRequest.transitions).toEqual([
      { fromStatus: null, toStatus: 'SUBMITTED', actorRoles: ['resident'], actor: 'resident-a', note: null },
      { fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED', actorRoles: ['community_worker'], actor: 'worker-620102', note: 'ACCEPTED note' },
      { fromStatus: 'ACCEPTED', toStatus: 'IN_PROGRESS', actorRoles: ['community_worker'], actor: 'worker-620102', note: 'IN_PROGRESS note' },
      { fromStatus: 'IN_PROGRESS', toStatus: 'RESOLVED', actorRoles: ['community_worker'], actor: 'worker-620102', note: 'RESOLVED note' },
      { fromStatus: 'RESOLVED', toStatus: 'CLOSED', actorRoles: ['community_worker'], actor: 'worker-620102', note: 'CLOSED note' },
    ]);
    const audits = await subgraph.dataSource.query(`SELECT operation FROM service_delivery.audit_log WHERE $1 = ANY(target_ids) ORDER BY id`, [submitted.id]);
    expect(audits.map((row: { operation: string }) => row.operation)).toEqual([
      'submitServiceRequest', 'acceptServiceRequest', 'startServiceRequest', 'resolveServiceRequest', 'closeServiceRequest', 'rateServiceRequest',
    ]);
  });

  it('creates one request when a submission is retried with the same idempotency key', async () => {
    const input = submission();
    const before = await count('service_request');
    const [first, second] = await Promise.all([
      graphqlRequest(subgraph.url, SUBMIT, { token: resident, variables: { input } }),
      graphqlRequest(subgraph.url, SUBMIT, { token: resident, variables: { input } }),
    ]);
    const third = await graphqlRequest(subgraph.url, SUBMIT, { token: resident, variables: { input } });
    expect([first.errors, second.errors, third.errors]).toEqual([undefined, undefined, undefined]);
    expect(new Set([first.data.submitServiceRequest.id, second.data.submitServiceRequest.id, third.data.submitServiceRequest.id]).size).toBe(1);
    expect(await count('service_request')).toBe(before + 1);
    expect(third.data.submitServiceRequest.transitions).toHaveLength(1);
    const audits = await subgraph.dataSource.query(`SELECT operation FROM service_delivery.audit_log WHERE $1 = ANY(target_ids)`, [third.data.submitServiceRequest.id]);
    expect(audits).toEqual([{ operation: 'submitServiceRequest' }]);
  });

  it('writes a submission, its transition and its audit entry in one SQL statement, with no transaction around it', async () => {
    const before = subgraph.statements.statements;
    const response = await graphqlRequest(subgraph.url, `mutation ($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { id status } }`, {
      token: resident,
      variables: { input: submission() },
    });
    expect(response.errors).toBeUndefined();
    expect(subgraph.statements.statements - before).toBe(1);
    const { id } = response.data.submitServiceRequest;
    const [written] = await subgraph.dataSource.query(
      `SELECT (SELECT count(*)::int FROM service_delivery.service_request_transition WHERE request_id = $1 AND to_status = 'SUBMITTED') AS transitions,
              (SELECT array_agg(operation) FROM service_delivery.audit_log WHERE target_ids = ARRAY[$1::text] AND actor_sub = 'resident-a') AS audits`,
      [id],
    );
    expect(written).toEqual({ transitions: 1, audits: ['submitServiceRequest'] });
  });

  it('refuses to reuse an idempotency key for a different request (CONFLICT), but lets another resident use the same key', async () => {
    const input = submission();
    await submit(resident, input);
    const reused = await graphqlRequest(subgraph.url, SUBMIT, { token: resident, variables: { input: { ...input, description: '另一件事' } } });
    expect(reused.errors?.[0].extensions?.code).toBe('CONFLICT');
    const other = await graphqlRequest(subgraph.url, SUBMIT, { token: otherResident, variables: { input } });
    expect(other.errors).toBeUndefined();
  });

  const ALL_MOVES = { ...STEPS, REJECTED: 'rejectServiceRequest' } as const;
  const LEGAL: Record<string, string[]> = {
    SUBMITTED: ['ACCEPTED', 'REJECTED'],
    ACCEPTED: ['IN_PROGRESS', 'REJECTED'],
    IN_PROGRESS: ['RESOLVED'],
    RESOLVED: ['CLOSED'],
    CLOSED: [],
    REJECTED: [],
  };
  const PATH: Record<string, string[]> = {
    SUBMITTED: [],
    ACCEPTED: ['ACCEPTED'],
    IN_PROGRESS: ['ACCEPTED', 'IN_PROGRESS'],
    RESOLVED: ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED'],
    CLOSED: ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'],
    REJECTED: ['REJECTED'],
  };

  async function requestIn(status: string): Promise<string> {
    const { id } = await submit();
    for (const next of PATH[status]) {
      const mutation = ALL_MOVES[next as keyof typeof ALL_MOVES];
      const response = await graphqlRequest(subgraph.url, next === 'REJECTED' ? REJECT : step(mutation), {
        token: staff,
        variables: { input: next === 'REJECTED' ? { id, reason: '重复提交' } : { id } },
      });
      expect(response.errors).toBeUndefined();
    }
    return id;
  }

  const illegal = Object.keys(LEGAL).flatMap((from) => Object.keys(ALL_MOVES).filter((to) => !LEGAL[from].includes(to)).map((to) => [from, to]));
  it.each(illegal)('refuses %s → %s with BAD_USER_INPUT naming the allowed moves, changing nothing', async (from, to) => {
    const id = await requestIn(from);
    const before = await snapshot();
    const response = await graphqlRequest(subgraph.url, to === 'REJECTED' ? REJECT : step(ALL_MOVES[to as keyof typeof ALL_MOVES]), {
      token: staff,
      variables: { input: to === 'REJECTED' ? { id, reason: '理由' } : { id } },
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(LEGAL[from].length ? `allowed from ${from}: ${LEGAL[from].join(', ')}` : `${from} is final`);
    expect(await snapshot()).toEqual(before);
  });

  it('records the reason of a rejection, which everyone may read', async () => {
    const { id } = await submit();
    const response = await graphqlRequest(subgraph.url, REJECT, { token: worker, variables: { input: { id, reason: '不属于社区服务范围' } } });
    expect(response.data.rejectServiceRequest).toMatchObject({ status: 'REJECTED', rejectionReason: '不属于社区服务范围' });
    const read = await graphqlRequest(subgraph.url, READ, { variables: { id } });
    expect(read.data.serviceRequest).toMatchObject({ status: 'REJECTED', rejectionReason: '不属于社区服务范围', description: null });
  });

  it('takes a landline as the contact phone, as every department does, kept as written but trimmed', async () => {
    expect((await submit(resident, { contactPhone: ' 0931-8123456 ' })).contactPhone).toBe('0931-8123456');
    expect((await submit(resident, { contactPhone: '01012345678' })).contactPhone).toBe('01012345678');
    expect((await submit(resident, { contactPhone: '' })).contactPhone).toBeNull();
  });
});

describe('who may do what', () => {
  it("refuses a worker of another county (as if the request did not exist), governance staff, an analyst and a resident moving a request, changing nothing", async () => {
    const { id } = await submit();
    const before = await snapshot();
    for (const [token, code] of [
      [otherCountyWorker, 'NOT_FOUND'],
      [governanceStaff, 'FORBIDDEN'],
      [analyst, 'FORBIDDEN'],
      [resident, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const response = await graphqlRequest(subgraph.url, step('acceptServiceRequest'), { token, variables: { input: { id } } });
      expect(response.errors?.[0].extensions?.code).toBe(code);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers a request outside the caller's jurisdiction exactly as an unknown id, for every move", async () => {
    const { id } = await submit();
    const unknownId = '00000000-0000-4000-8000-00000000ffff';
    for (const mutation of ['acceptServiceRequest', 'rejectServiceRequest']) {
      const document = mutation === 'acceptServiceRequest' ? step(mutation) : `mutation ($input: RejectServiceRequestInput!) { rejectServiceRequest(input: $input) { id } }`;
      const input = (requestId: string) => (mutation === 'acceptServiceRequest' ? { id: requestId } : { id: requestId, reason: '不属于社区服务范围' });
      const outside = await graphqlRequest(subgraph.url, document, { token: otherCountyWorker, variables: { input: input(id) } });
      const unknown = await graphqlRequest(subgraph.url, document, { token: otherCountyWorker, variables: { input: input(unknownId) } });
      const shape = (response: typeof outside, requestId: string) => JSON.stringify({ data: response.data, errors: response.errors }).split(requestId).join('<id>');
      expect(outside.errors?.[0]).toMatchObject({ message: `service request ${id} does not exist`, extensions: { code: 'NOT_FOUND' } });
      expect(shape(outside, id)).toBe(shape(unknown, unknownId));
    }
  });

  it('lets a resident submit only for their own community', async () => {
    const response = await graphqlRequest(subgraph.url, SUBMIT, { token: resident, variables: { input: submission({ communityCode: '620102001001' }) } });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphqlRequest(subgraph.url, SUBMIT, { variables: { input: submission() } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only the submitter rate, once, after resolution', async () => {
    const id = FIXTURE_REQUEST_IDS.accepted; // resident-9's, ACCEPTED
    const owner = testToken({ sub: 'resident-9', roles: ['resident'], jurisdiction: '620102001002' });
    const neighbour = testToken({ sub: 'resident-99', roles: ['resident'], jurisdiction: '620102001002' });
    const early = await graphqlRequest(subgraph.url, RATE, { token: owner, variables: { input: { id, satisfaction: 5 } } });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(early.errors?.[0].message).toMatch(/ACCEPTED: it can be rated once RESOLVED or CLOSED/);
    for (const mutation of ['startServiceRequest', 'resolveServiceRequest']) {
      expect((await graphqlRequest(subgraph.url, step(mutation), { token: worker, variables: { input: { id } } })).errors).toBeUndefined();
    }
    // Someone else's request is, to a resident, a request that does not exist; a worker lacks the role outright.
    expect((await graphqlRequest(subgraph.url, RATE, { token: neighbour, variables: { input: { id, satisfaction: 1 } } })).errors?.[0]).toMatchObject({
      message: `service request ${id} does not exist`,
      extensions: { code: 'NOT_FOUND' },
    });
    expect((await graphqlRequest(subgraph.url, RATE, { token: worker, variables: { input: { id, satisfaction: 1 } } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const rated = await graphqlRequest(subgraph.url, RATE, { token: owner, variables: { input: { id, satisfaction: 5 } } });
    expect(rated.data.rateServiceRequest.satisfaction).toBe(5);
    const again = await graphqlRequest(subgraph.url, RATE, { token: owner, variables: { input: { id, satisfaction: 1 } } });
    expect(again.errors?.[0].message).toMatch(/already been rated/);
    const [row] = await subgraph.dataSource.query(`SELECT satisfaction FROM service_delivery.service_request WHERE id = $1`, [id]);
    expect(row.satisfaction).toBe(5);
  });

  it('shows description, submitter, contact and notes to the submitter and to workers and staff within jurisdiction; masks contact for everyone else signed in, and hides it from anonymous callers', async () => {
    const id = FIXTURE_REQUEST_IDS.submitted; // 620102001001, resident-4, 李四 13900001111
    const owner = testToken({ sub: 'resident-4', roles: ['resident'], jurisdiction: '620102001001' });
    const full = { description: '行动不便需上门诊疗', submitter: 'resident-4', contactName: '李四', contactPhone: '13900001111' };
    const masked = { description: null, submitter: null, contactName: '李*', contactPhone: '*******1111' };
    const hidden = { description: null, submitter: null, contactName: null, contactPhone: null };
    for (const [token, expected] of [
      [owner, full],
      [worker, full],
      [staff, full],
      [otherCountyWorker, masked],
      [governanceStaff, masked],
      [analyst, masked],
      [resident, masked],
      [undefined, hidden],
    ] as const) {
      const response = await graphqlRequest(subgraph.url, READ, { token, variables: { id } });
      expect(response.errors).toBeUndefined();
      expect(response.data.serviceRequest).toMatchObject({ status: 'SUBMITTED', ...expected });
      expect(response.data.serviceRequest.transitions[0].actor).toBe(expected.submitter);
    }
  });

  it('reads an unknown id as null and a malformed one as BAD_USER_INPUT', async () => {
    expect((await graphqlRequest(subgraph.url, READ, { variables: { id: '00000000-0000-4000-8000-00000000ffff' } })).data.serviceRequest).toBeNull();
    expect((await graphqlRequest(subgraph.url, READ, { variables: { id: 'nope' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    const missing = await graphqlRequest(subgraph.url, step('acceptServiceRequest'), { token: staff, variables: { input: { id: '00000000-0000-4000-8000-00000000ffff' } } });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('malformed input', () => {
  const REGISTER = `mutation ($input: RegisterFacilityInput!) { registerFacility(input: $input) { id } }`;
  const INVEST = `mutation ($input: RecordInvestmentInput!) { recordInvestment(input: $input) { id } }`;
  const facility = { communityCode: '620102001001', name: '新站点', kind: 'CANTEEN', ownership: 'NGO', capacity: 10 };

  it.each([
    ['a negative capacity', REGISTER, { ...facility, capacity: -1 }, 'input.capacity'],
    ['an unknown facility kind', REGISTER, { ...facility, kind: 'CASINO' }, undefined],
    ['a malformed community code', REGISTER, { ...facility, communityCode: '6201020010' }, 'input.communityCode'],
    ['an empty facility name', REGISTER, { ...facility, name: '  ' }, 'input.name'],
    ['an oversized description', SUBMIT, submission({ description: '长'.repeat(2001) }), 'input.description'],
    ['an unknown channel', SUBMIT, submission({ channel: 'FAX' }), undefined],
    ['a short idempotency key', SUBMIT, submission({ idempotencyKey: 'abc' }), 'input.idempotencyKey'],
    ['an unknown service', SUBMIT, submission({ serviceCode: 'NO_SUCH_SERVICE' }), 'input.serviceCode'],
    ['a rating of 7', RATE, { id: FIXTURE_REQUEST_IDS.closedFast, satisfaction: 7 }, 'input.satisfaction'],
    ['a rating of 0', RATE, { id: FIXTURE_REQUEST_IDS.closedFast, satisfaction: 0 }, 'input.satisfaction'],
    ['a negative investment', INVEST, { communityCode: '620102001001', year: 2025, source: 'STATE', amount: -5 }, 'input.amount'],
    ['an unknown investment source', INVEST, { communityCode: '620102001001', year: 2025, source: 'LOTTERY', amount: 5 }, undefined],
    ['an investment year far off', INVEST, { communityCode: '620102001001', year: 1990, source: 'STATE', amount: 5 }, 'input.year'],
    ['an investment to a fraction of a fen', INVEST, { communityCode: '620102001001', year: 2025, source: 'STATE', amount: 1234.567 }, 'input.amount'],
    ['a contact phone with an international prefix', SUBMIT, submission({ contactPhone: '+8613812345678' }), 'input.contactPhone'],
    ['a contact phone of the wrong length', SUBMIT, submission({ contactPhone: '1381234567' }), 'input.contactPhone'],
  ])('rejects %s with BAD_USER_INPUT and changes nothing', async (_name, mutation, input, argument) => {
    const before = await snapshot();
    const response = await graphqlRequest(subgraph.url, mutation, { token: staff, variables: { input } });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    if (argument) {
      expect(response.errors?.[0].extensions?.argument).toBe(argument);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('facilities and investment', () => {
  const REGISTER = `mutation ($input: RegisterFacilityInput!) { registerFacility(input: $input) { id communityCode kind sharedByUnit capacity status } }`;
  const UPDATE = `mutation ($input: UpdateFacilityInput!) { updateFacility(input: $input) { id capacity status } }`;

  it('lets a worker register and update a facility of their jurisdiction, not of another', async () => {
    const input = { communityCode: '620102002002', name: '团结助餐点', kind: 'CANTEEN', ownership: 'NGO', capacity: 30, sharedByUnit: true };
    const registered = await graphqlRequest(subgraph.url, REGISTER, { token: worker, variables: { input } });
    expect(registered.data.registerFacility).toMatchObject({ communityCode: '620102002002', kind: 'CANTEEN', sharedByUnit: true, capacity: 30, status: 'OPERATING' });
    const id = registered.data.registerFacility.id;
    const updated = await graphqlRequest(subgraph.url, UPDATE, { token: worker, variables: { input: { id, capacity: 40, status: 'SUSPENDED' } } });
    expect(updated.data.updateFacility).toEqual({ id, capacity: 40, status: 'SUSPENDED' });
    const refused = await graphqlRequest(subgraph.url, UPDATE, { token: otherCountyWorker, variables: { input: { id, capacity: 1 } } });
    expect(refused.errors?.[0]).toMatchObject({ message: `facility ${id} does not exist`, extensions: { code: 'NOT_FOUND' } });
    const outside = await graphqlRequest(subgraph.url, REGISTER, { token: otherCountyWorker, variables: { input } });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets only service-delivery staff record investment', async () => {
    const INVEST = `mutation ($input: RecordInvestmentInput!) { recordInvestment(input: $input) { communityCode year source amount } }`;
    const input = { communityCode: '620103001001', year: 2025, source: 'DONATIONS', amount: 1234.56 };
    expect((await graphqlRequest(subgraph.url, INVEST, { token: worker, variables: { input } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const recorded = await graphqlRequest(subgraph.url, INVEST, { token: staff, variables: { input } });
    expect(recorded.data.recordInvestment).toEqual({ communityCode: '620103001001', year: 2025, source: 'DONATIONS', amount: 1234.56 });
  });

  it('serves the catalogue to anyone', async () => {
    const response = await graphqlRequest(subgraph.url, `{ serviceCatalogue { code name services { code fee providerType } } }`);
    expect(response.data.serviceCatalogue).toHaveLength(7);
    expect(response.data.serviceCatalogue.find((c: { code: string }) => c.code === 'ELDERLY').services.map((s: { code: string }) => s.code)).toEqual([
      'ELDER_DAY_CARE', 'ELDER_HOME_CARE', 'ELDER_MEAL',
    ]);
  });
});
