import type { PoolClient } from 'pg';
import { bulkInsert, COMMUNITIES_PER_CHUNK, Random, type CommunityRow, type DepartmentSeeder, type SeedContext } from '@shequ/kit/testing';
import { SERVICE_CATEGORIES, SERVICE_OFFERINGS } from '../catalogue/catalogue.data';

/** Keeps this department's random stream apart from the others'. */
const SEED_OFFSET = 2;
const DAY = 86_400_000;
const YEARS_OF_REQUESTS = 3;

/**
 * How well provided a prefecture is, relative to the province: Lanzhou and
 * the industrial cities (Jiayuguan, Jinchang, Jiuquan) above, the poorer
 * south and the autonomous prefectures below. It scales facilities and
 * investment and shortens resolution times.
 */
const PREFECTURE_PROVISION: Record<string, number> = {
  '6201': 1.5, '6202': 1.4, '6203': 1.3, '6204': 1.0, '6205': 0.9, '6206': 1.0, '6207': 1.0,
  '6208': 0.9, '6209': 1.2, '6210': 0.9, '6211': 0.8, '6212': 0.75, '6229': 0.75, '6230': 0.8,
};

/**
 * Requests a resident makes per year. The province holds the same 25 million
 * people at every scale, so this sets the total: province about 1.1 million
 * requests over three years, stress ten times that; demo keeps it small
 * enough to load in seconds.
 */
const REQUESTS_PER_RESIDENT_YEAR: Record<SeedContext['scaleName'], number> = { demo: 0.0005, province: 0.015, stress: 0.15 };

/** More requests in the heating months and in midsummer. */
const MONTH_WEIGHT = [1.35, 1.2, 1.0, 0.85, 0.85, 1.0, 1.15, 1.1, 0.9, 0.95, 1.2, 1.4];

const KIND_WEIGHTS = {
  ELDERLY_CARE: 3, DISABILITY_SERVICES: 1, CHILD_WELFARE: 1, HEALTH_STATION: 2, CANTEEN: 2, BATHHOUSE: 0.7,
  SPORTS_GROUND: 2, CULTURE_EDUCATION_ROOM: 2, COMMUNITY_SERVICE_CENTRE: 0.5, OTHER: 0.3,
} as const;
type Kind = keyof typeof KIND_WEIGHTS;

const KIND_NAMES: Record<Kind, string> = {
  ELDERLY_CARE: '日间照料中心', DISABILITY_SERVICES: '残疾人康复站', CHILD_WELFARE: '儿童之家', HEALTH_STATION: '卫生服务站', CANTEEN: '社区食堂',
  BATHHOUSE: '浴室', SPORTS_GROUND: '运动场', CULTURE_EDUCATION_ROOM: '文化活动室', COMMUNITY_SERVICE_CENTRE: '社区综合服务中心', OTHER: '便民服务点',
};

const CAPACITY: Record<Kind, [number, number]> = {
  ELDERLY_CARE: [20, 120], DISABILITY_SERVICES: [10, 40], CHILD_WELFARE: [15, 60], HEALTH_STATION: [5, 30], CANTEEN: [40, 200], BATHHOUSE: [10, 60],
  SPORTS_GROUND: [50, 400], CULTURE_EDUCATION_ROOM: [20, 100], COMMUNITY_SERVICE_CENTRE: [30, 150], OTHER: [5, 30],
};

/** Kinds a unit (enterprise, school, hospital) may open to residents. */
const SHAREABLE: readonly Kind[] = ['CANTEEN', 'BATHHOUSE', 'SPORTS_GROUND', 'CULTURE_EDUCATION_ROOM'];

const INVESTMENT_SHARES = { STATE: 0.55, ENTERPRISE: 0.15, PUBLIC_INSTITUTION: 0.1, PRIVATE: 0.08, DONATIONS: 0.12 } as const;

interface FacilityRow { communityCode: string; name: string; kind: Kind; ownership: string; shared: boolean; capacity: number; openingHours: string | null; status: string }
interface RequestRow {
  id: string; communityCode: string; serviceCode: string; description: string; channel: string; status: string; submitter: string; key: string;
  submittedAt: Date; acceptedAt: Date | null; startedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null; rejectedAt: Date | null;
  rejectionReason: string | null; satisfaction: number | null; ratedAt: Date | null;
}
interface TransitionRow { requestId: string; from: string | null; to: string; actor: string; role: string; occurredAt: Date }
interface InvestmentRow { communityCode: string; year: number; source: string; amount: number; purpose: string | null }

function provisionOf(community: CommunityRow): number {
  return PREFECTURE_PROVISION[community.code.slice(0, 4)] ?? 1;
}

/** A standard normal draw (Box–Muller). */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** A count with mean `mean`, varying by about ±30%. */
function around(random: Random, mean: number): number {
  return Math.max(0, Math.round(mean * (0.7 + 0.6 * random.next())));
}

function uuid(random: Random): string {
  let hex = '';
  for (let index = 0; index < 4; index += 1) {
    hex += Math.floor(random.next() * 2 ** 32).toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function facilitiesOf(random: Random, community: CommunityRow): FacilityRow[] {
  // Roughly one facility per 1,500 residents where provision is average; every community has its service centre.
  const count = Math.min(80, around(random, (community.population / 1500) * provisionOf(community)));
  const kinds: Kind[] = ['COMMUNITY_SERVICE_CENTRE', ...Array.from({ length: count }, () => random.weighted(KIND_WEIGHTS))];
  return kinds.map((kind, index) => {
    const shared = SHAREABLE.includes(kind) && random.next() < 0.35;
    const ownership = shared
      ? random.weighted({ ENTERPRISE: 2, PUBLIC_INSTITUTION: 3 })
      : random.weighted({ GOVERNMENT: 5, NGO: 2, PRIVATE: 1.5, ENTERPRISE: 1, PUBLIC_INSTITUTION: 1 });
    const [low, high] = CAPACITY[kind];
    return {
      communityCode: community.code,
      name: `${community.name.replace('（示例）', '')}${KIND_NAMES[kind]}${index > 0 ? index : ''}（示例）`,
      kind,
      ownership,
      shared,
      capacity: random.integer(low, high),
      openingHours: random.next() < 0.7 ? random.pick(['8:30-17:30', '8:00-20:00', '周一至周五 9:00-17:00', '全天']) : null,
      status: random.weighted({ OPERATING: 92, SUSPENDED: 5, CLOSED: 3 }),
    };
  });
}

/** A submission time in the last three years, shaped by season. */
function submissionTime(random: Random, referenceDate: Date): Date {
  for (;;) {
    const at = new Date(referenceDate.getTime() - random.next() * YEARS_OF_REQUESTS * 365 * DAY);
    if (random.next() * 1.4 < MONTH_WEIGHT[at.getUTCMonth()]) {
      return at;
    }
  }
}

function requestsOf(random: Random, community: CommunityRow, context: SeedContext, startNumber: number): { requests: RequestRow[]; transitions: TransitionRow[] } {
  const requests: RequestRow[] = [];
  const transitions: TransitionRow[] = [];
  const provision = provisionOf(community);
  const count = around(random, community.population * REQUESTS_PER_RESIDENT_YEAR[context.scaleName] * YEARS_OF_REQUESTS);
  const reference = context.referenceDate.getTime();
  const worker = `worker-${community.code}`;
  for (let index = 0; index < count; index += 1) {
    const offering = random.pick(SERVICE_OFFERINGS);
    const submitter = `resident-${community.code}-${random.integer(1, Math.max(1, Math.floor(community.population / 20)))}`;
    const submittedAt = submissionTime(random, context.referenceDate);
    const request: RequestRow = {
      id: uuid(random),
      communityCode: community.code,
      serviceCode: offering.code,
      description: `${offering.description}（示例）`,
      channel: random.weighted({ APP: 4, PHONE: 3, COUNTER: 2, VISIT: 1 }),
      status: 'SUBMITTED',
      submitter,
      key: `seed-${startNumber + index}`,
      submittedAt,
      acceptedAt: null, startedAt: null, resolvedAt: null, closedAt: null, rejectedAt: null, rejectionReason: null, satisfaction: null, ratedAt: null,
    };
    transitions.push({ requestId: request.id, from: null, to: 'SUBMITTED', actor: submitter, role: 'resident', occurredAt: submittedAt });
    const move = (to: string, at: Date) => {
      if (at.getTime() > reference) {
        return false;
      }
      transitions.push({ requestId: request.id, from: request.status, to, actor: worker, role: 'community_worker', occurredAt: at });
      request.status = to;
      return true;
    };
    const acceptedAt = new Date(submittedAt.getTime() + random.between(0.05, 1.5) * DAY);
    if (random.next() < 0.06) {
      if (move('REJECTED', acceptedAt)) {
        request.rejectedAt = acceptedAt;
        request.rejectionReason = random.pick(['不属于社区服务范围', '重复提交', '已转交有关部门']);
      }
    } else if (move('ACCEPTED', acceptedAt)) {
      request.acceptedAt = acceptedAt;
      const startedAt = new Date(acceptedAt.getTime() + random.between(0.1, 2) * DAY);
      if (move('IN_PROGRESS', startedAt)) {
        request.startedAt = startedAt;
        // Log-normal resolution times: median about 6 days where provision is average, a long tail past 15.
        const days = Math.min(120, Math.exp(Math.log(6 / provision) + 0.8 * normal(random)));
        const resolvedAt = new Date(Math.max(startedAt.getTime() + DAY / 24, submittedAt.getTime() + days * DAY));
        if (move('RESOLVED', resolvedAt)) {
          request.resolvedAt = resolvedAt;
          if (random.next() < 0.7) {
            const ratedAt = new Date(resolvedAt.getTime() + random.between(0.1, 3) * DAY);
            if (ratedAt.getTime() <= reference) {
              request.satisfaction = Number(days <= 7 ? random.weighted({ 5: 5, 4: 3, 3: 1, 2: 0.4, 1: 0.2 }) : random.weighted({ 5: 1.5, 4: 3, 3: 2, 2: 1, 1: 0.5 }));
              request.ratedAt = ratedAt;
            }
          }
          const closedAt = new Date(resolvedAt.getTime() + random.between(1, 10) * DAY);
          if (random.next() < 0.75 && move('CLOSED', closedAt)) {
            request.closedAt = closedAt;
          }
        }
      }
    }
    requests.push(request);
  }
  return { requests, transitions };
}

function investmentsOf(random: Random, community: CommunityRow, referenceDate: Date): InvestmentRow[] {
  const rows: InvestmentRow[] = [];
  const thisYear = referenceDate.getUTCFullYear();
  const yearElapsed = (referenceDate.getTime() - Date.UTC(thisYear, 0, 1)) / (365 * DAY);
  for (let year = thisYear - YEARS_OF_REQUESTS; year <= thisYear; year += 1) {
    // About 25 yuan per resident a year, more where provision is better; this year only as far as it has run.
    const total = community.population * 25 * provisionOf(community) * (0.7 + 0.6 * random.next()) * (year === thisYear ? yearElapsed : 1);
    for (const [source, share] of Object.entries(INVESTMENT_SHARES)) {
      if (source !== 'STATE' && random.next() < 0.3) {
        continue;
      }
      const amount = Math.round(total * share * (0.6 + 0.8 * random.next()) * 100) / 100;
      if (amount > 0) {
        rows.push({ communityCode: community.code, year, source, amount, purpose: random.next() < 0.5 ? random.pick(['设施改造', '助餐补贴', '居家养老', '文体活动', '儿童关爱']) : null });
      }
    }
  }
  return rows;
}

async function insertCatalogue(client: PoolClient): Promise<void> {
  await bulkInsert(client, 'service_delivery.service_category', [
    { name: 'code', type: 'text[]', value: (row) => row.code },
    { name: 'name', type: 'text[]', value: (row) => row.name },
  ], SERVICE_CATEGORIES);
  await bulkInsert(client, 'service_delivery.service_offering', [
    { name: 'code', type: 'text[]', value: (row) => row.code },
    { name: 'category_code', type: 'text[]', value: (row) => row.categoryCode },
    { name: 'name', type: 'text[]', value: (row) => row.name },
    { name: 'description', type: 'text[]', value: (row) => row.description },
    { name: 'provider_type', type: 'text[]', value: (row) => row.providerType },
    { name: 'fee', type: 'text[]', value: (row) => row.fee },
  ], SERVICE_OFFERINGS);
}

const TRANSITION_BATCH = 10_000;

/** Like bulkInsert, but wraps each actor's role in an array: unnest would flatten an array column. */
async function insertTransitions(client: PoolClient, transitions: TransitionRow[]): Promise<void> {
  for (let start = 0; start < transitions.length; start += TRANSITION_BATCH) {
    const batch = transitions.slice(start, start + TRANSITION_BATCH);
    await client.query(
      `INSERT INTO service_delivery.service_request_transition (request_id, from_status, to_status, actor_sub, actor_roles, occurred_at)
       SELECT request_id, from_status, to_status, actor_sub, ARRAY[actor_role], occurred_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
         AS batch (request_id, from_status, to_status, actor_sub, actor_role, occurred_at)`,
      [batch.map((row) => row.requestId), batch.map((row) => row.from), batch.map((row) => row.to), batch.map((row) => row.actor), batch.map((row) => row.role), batch.map((row) => row.occurredAt)],
    );
  }
}

async function insertChunk(client: PoolClient, facilities: FacilityRow[], requests: RequestRow[], transitions: TransitionRow[], investments: InvestmentRow[]): Promise<void> {
  await bulkInsert(client, 'service_delivery.service_facility', [
    { name: 'community_code', type: 'text[]', value: (row) => row.communityCode },
    { name: 'name', type: 'text[]', value: (row) => row.name },
    { name: 'kind', type: 'text[]', value: (row) => row.kind },
    { name: 'ownership', type: 'text[]', value: (row) => row.ownership },
    { name: 'shared_by_unit', type: 'boolean[]', value: (row) => row.shared },
    { name: 'capacity', type: 'integer[]', value: (row) => row.capacity },
    { name: 'opening_hours', type: 'text[]', value: (row) => row.openingHours },
    { name: 'status', type: 'text[]', value: (row) => row.status },
  ], facilities);
  await bulkInsert(client, 'service_delivery.service_request', [
    { name: 'id', type: 'uuid[]', value: (row) => row.id },
    { name: 'community_code', type: 'text[]', value: (row) => row.communityCode },
    { name: 'service_code', type: 'text[]', value: (row) => row.serviceCode },
    { name: 'description', type: 'text[]', value: (row) => row.description },
    { name: 'channel', type: 'text[]', value: (row) => row.channel },
    { name: 'status', type: 'text[]', value: (row) => row.status },
    { name: 'submitter_sub', type: 'text[]', value: (row) => row.submitter },
    { name: 'idempotency_key', type: 'text[]', value: (row) => row.key },
    { name: 'submitted_at', type: 'timestamptz[]', value: (row) => row.submittedAt },
    { name: 'accepted_at', type: 'timestamptz[]', value: (row) => row.acceptedAt },
    { name: 'started_at', type: 'timestamptz[]', value: (row) => row.startedAt },
    { name: 'resolved_at', type: 'timestamptz[]', value: (row) => row.resolvedAt },
    { name: 'closed_at', type: 'timestamptz[]', value: (row) => row.closedAt },
    { name: 'rejected_at', type: 'timestamptz[]', value: (row) => row.rejectedAt },
    { name: 'rejection_reason', type: 'text[]', value: (row) => row.rejectionReason },
    { name: 'satisfaction', type: 'smallint[]', value: (row) => row.satisfaction },
    { name: 'rated_at', type: 'timestamptz[]', value: (row) => row.ratedAt },
  ], requests);
  await insertTransitions(client, transitions);
  await bulkInsert(client, 'service_delivery.service_investment', [
    { name: 'community_code', type: 'text[]', value: (row) => row.communityCode },
    { name: 'year', type: 'integer[]', value: (row) => row.year },
    { name: 'source', type: 'text[]', value: (row) => row.source },
    { name: 'amount', type: 'numeric[]', value: (row) => row.amount },
    { name: 'purpose', type: 'text[]', value: (row) => row.purpose },
  ], investments);
}

/**
 * Writes the catalogue, then facilities, three years of service requests
 * (with every transition) and four years of investment for every community,
 * a chunk of communities at a time. Amounts scale with population and the
 * prefecture's provision; requests follow the seasons.
 */
export const seedServiceDelivery: DepartmentSeeder = async (client, context) => {
  const random = new Random(context.seed + SEED_OFFSET);
  await insertCatalogue(client);
  const total = context.communities.length;
  let requestNumber = 0;
  for (let start = 0; start < total; start += COMMUNITIES_PER_CHUNK) {
    const facilities: FacilityRow[] = [];
    const requests: RequestRow[] = [];
    const transitions: TransitionRow[] = [];
    const investments: InvestmentRow[] = [];
    for (const community of context.communities.slice(start, start + COMMUNITIES_PER_CHUNK)) {
      facilities.push(...facilitiesOf(random, community));
      const made = requestsOf(random, community, context, requestNumber);
      requestNumber += made.requests.length;
      requests.push(...made.requests);
      transitions.push(...made.transitions);
      investments.push(...investmentsOf(random, community, context.referenceDate));
    }
    await insertChunk(client, facilities, requests, transitions, investments);
    context.log(`service delivery: ${Math.min(start + COMMUNITIES_PER_CHUNK, total)}/${total} communities`);
  }
};
