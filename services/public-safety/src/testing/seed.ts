import type { PoolClient } from 'pg';
import { bulkInsert, COMMUNITIES_PER_CHUNK, Random, type ColumnSpec, type CommunityRow, type DepartmentSeeder, type SeedContext } from '@shequ/kit/testing';

/** Public safety's own stream of random numbers, apart from the other departments'. */
const SEED_OFFSET = 4004;
const DAY_MS = 86_400_000;

/*
 * Proportions (synthetic, in the order of magnitude community reports show):
 * - 92% of communities have a current police liaison; a quarter of those
 *   had an earlier one.
 * - every community has a security committee, 80% a patrol group patrolling
 *   about weekly, a third of the patrols jointly with the police.
 * - reported incidents and mediation cases per 1,000 residents a year as
 *   `CASES_PER_THOUSAND_YEAR` gives (province: about 6.5 and 4, the order of
 *   China's published people's-mediation figures), laid over the last two
 *   years; 85% of mediations end in agreement.
 * - monthly legal education, a few consultations and the odd legal-aid case.
 * - about one inspection a month, 0–3 hazards each, three quarters fixed.
 * - about 0.3 supervised persons per 1,000 residents (30% of them
 *   already ended), and 0.5 floating-population registrations per 1,000 a month.
 */

/** Demo keeps the rows few enough to load in seconds; stress is ten times the province. */
const CASES_PER_THOUSAND_YEAR: Record<SeedContext['scaleName'], { incidents: number; mediations: number }> = {
  demo: { incidents: 1.5, mediations: 0.8 },
  province: { incidents: 6.5, mediations: 4 },
  stress: { incidents: 65, mediations: 40 },
};

const INCIDENT_CATEGORIES = { THEFT: 30, FRAUD: 20, FIRE: 5, TRAFFIC: 15, DRUGS: 3, PUBLIC_ORDER: 12, DISPUTE_ESCALATION: 10, OTHER: 5 };
const SEVERITIES = { LOW: 55, MEDIUM: 30, HIGH: 12, CRITICAL: 3 };
const MEDIATION_CATEGORIES = { NEIGHBOURS: 35, FAMILY: 25, PROPERTY: 15, LABOUR: 10, CONSUMER: 10, OTHER: 5 };
const OUTCOMES = { AGREEMENT_REACHED: 85, REFERRED: 10, FAILED: 5 };
const TARGET_KINDS = { RENTAL_HOUSING: 60, ENTERTAINMENT_VENUE: 15, COMMERCIAL_AREA: 25 };
const SUPERVISION = { RELEASED_PRISONER: 40, COMMUNITY_CORRECTION: 45, DRUG_REHABILITATION: 15 };
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '马', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞'];
const HAZARDS = ['电动车楼道充电', '灭火器过期', '安全出口堵塞', '电线私拉乱接', '消防通道占用', '燃气管道老化'];
const TOPICS = ['反诈宣传', '宪法宣传', '民法典讲座', '禁毒教育', '未成年人保护', '劳动合同'];

interface Rows {
  liaisons: { code: string; name: string; phone: string; station: string; since: string; until: string | null }[];
  groups: { id: string; code: string; kind: string; name: string; members: number }[];
  patrols: { code: string; groupId: string | null; on: string; hours: number; participants: number; joint: boolean }[];
  incidents: { code: string; category: string; severity: string; at: string; status: string; summary: string }[];
  mediations: { code: string; category: string; received: string; mediator: string; outcome: string | null; closed: string | null }[];
  legal: { code: string; kind: string; on: string; reached: number; topic: string }[];
  inspections: { id: string; code: string; kind: string; name: string; on: string }[];
  hazards: { inspectionId: string; code: string; description: string; fixed: string | null }[];
  persons: { code: string; category: string; name: string; idNumber: string; from: string; until: string | null; caseworker: string; assistance: string; education: string }[];
  months: { code: string; month: string; programmes: number; participants: number; floating: number }[];
}

function emptyRows(): Rows {
  return { liaisons: [], groups: [], patrols: [], incidents: [], mediations: [], legal: [], inspections: [], hazards: [], persons: [], months: [] };
}

function day(reference: Date, daysAgo: number): string {
  return new Date(reference.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
}

function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN) + (random.next() < 0.5 ? random.pick(GIVEN) : '');
}

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A count with mean `mean`, spread like real counts are (a cheap Poisson). */
function countAround(random: Random, mean: number): number {
  let count = 0;
  let remaining = mean;
  while (remaining > 0) {
    if (random.next() < Math.min(remaining, 1)) {
      count += 1;
    }
    remaining -= 1;
  }
  return count + (random.next() < 0.5 ? 0 : random.integer(-1, 1) * (count > 0 ? 1 : 0));
}

function generateCommunity(random: Random, community: CommunityRow, reference: Date, rates: { incidents: number; mediations: number }, rows: Rows): void {
  const code = community.code;
  const perThousand = community.population / 1000;
  if (random.next() < 0.92) {
    const since = random.integer(30, 1500);
    if (random.next() < 0.25) {
      rows.liaisons.push({ code, name: `${random.pick(SURNAMES)}警官`, phone: `139${String(random.integer(0, 99_999_999)).padStart(8, '0')}`, station: `${community.name.slice(0, 2)}派出所`, since: day(reference, since + random.integer(200, 1500)), until: day(reference, since) });
    }
    rows.liaisons.push({ code, name: `${random.pick(SURNAMES)}警官`, phone: `138${String(random.integer(0, 99_999_999)).padStart(8, '0')}`, station: `${community.name.slice(0, 2)}派出所`, since: day(reference, since), until: null });
  }
  rows.groups.push({ id: uuid(random), code, kind: 'SECURITY_COMMITTEE', name: `${community.name}治保会`, members: random.integer(3, 9) });
  if (random.next() < 0.8) {
    const groupId = uuid(random);
    rows.groups.push({ id: groupId, code, kind: 'PATROL_GROUP', name: `${community.name}巡逻队`, members: random.integer(6, 40) });
    for (let daysAgo = random.integer(0, 6); daysAgo < 90; daysAgo += random.integer(5, 9)) {
      rows.patrols.push({ code, groupId, on: day(reference, daysAgo), hours: random.integer(4, 30) / 10, participants: random.integer(3, 15), joint: random.next() < 0.33 });
    }
  }
  for (let index = countAround(random, perThousand * rates.incidents * 2); index > 0; index -= 1) {
    const daysAgo = random.integer(0, 729);
    const status = daysAgo > 60 ? random.weighted({ RESOLVED: 85, DISMISSED: 15 }) : random.weighted({ REPORTED: 30, INVESTIGATING: 40, RESOLVED: 25, DISMISSED: 5 });
    const at = new Date(reference.getTime() - daysAgo * DAY_MS - random.integer(0, DAY_MS - 1)).toISOString();
    const category = random.weighted(INCIDENT_CATEGORIES);
    rows.incidents.push({ code, category, severity: random.weighted(SEVERITIES), at, status, summary: `${category.toLowerCase()} 事件（合成数据）` });
  }
  const mediator = `${personName(random)}（调解员）`;
  for (let index = countAround(random, perThousand * rates.mediations * 2); index > 0; index -= 1) {
    const received = random.integer(0, 729);
    const days = random.integer(1, 60);
    const open = received - days < 0 || (received < 90 && random.next() < 0.15);
    rows.mediations.push({ code, category: random.weighted(MEDIATION_CATEGORIES), received: day(reference, received), mediator, outcome: open ? null : random.weighted(OUTCOMES), closed: open ? null : day(reference, received - days) });
  }
  for (let month = 0; month < 12; month += 1) {
    rows.legal.push({ code, kind: 'EDUCATION_SESSION', on: day(reference, month * 30 + random.integer(0, 29)), reached: random.integer(20, 150), topic: random.pick(TOPICS) });
    for (let consultation = random.integer(0, 3); consultation > 0; consultation -= 1) {
      rows.legal.push({ code, kind: 'CONSULTATION', on: day(reference, month * 30 + random.integer(0, 29)), reached: 1, topic: random.pick(TOPICS) });
    }
    if (random.next() < 0.15) {
      rows.legal.push({ code, kind: 'LEGAL_AID_CASE', on: day(reference, month * 30 + random.integer(0, 29)), reached: 1, topic: random.pick(TOPICS) });
    }
    if (random.next() < 0.9) {
      const id = uuid(random);
      const inspectedAgo = month * 30 + random.integer(0, 29);
      const kind = random.weighted(TARGET_KINDS);
      rows.inspections.push({ id, code, kind, name: `${community.name}${kind === 'RENTAL_HOUSING' ? `${random.integer(1, 20)}号楼出租屋` : kind === 'ENTERTAINMENT_VENUE' ? '娱乐场所' : '商业街'}`, on: day(reference, inspectedAgo) });
      for (let hazard = random.integer(0, 3) - 1; hazard > 0; hazard -= 1) {
        const fixed = random.next() < 0.75 && inspectedAgo > 0;
        rows.hazards.push({ inspectionId: id, code, description: random.pick(HAZARDS), fixed: fixed ? day(reference, random.integer(0, inspectedAgo)) : null });
      }
    }
    const monthStart = new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() - month, 1)).toISOString().slice(0, 10);
    rows.months.push({ code, month: monthStart, programmes: random.integer(0, 3), participants: random.integer(0, 60), floating: countAround(random, perThousand * 0.5) });
  }
  for (let index = countAround(random, perThousand * 0.3); index > 0; index -= 1) {
    const from = random.integer(0, 1800);
    const ended = random.next() < 0.3;
    const birth = new Date(Date.UTC(random.integer(1955, 2005), random.integer(0, 11), random.integer(1, 28))).toISOString().slice(0, 10).replace(/-/g, '');
    rows.persons.push({
      code,
      category: random.weighted(SUPERVISION),
      name: personName(random),
      idNumber: `${code.slice(0, 6)}${birth}${String(random.integer(0, 999)).padStart(3, '0')}${random.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])}`,
      from: day(reference, from),
      until: ended ? day(reference, random.integer(0, from)) : null,
      caseworker: `${personName(random)}（社工）`,
      assistance: random.pick(['就业推荐', '技能培训', '临时救助', '住房协调']),
      education: random.pick(['法治教育每月一次', '心理辅导', '社区公益劳动', '禁毒教育']),
    });
  }
}

function column<Row>(name: string, type: string, value: (row: Row) => unknown): ColumnSpec<Row> {
  return { name, type, value };
}

async function insertRows(client: PoolClient, rows: Rows): Promise<void> {
  await bulkInsert<Rows['liaisons'][number]>(client, 'public_safety.police_liaison', [
    column('community_code', 'text[]', (row) => row.code),
    column('officer_name', 'text[]', (row) => row.name),
    column('officer_phone', 'text[]', (row) => row.phone),
    column('station', 'text[]', (row) => row.station),
    column('since', 'date[]', (row) => row.since),
    column('until', 'date[]', (row) => row.until),
  ], rows.liaisons);
  await bulkInsert<Rows['groups'][number]>(client, 'public_safety.safety_group', [
    column('id', 'uuid[]', (row) => row.id),
    column('community_code', 'text[]', (row) => row.code),
    column('kind', 'text[]', (row) => row.kind),
    column('name', 'text[]', (row) => row.name),
    column('members', 'integer[]', (row) => row.members),
  ], rows.groups);
  await bulkInsert<Rows['patrols'][number]>(client, 'public_safety.patrol', [
    column('community_code', 'text[]', (row) => row.code),
    column('group_id', 'uuid[]', (row) => row.groupId),
    column('patrolled_on', 'date[]', (row) => row.on),
    column('hours', 'numeric[]', (row) => row.hours),
    column('participants', 'integer[]', (row) => row.participants),
    column('joint_with_police', 'boolean[]', (row) => row.joint),
  ], rows.patrols);
  await bulkInsert<Rows['incidents'][number]>(client, 'public_safety.safety_incident', [
    column('community_code', 'text[]', (row) => row.code),
    column('category', 'text[]', (row) => row.category),
    column('severity', 'text[]', (row) => row.severity),
    column('occurred_at', 'timestamptz[]', (row) => row.at),
    column('reported_at', 'timestamptz[]', (row) => row.at),
    column('status', 'text[]', (row) => row.status),
    column('summary', 'text[]', (row) => row.summary),
  ], rows.incidents);
  await bulkInsert<Rows['mediations'][number]>(client, 'public_safety.mediation_case', [
    column('community_code', 'text[]', (row) => row.code),
    column('category', 'text[]', (row) => row.category),
    column('received_on', 'date[]', (row) => row.received),
    column('mediator', 'text[]', (row) => row.mediator),
    column('outcome', 'text[]', (row) => row.outcome),
    column('closed_on', 'date[]', (row) => row.closed),
  ], rows.mediations);
  await bulkInsert<Rows['legal'][number]>(client, 'public_safety.legal_service', [
    column('community_code', 'text[]', (row) => row.code),
    column('kind', 'text[]', (row) => row.kind),
    column('held_on', 'date[]', (row) => row.on),
    column('people_reached', 'integer[]', (row) => row.reached),
    column('topic', 'text[]', (row) => row.topic),
  ], rows.legal);
  await bulkInsert<Rows['inspections'][number]>(client, 'public_safety.inspection', [
    column('id', 'uuid[]', (row) => row.id),
    column('community_code', 'text[]', (row) => row.code),
    column('target_kind', 'text[]', (row) => row.kind),
    column('target_name', 'text[]', (row) => row.name),
    column('inspected_on', 'date[]', (row) => row.on),
  ], rows.inspections);
  await bulkInsert<Rows['hazards'][number]>(client, 'public_safety.inspection_hazard', [
    column('inspection_id', 'uuid[]', (row) => row.inspectionId),
    column('community_code', 'text[]', (row) => row.code),
    column('description', 'text[]', (row) => row.description),
    column('fixed_on', 'date[]', (row) => row.fixed),
  ], rows.hazards);
  await bulkInsert<Rows['persons'][number]>(client, 'public_safety.supervised_person', [
    column('community_code', 'text[]', (row) => row.code),
    column('category', 'text[]', (row) => row.category),
    column('full_name', 'text[]', (row) => row.name),
    column('id_number', 'text[]', (row) => row.idNumber),
    column('supervised_from', 'date[]', (row) => row.from),
    column('supervised_until', 'date[]', (row) => row.until),
    column('caseworker', 'text[]', (row) => row.caseworker),
    column('assistance_plan', 'text[]', (row) => row.assistance),
    column('education_plan', 'text[]', (row) => row.education),
  ], rows.persons);
  await bulkInsert<Rows['months'][number]>(client, 'public_safety.community_month_count', [
    column('community_code', 'text[]', (row) => row.code),
    column('month', 'date[]', (row) => row.month),
    column('juvenile_programmes', 'integer[]', (row) => row.programmes),
    column('juvenile_participants', 'integer[]', (row) => row.participants),
    column('floating_population_registrations', 'integer[]', (row) => row.floating),
  ], rows.months);
}

/** Writes public safety's records for every community, chunk by chunk. */
export const seedPublicSafety: DepartmentSeeder = async (client: PoolClient, context: SeedContext) => {
  const random = new Random(context.seed + SEED_OFFSET);
  const total = context.communities.length;
  for (let start = 0; start < total; start += COMMUNITIES_PER_CHUNK) {
    const rows = emptyRows();
    for (const community of context.communities.slice(start, start + COMMUNITIES_PER_CHUNK)) {
      generateCommunity(random, community, context.referenceDate, CASES_PER_THOUSAND_YEAR[context.scaleName], rows);
    }
    await insertRows(client, rows);
    context.log(`public safety: ${Math.min(start + COMMUNITIES_PER_CHUNK, total)}/${total} communities`);
  }
};
