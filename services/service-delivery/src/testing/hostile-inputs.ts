import { BAD_INSTANTS, BAD_INTS, BAD_TEXT, BAD_YEARS, CODE_LOOKALIKES, corpusAnalyst as analyst, corpusStaff as staff, ID_LOOKALIKES, INJECTIONS, operationsAs, overLimit, type HostileRequest, vary, testToken } from '@shequ/kit/testing';
import { chinaYear } from '@shequ/kit';
import { FIXTURE_REQUEST_IDS } from './fixture';

/** The resident who submitted the fixture's resolved, unrated request 10 (community 620103001001). */
const ratingResident = testToken({ sub: 'resident-10', roles: ['resident'], jurisdiction: '620103001001' });

const CODES = [...INJECTIONS, ...CODE_LOOKALIKES];
const IDS = [...INJECTIONS.slice(0, 6), ...ID_LOOKALIKES];
const token = staff['service-delivery'];

const op = operationsAs(token);
const step = (name: string, id: string) => op(name, `mutation ($i: ServiceRequestStepInput!) { ${name}(input: $i) { id status } }`, { i: { id, note: '已处理' } });

/** Every argument and input field of service delivery's queries and mutations, spoiled one at a time. */
export function serviceDeliveryInputs(): HostileRequest[] {
  const request = op('serviceRequest', 'query ($id: ID!) { serviceRequest(id: $id) { id } }', { id: FIXTURE_REQUEST_IDS.submitted });
  const ranking = op(
    'rankCommunitiesByService',
    'query ($r: String!, $n: Int!) { rankCommunitiesByService(regionCode: $r, metric: FACILITY_COUNT, first: $n) { rank } }',
    { r: '620100', n: 10 },
    analyst,
  );
  const trend = op(
    'serviceRequestTrend',
    'query ($r: String!, $from: DateTimeISO!, $to: DateTimeISO!) { serviceRequestTrend(regionCode: $r, from: $from, to: $to, granularity: MONTH) { period } }',
    { r: '620100', from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
    analyst,
  );
  const communityRequests = op(
    'Community.serviceRequests',
    'query ($f: ServiceRequestFilter, $n: Int!, $a: String) { community(code: "620102001001") { serviceRequests(filter: $f, first: $n, after: $a) { totalCount } } }',
    { f: { serviceCode: 'ELDER_MEAL' }, n: 10, a: null },
  );

  const registerFacility = op('registerFacility', 'mutation ($i: RegisterFacilityInput!) { registerFacility(input: $i) { id } }', {
    i: { communityCode: '620102001001', name: '睦邻食堂', kind: 'CANTEEN', ownership: 'GOVERNMENT', capacity: 40, openingHours: '11:00-13:00', address: '幸福路2号' },
  });
  const updateFacility = op('updateFacility', 'mutation ($i: UpdateFacilityInput!) { updateFacility(input: $i) { id } }', {
    i: { id: '00000000-0000-4000-8000-00000000dead', name: '新名字' },
  });
  const investment = op('recordInvestment', 'mutation ($i: RecordInvestmentInput!) { recordInvestment(input: $i) { id } }', {
    i: { communityCode: '620102001001', year: 2026, source: 'STATE', amount: 1000, purpose: '助餐' },
  });
  const submit = op('submitServiceRequest', 'mutation ($i: SubmitServiceRequestInput!) { submitServiceRequest(input: $i) { id } }', {
    i: {
      communityCode: '620102001001',
      serviceCode: 'ELDER_MEAL',
      description: '需要送餐',
      channel: 'COUNTER',
      idempotencyKey: 'corpus-submit-0001',
      contactName: '王五',
      contactPhone: '13800000000',
    },
  });
  const reject = op('rejectServiceRequest', 'mutation ($i: RejectServiceRequestInput!) { rejectServiceRequest(input: $i) { id } }', {
    i: { id: FIXTURE_REQUEST_IDS.submitted, reason: '不属于服务范围' },
  });
  const rate = op('rateServiceRequest', 'mutation ($i: RateServiceRequestInput!) { rateServiceRequest(input: $i) { id } }', { i: { id: '00000000-0000-4000-8000-000000000010', satisfaction: 4 } }, ratingResident);

  return [
    ...vary(request, 'id', IDS),
    ...vary(ranking, 'r', CODES),
    ...vary(ranking, 'n', [...BAD_INTS, 0, 101]),
    ...vary(trend, 'r', CODES),
    ...vary(trend, 'from', [...BAD_INSTANTS, '2027-01-01T00:00:00Z']),
    ...vary(trend, 'to', BAD_INSTANTS),
    ...vary(communityRequests, 'f.serviceCode', INJECTIONS, null),
    ...vary(communityRequests, 'n', [...BAD_INTS, 101]),
    ...vary(communityRequests, 'a', INJECTIONS),

    ...vary(registerFacility, 'i.communityCode', CODES),
    ...vary(registerFacility, 'i.name', [...BAD_TEXT, ...overLimit(200)]),
    ...vary(registerFacility, 'i.capacity', [...BAD_INTS, 100_001]),
    ...vary(registerFacility, 'i.openingHours', overLimit(200)),
    ...vary(registerFacility, 'i.address', overLimit(300)),
    ...vary(registerFacility, 'i.kind', ['CASINO', INJECTIONS[0]]),
    ...vary(updateFacility, 'i.id', IDS),
    ...vary(updateFacility, 'i.name', [...BAD_TEXT, ...overLimit(200)]),
    ...vary(updateFacility, 'i.capacity', BAD_INTS),
    ...vary(investment, 'i.communityCode', CODES),
    ...vary(investment, 'i.year', [...BAD_YEARS, 1999, chinaYear() + 2]),
    ...vary(investment, 'i.amount', [0, -1, -1e308, 1e308, 10_000_000_000.01, 0.001, '1000']),
    ...vary(investment, 'i.purpose', overLimit(200)),
    ...vary(submit, 'i.communityCode', CODES),
    ...vary(submit, 'i.serviceCode', [...INJECTIONS, 'elder_meal', '']),
    ...vary(submit, 'i.description', [...BAD_TEXT, ...overLimit(2000)]),
    ...vary(submit, 'i.idempotencyKey', [...INJECTIONS, 'short', 'k'.repeat(101), 'corpus key with spaces']),
    ...vary(submit, 'i.contactName', overLimit(50)),
    ...vary(submit, 'i.contactPhone', [...INJECTIONS, '1380000000000000000000', 'abc']),
    ...vary(step('acceptServiceRequest', FIXTURE_REQUEST_IDS.submitted), 'i.id', IDS),
    ...vary(step('acceptServiceRequest', FIXTURE_REQUEST_IDS.submitted), 'i.note', overLimit(1000)),
    ...vary(step('startServiceRequest', FIXTURE_REQUEST_IDS.accepted), 'i.note', overLimit(1000)),
    ...vary(step('resolveServiceRequest', '00000000-0000-4000-8000-000000000005'), 'i.note', overLimit(1000)),
    ...vary(step('closeServiceRequest', '00000000-0000-4000-8000-000000000002'), 'i.note', overLimit(1000)),
    ...vary(reject, 'i.id', IDS),
    ...vary(reject, 'i.reason', [...BAD_TEXT, ...overLimit(500)]),
    ...vary(rate, 'i.satisfaction', [...BAD_INTS, 0, 6]),
    ...vary(rate, 'i.id', IDS),
  ];
}
