import { bulkInsert, Random, type CommunityRow, type DepartmentSeeder, type Tier } from '@shequ/kit/testing';

const OFFICE_SPACE: Record<Tier, [number, number]> = { ADVANCED: [380, 800], STANDARD: [200, 480], FOUNDATIONAL: [90, 320] };
const PROJECT_TITLES = ['老旧小区改造', '加装电梯', '社区食堂', '日间照料中心', '健身步道', '文化活动室', '平安监控', '便民服务站', '儿童之家', '雨污分流'];
const FUNDING = ['STATE', 'STATE', 'STATE', 'ENTERPRISE', 'PUBLIC_INSTITUTION', 'PRIVATE', 'DONATIONS'];
const PRACTICES = ['网格化管理', '“三社联动”', '邻里互助', '居民议事会', '智慧社区', '志愿服务积分'];
const CHUNK = 2000;

interface ProjectRow { communityCode: string; year: number; title: string; budget: number; fundingSource: string; status: string; completedAt: Date | null }

/**
 * Governance's planning records: each community's capacity, its practical
 * projects for the last three years and this one, plans for the province and
 * every prefecture, and a few demonstration units.
 */
export const seedGovernancePlanning: DepartmentSeeder = async (client, context) => {
  const random = new Random(context.seed + 101);
  const thisYear = context.referenceDate.getUTCFullYear();
  let projects = 0;
  for (let start = 0; start < context.communities.length; start += CHUNK) {
    const chunk = context.communities.slice(start, start + CHUNK);
    await bulkInsert<CommunityRow>(client, 'governance.community_capacity', [
      { name: 'community_code', type: 'text[]', value: (c) => c.code },
      { name: 'office_space_m2', type: 'numeric[]', value: (c) => Math.round(random.between(...OFFICE_SPACE[c.tier])) },
      { name: 'activity_space_m2', type: 'numeric[]', value: (c) => Math.round(random.between(...OFFICE_SPACE[c.tier]) * 0.6) },
      { name: 'network_access', type: 'boolean[]', value: (c) => c.tier !== 'FOUNDATIONAL' || random.next() < 0.8 },
      { name: 'staff', type: 'integer[]', value: () => random.integer(5, 16) },
      { name: 'professional_social_workers', type: 'integer[]', value: (c) => random.integer(0, c.tier === 'ADVANCED' ? 6 : 3) },
      { name: 'last_election_on', type: 'date[]', value: () => `${thisYear - random.integer(0, 2)}-0${random.integer(1, 9)}-15` },
      { name: 'election_turnout', type: 'numeric[]', value: () => Math.round(random.between(0.6, 0.96) * 1000) / 1000 },
      { name: 'council_meetings_per_year', type: 'integer[]', value: () => random.integer(1, 10) },
    ], chunk);
    const rows: ProjectRow[] = [];
    for (const community of chunk) {
      for (let year = thisYear - 3; year <= thisYear; year += 1) {
        for (let n = random.integer(1, 3); n > 0; n -= 1) {
          const past = year < thisYear;
          const status = past ? (random.next() < 0.85 ? 'COMPLETED' : 'CANCELLED') : random.pick(['PLANNED', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED']);
          rows.push({
            communityCode: community.code,
            year,
            title: random.pick(PROJECT_TITLES),
            budget: Math.round(random.between(2, 80)) * 10000,
            fundingSource: random.pick(FUNDING),
            status,
            completedAt: status === 'COMPLETED' ? new Date(Date.UTC(year, random.integer(3, 11), random.integer(1, 28))) : null,
          });
        }
      }
    }
    projects += rows.length;
    await bulkInsert<ProjectRow>(client, 'governance.practical_project', [
      { name: 'community_code', type: 'text[]', value: (p) => p.communityCode },
      { name: 'year', type: 'integer[]', value: (p) => p.year },
      { name: 'title', type: 'text[]', value: (p) => p.title },
      { name: 'budget', type: 'numeric[]', value: (p) => p.budget },
      { name: 'funding_source', type: 'text[]', value: (p) => p.fundingSource },
      { name: 'status', type: 'text[]', value: (p) => p.status },
      { name: 'completed_at', type: 'timestamptz[]', value: (p) => p.completedAt },
    ], rows);
  }
  context.log(`capacity for ${context.communities.length} communities, ${projects} practical projects`);

  const planRegions = ['620000', ...new Set(context.communities.map((c) => `${c.code.slice(0, 4)}00`))];
  await client.query(
    `WITH plans AS (
       INSERT INTO governance.plan (region_code, kind, title, start_year, end_year, status, approving_body)
       SELECT code, 'FIVE_YEAR', name || '和谐社区建设规划（' || $2::int || '–' || $2::int + 4 || '）', $2::int, $2::int + 4, 'IN_FORCE', name || '人民政府'
       FROM governance.region WHERE code = ANY($1)
       UNION ALL
       SELECT code, 'FIVE_YEAR', name || '和谐社区建设规划（' || $2::int - 5 || '–' || $2::int - 1 || '）', $2::int - 5, $2::int - 1, 'CLOSED', name || '人民政府'
       FROM governance.region WHERE code = ANY($1)
       RETURNING id, start_year, status
     )
     INSERT INTO governance.plan_target (plan_id, indicator, description, baseline, target_value, unit, due_year, tiers)
     SELECT p.id, t.indicator, t.indicator, NULL, t.target, 'see indicator', p.start_year + 4, ARRAY[t.tier]
     FROM plans p CROSS JOIN governance.tier_target t WHERE p.status = 'IN_FORCE'`,
    [planRegions, thisYear - ((thisYear - 2001) % 5)],
  );
  await client.query(
    `INSERT INTO governance.plan_measure (plan_id, description, lead_department, supporting_departments, status, due_date)
     SELECT id, m.description, m.lead, m.supporting, 'UNDERWAY', make_date(end_year, 12, 31)
     FROM governance.plan, (VALUES
       ('完善社区养老与助残服务设施', 'service-delivery', ARRAY['governance']),
       ('培育社区志愿服务与社会组织', 'volunteers', ARRAY['governance', 'service-delivery']),
       ('落实“一区一警”与矛盾纠纷调解', 'public-safety', ARRAY['governance'])) AS m(description, lead, supporting)
     WHERE status = 'IN_FORCE'`,
  );
  const designated = context.communities.filter(() => random.next() < 0.02);
  await bulkInsert<CommunityRow>(client, 'governance.demonstration_unit', [
    { name: 'code', type: 'text[]', value: (c) => c.code },
    { name: 'level', type: 'text[]', value: () => (random.next() < 0.3 ? 'PROVINCIAL' : 'MUNICIPAL') },
    { name: 'year', type: 'integer[]', value: () => thisYear - random.integer(0, 4) },
    { name: 'practice', type: 'text[]', value: () => random.pick(PRACTICES) },
  ], designated);
  context.log(`plans for ${planRegions.length} regions, ${designated.length} demonstration units`);
};
