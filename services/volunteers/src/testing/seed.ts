import type { PoolClient } from 'pg';
import { bulkInsert, COMMUNITIES_PER_CHUNK, Random, type CommunityRow, type DepartmentSeeder, type SeedContext } from '@shequ/kit/testing';

/*
 * The volunteers department's records: volunteers, teams, organisations
 * serving communities, activities with sign-ups and (mostly confirmed)
 * service hours, and time-bank redemptions — deterministic from the seed.
 *
 * Proportions: registered volunteers are 2–9 % of residents depending on the
 * prefecture, capped at MAX_VOLUNTEERS_PER_COMMUNITY so that the demo scale
 * (a few hundred communities of tens of thousands of residents) loads in
 * seconds; at province scale (≈1,700 residents a community) the cap rarely
 * bites. The stress scale takes ten times the share (VOLUNTEER_SHARE_FACTOR). Service is long-tailed: a few volunteers serve often and long,
 * most rarely.
 */

const MAX_VOLUNTEERS_PER_COMMUNITY = 120;

/**
 * The residents are the census's at every scale, so `stress` (ten times the
 * rows) takes ten times the share of them as volunteers — and with them ten
 * times the activities and hours. A load, not a likeness.
 */
const VOLUNTEER_SHARE_FACTOR: Record<SeedContext['scaleName'], number> = { demo: 1, province: 1, stress: 10 };
const DAY = 86_400_000;

const SKILLS = ['ELDERLY_CARE', 'CHILD_CARE', 'LEGAL', 'MEDICAL', 'EDUCATION', 'CULTURE_AND_SPORTS', 'ENVIRONMENT', 'MEDIATION', 'IT', 'PSYCHOLOGICAL_SUPPORT', 'EMERGENCY_RESPONSE', 'OTHER'] as const;
const CATEGORIES = ['ELDERLY_CARE', 'CHILD_CARE', 'LEGAL_AID', 'HEALTH', 'EDUCATION', 'CULTURE_AND_SPORTS', 'ENVIRONMENT', 'MEDIATION', 'SAFETY_PATROL', 'EMERGENCY_RESPONSE', 'OTHER'] as const;
const KINDS = { INDUSTRY_ASSOCIATION: 1, SOCIAL_SERVICE_ORGANIZATION: 4, CHARITY: 2, MEDIATION_ORGANIZATION: 2, PROFESSIONAL_SERVICE_AGENCY: 1, RESIDENTS_INTEREST_GROUP: 4 };
const FUNCTIONS = ['SOCIAL_SERVICE', 'GOVERNMENT_RESIDENT_COMMUNICATION', 'NOTARISATION_AND_APPRAISAL', 'SUPERVISION', 'MARKET_REGULATION'] as const;
const STAGES = { INCUBATING: 3, REGISTERED: 2.5, ACTIVE: 4, SUSPENDED: 0.5 };
const FAMILY_NAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN_NAMES = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国玉兰'];
const ACTIVITY_TITLES: Record<(typeof CATEGORIES)[number], string> = {
  ELDERLY_CARE: '敬老助老服务',
  CHILD_CARE: '四点半课堂',
  LEGAL_AID: '法律咨询进社区',
  HEALTH: '健康义诊',
  EDUCATION: '家庭教育讲座',
  CULTURE_AND_SPORTS: '社区文体活动',
  ENVIRONMENT: '环境整治',
  MEDIATION: '邻里纠纷调解',
  SAFETY_PATROL: '平安巡逻',
  EMERGENCY_RESPONSE: '应急演练',
  OTHER: '志愿服务日',
};

interface VolunteerRow { id: string; communityCode: string; name: string; phone: string; idNumber: string; skills: string[]; status: string; registeredOn: string; balance: number; weight: number }
interface OrganizationRow { id: string; name: string; kind: string; functions: string[]; stage: string; registrationNumber: string | null; registeredOn: string | null; staffCount: number; volunteerCount: number }
interface LinkRow { organizationId: string; communityCode: string }
interface TeamRow { id: string; name: string; communityCode: string; organizationId: string | null }
interface MemberRow { teamId: string; volunteerId: string; role: string }
interface ActivityRow { id: string; title: string; category: string; communityCode: string; teamId: string | null; organizationId: string | null; startsAt: Date; endsAt: Date; places: number }
interface SignUpRow { activityId: string; volunteerId: string; communityCode: string; servedOn: string; signedUpAt: Date; attended: boolean | null; hours: number | null; confirmedAt: Date | null }
interface RedemptionRow { id: string; volunteerId: string; communityCode: string; hours: number; service: string; redeemedAt: Date }

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A prefecture's volunteering culture: its share of residents registered, 2–9 %, fixed per prefecture and seed. */
function prefectureShare(seed: number, prefecture: string): number {
  const random = new Random(seed * 31 + Number(prefecture));
  return random.between(0.02, 0.09);
}

function distinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) {
    chosen.add(random.pick(items));
  }
  return [...chosen];
}

/**
 * Unique ID numbers per county: the n-th volunteer of a county gets sequence
 * n mod 1000 and a birth date that a prime stride spreads over 1950–2004, so
 * two volunteers never share a number however many a county has.
 */
class IdNumbers {
  private readonly counters = new Map<string, number>();

  next(county: string, random: Random): string {
    const index = this.counters.get(county) ?? 0;
    this.counters.set(county, index + 1);
    const birth = new Date(Date.UTC(1950, 0, 1) + ((Math.floor(index / 1000) * 7919) % 20_000) * DAY);
    return `${county}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(index % 1000).padStart(3, '0')}${random.pick([...'0123456789X'])}`;
  }
}

interface Chunk {
  volunteers: VolunteerRow[];
  organizations: OrganizationRow[];
  links: LinkRow[];
  teams: TeamRow[];
  members: MemberRow[];
  activities: ActivityRow[];
  signUps: SignUpRow[];
  redemptions: RedemptionRow[];
}

/** Everything for a run of communities; organisations serve communities of one street, so a chunk is self-contained. */
function generateChunk(random: Random, context: SeedContext, communities: readonly CommunityRow[], idNumbers: IdNumbers): Chunk {
  const chunk: Chunk = { volunteers: [], organizations: [], links: [], teams: [], members: [], activities: [], signUps: [], redemptions: [] };
  const today = context.referenceDate.getTime();
  const byStreet = new Map<string, CommunityRow[]>();
  for (const community of communities) {
    byStreet.set(community.streetCode, [...(byStreet.get(community.streetCode) ?? []), community]);
  }
  const organizationsByCommunity = new Map<string, string[]>();
  for (const [street, members] of byStreet) {
    const count = random.integer(1, 2 + Math.ceil(members.length / 4));
    for (let index = 0; index < count; index += 1) {
      const stage = random.weighted(STAGES);
      const registered = stage !== 'INCUBATING' ? new Date(today - random.integer(60, 3650) * DAY) : null;
      const organization: OrganizationRow = {
        id: uuid(random),
        name: `${street}号${random.pick(['社工服务中心', '志愿者协会', '调解工作室', '养老服务社', '居民文体协会', '商户联合会'])}${index + 1}（示例）`,
        kind: random.weighted(KINDS),
        functions: distinct(random, FUNCTIONS, random.integer(1, 3)),
        stage,
        registrationNumber: registered ? `5262${street.slice(2, 9)}MJ${String(index).padStart(3, '0')}${random.integer(1000, 9999)}` : null,
        registeredOn: registered ? isoDate(registered) : null,
        staffCount: random.integer(0, 25),
        volunteerCount: random.integer(0, 200),
      };
      chunk.organizations.push(organization);
      for (const community of distinct(random, members, random.integer(1, Math.min(3, members.length)))) {
        chunk.links.push({ organizationId: organization.id, communityCode: community.code });
        organizationsByCommunity.set(community.code, [...(organizationsByCommunity.get(community.code) ?? []), organization.id]);
      }
    }
  }
  for (const community of communities) {
    const share = prefectureShare(context.seed, community.code.slice(0, 4)) * VOLUNTEER_SHARE_FACTOR[context.scaleName];
    const volunteerCount = Math.min(MAX_VOLUNTEERS_PER_COMMUNITY, Math.round(community.population * share * random.between(0.6, 1.4)));
    const volunteers: VolunteerRow[] = [];
    for (let index = 0; index < volunteerCount; index += 1) {
      const volunteer: VolunteerRow = {
        id: uuid(random),
        communityCode: community.code,
        name: random.pick(FAMILY_NAMES) + random.pick(GIVEN_NAMES) + (random.next() < 0.5 ? random.pick(GIVEN_NAMES) : ''),
        phone: `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.integer(0, 999_999_999)).padStart(9, '0')}`,
        idNumber: idNumbers.next(community.code.slice(0, 6), random),
        skills: distinct(random, SKILLS, random.integer(1, 3)),
        status: random.weighted({ ACTIVE: 80, INACTIVE: 14, WITHDRAWN: 6 }),
        registeredOn: isoDate(new Date(today - Math.floor(random.next() ** 1.5 * 5 * 365) * DAY)),
        balance: 0,
        // long tail: a few volunteers are picked for most activities
        weight: random.next() ** 3,
      };
      volunteers.push(volunteer);
    }
    chunk.volunteers.push(...volunteers);
    const eligible = volunteers.filter((volunteer) => volunteer.status !== 'WITHDRAWN').sort((a, b) => b.weight - a.weight);
    const teams: TeamRow[] = [];
    const organizations = organizationsByCommunity.get(community.code) ?? [];
    for (let index = 0; index < random.integer(1, 2); index += 1) {
      const team: TeamRow = { id: uuid(random), name: `${community.name}志愿服务${index + 1}队`, communityCode: community.code, organizationId: organizations.length && random.next() < 0.3 ? random.pick(organizations) : null };
      teams.push(team);
      distinct(random, eligible, Math.min(eligible.length, random.integer(3, 12))).forEach((volunteer, position) =>
        chunk.members.push({ teamId: team.id, volunteerId: volunteer.id, role: position === 0 ? 'LEADER' : 'MEMBER' }),
      );
    }
    chunk.teams.push(...teams);
    if (eligible.length === 0) {
      continue;
    }
    // about one activity a month per 60 volunteers over two years, plus a few upcoming
    const activityCount = Math.max(2, Math.round((eligible.length / 60) * 24 * random.between(0.5, 1.5)));
    for (let index = 0; index < activityCount; index += 1) {
      const daysAgo = random.integer(-30, 730);
      const category = random.pick(CATEGORIES);
      // 09:00–14:00 in China Standard Time is 01:00–06:00 UTC: the local date is the UTC date
      const startsAt = new Date(today - daysAgo * DAY + random.integer(1, 6) * 3_600_000);
      const length = random.pick([1, 2, 2, 3, 3, 4, 6, 8]);
      const byOrganization = organizations.length > 0 && random.next() < 0.3;
      const activity: ActivityRow = {
        id: uuid(random),
        title: ACTIVITY_TITLES[category],
        category,
        communityCode: community.code,
        teamId: byOrganization ? null : random.pick(teams).id,
        organizationId: byOrganization ? random.pick(organizations) : null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + length * 3_600_000),
        places: random.integer(5, 40),
      };
      chunk.activities.push(activity);
      const past = activity.endsAt.getTime() < today;
      const takers = new Set<VolunteerRow>();
      const wanted = Math.min(activity.places, eligible.length, random.integer(2, 10));
      while (takers.size < wanted) {
        takers.add(eligible[Math.floor(random.next() ** 2.5 * eligible.length)]);
      }
      for (const volunteer of takers) {
        const attended = past ? random.next() < 0.9 : null;
        const hours = attended ? Math.min(length, Math.max(0.5, Math.round(length * random.between(0.5, 1) * 4) / 4)) : null;
        const confirmed = attended && random.next() < 0.92 ? new Date(activity.endsAt.getTime() + random.integer(1, 5) * DAY) : null;
        const confirmedAt = confirmed && confirmed.getTime() <= today ? confirmed : null;
        if (confirmedAt && hours) {
          volunteer.balance += hours;
        }
        chunk.signUps.push({
          activityId: activity.id,
          volunteerId: volunteer.id,
          communityCode: community.code,
          servedOn: isoDate(startsAt),
          signedUpAt: new Date(startsAt.getTime() - random.integer(1, 14) * DAY),
          attended,
          hours,
          confirmedAt,
        });
      }
    }
    for (const volunteer of volunteers) {
      if (volunteer.balance >= 10 && random.next() < 0.3) {
        const hours = Math.floor(volunteer.balance * random.between(0.2, 0.8) * 4) / 4;
        if (hours > 0) {
          volunteer.balance -= hours;
          chunk.redemptions.push({ id: uuid(random), volunteerId: volunteer.id, communityCode: community.code, hours, service: random.pick(['理发服务', '助餐服务', '家政服务', '上门护理']), redeemedAt: new Date(today - random.integer(1, 300) * DAY) });
        }
      }
    }
  }
  return chunk;
}

/**
 * bulkInsert unnests one array per column, which cannot carry a text[] per
 * row: volunteers and organisations go through staging tables whose array
 * columns are '{a,b}' literals, cast on the way in.
 */
async function createStagingTables(client: PoolClient): Promise<void> {
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS volunteer_staging (id uuid, community_code text, name text, phone text, id_number text, skills text, status text, registered_on date, hour_balance numeric)`);
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS organization_staging (id uuid, name text, kind text, functions text, stage text, registration_number text, registered_on date, staff_count integer, volunteer_count integer)`);
}

async function insertChunk(client: PoolClient, chunk: Chunk): Promise<void> {
  await bulkInsert<VolunteerRow>(client, 'volunteer_staging', [
    { name: 'id', type: 'uuid[]', value: (r) => r.id },
    { name: 'community_code', type: 'text[]', value: (r) => r.communityCode },
    { name: 'name', type: 'text[]', value: (r) => r.name },
    { name: 'phone', type: 'text[]', value: (r) => r.phone },
    { name: 'id_number', type: 'text[]', value: (r) => r.idNumber },
    // text[] columns travel as one '{a,b}' literal each, since unnest flattens a 2-D array
    { name: 'skills', type: 'text[]', value: (r) => `{${r.skills.join(',')}}` },
    { name: 'status', type: 'text[]', value: (r) => r.status },
    { name: 'registered_on', type: 'date[]', value: (r) => r.registeredOn },
    { name: 'hour_balance', type: 'numeric[]', value: (r) => r.balance },
  ], chunk.volunteers);
  await client.query(`INSERT INTO volunteers.volunteer (id, community_code, name, phone, id_number, skills, status, registered_on, hour_balance)
    SELECT id, community_code, name, phone, id_number, skills::text[], status, registered_on, hour_balance FROM volunteer_staging`);
  await client.query(`TRUNCATE volunteer_staging`);
  await bulkInsert<OrganizationRow>(client, 'organization_staging', [
    { name: 'id', type: 'uuid[]', value: (r) => r.id },
    { name: 'name', type: 'text[]', value: (r) => r.name },
    { name: 'kind', type: 'text[]', value: (r) => r.kind },
    { name: 'functions', type: 'text[]', value: (r) => `{${r.functions.join(',')}}` },
    { name: 'stage', type: 'text[]', value: (r) => r.stage },
    { name: 'registration_number', type: 'text[]', value: (r) => r.registrationNumber },
    { name: 'registered_on', type: 'date[]', value: (r) => r.registeredOn },
    { name: 'staff_count', type: 'integer[]', value: (r) => r.staffCount },
    { name: 'volunteer_count', type: 'integer[]', value: (r) => r.volunteerCount },
  ], chunk.organizations);
  await client.query(`INSERT INTO volunteers.organization (id, name, kind, functions, stage, registration_number, registered_on, staff_count, volunteer_count)
    SELECT id, name, kind, functions::text[], stage, registration_number, registered_on, staff_count, volunteer_count FROM organization_staging`);
  await client.query(`TRUNCATE organization_staging`);
  await bulkInsert<LinkRow>(client, 'volunteers.organization_community', [
    { name: 'organization_id', type: 'uuid[]', value: (r) => r.organizationId },
    { name: 'community_code', type: 'text[]', value: (r) => r.communityCode },
  ], chunk.links);
  await bulkInsert<TeamRow>(client, 'volunteers.team', [
    { name: 'id', type: 'uuid[]', value: (r) => r.id },
    { name: 'name', type: 'text[]', value: (r) => r.name },
    { name: 'community_code', type: 'text[]', value: (r) => r.communityCode },
    { name: 'organization_id', type: 'uuid[]', value: (r) => r.organizationId },
  ], chunk.teams);
  await bulkInsert<MemberRow>(client, 'volunteers.team_member', [
    { name: 'team_id', type: 'uuid[]', value: (r) => r.teamId },
    { name: 'volunteer_id', type: 'uuid[]', value: (r) => r.volunteerId },
    { name: 'role', type: 'text[]', value: (r) => r.role },
  ], chunk.members);
  await bulkInsert<ActivityRow>(client, 'volunteers.activity', [
    { name: 'id', type: 'uuid[]', value: (r) => r.id },
    { name: 'title', type: 'text[]', value: (r) => r.title },
    { name: 'category', type: 'text[]', value: (r) => r.category },
    { name: 'community_code', type: 'text[]', value: (r) => r.communityCode },
    { name: 'organiser_team_id', type: 'uuid[]', value: (r) => r.teamId },
    { name: 'organiser_organization_id', type: 'uuid[]', value: (r) => r.organizationId },
    { name: 'starts_at', type: 'timestamptz[]', value: (r) => r.startsAt },
    { name: 'ends_at', type: 'timestamptz[]', value: (r) => r.endsAt },
    { name: 'places', type: 'integer[]', value: (r) => r.places },
  ], chunk.activities);
  await bulkInsert<SignUpRow>(client, 'volunteers.activity_signup', [
    { name: 'activity_id', type: 'uuid[]', value: (r) => r.activityId },
    { name: 'volunteer_id', type: 'uuid[]', value: (r) => r.volunteerId },
    { name: 'community_code', type: 'text[]', value: (r) => r.communityCode },
    { name: 'served_on', type: 'date[]', value: (r) => r.servedOn },
    { name: 'signed_up_at', type: 'timestamptz[]', value: (r) => r.signedUpAt },
    { name: 'attended', type: 'boolean[]', value: (r) => r.attended },
    { name: 'hours', type: 'numeric[]', value: (r) => r.hours },
    { name: 'confirmed_at', type: 'timestamptz[]', value: (r) => r.confirmedAt },
  ], chunk.signUps);
  await bulkInsert<RedemptionRow>(client, 'volunteers.hour_redemption', [
    { name: 'id', type: 'uuid[]', value: (r) => r.id },
    { name: 'volunteer_id', type: 'uuid[]', value: (r) => r.volunteerId },
    { name: 'community_code', type: 'text[]', value: (r) => r.communityCode },
    { name: 'hours', type: 'numeric[]', value: (r) => r.hours },
    { name: 'service', type: 'text[]', value: (r) => r.service },
    { name: 'redeemed_at', type: 'timestamptz[]', value: (r) => r.redeemedAt },
  ], chunk.redemptions);
}

export const seedVolunteers: DepartmentSeeder = async (client, context) => {
  const random = new Random(context.seed + 3);
  // chunks follow street boundaries (communities arrive ordered by code), so organisations stay within a chunk
  const communities = [...context.communities].sort((a, b) => (a.code < b.code ? -1 : 1));
  const idNumbers = new IdNumbers();
  await createStagingTables(client);
  let totals = { volunteers: 0, activities: 0, signUps: 0, organizations: 0 };
  for (let start = 0; start < communities.length; ) {
    let end = Math.min(start + COMMUNITIES_PER_CHUNK, communities.length);
    while (end < communities.length && communities[end].streetCode === communities[end - 1].streetCode) {
      end += 1;
    }
    const chunk = generateChunk(random, context, communities.slice(start, end), idNumbers);
    await insertChunk(client, chunk);
    totals = {
      volunteers: totals.volunteers + chunk.volunteers.length,
      activities: totals.activities + chunk.activities.length,
      signUps: totals.signUps + chunk.signUps.length,
      organizations: totals.organizations + chunk.organizations.length,
    };
    context.log(`volunteers: ${end}/${communities.length} communities, ${totals.volunteers} volunteers, ${totals.activities} activities, ${totals.signUps} sign-ups, ${totals.organizations} organisations`);
    start = end;
  }
};
