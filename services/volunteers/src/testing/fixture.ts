import type { DataSource } from 'typeorm';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Ids of the fixture's rows, for tests that act on them. */
export const VOLUNTEERS_FIXTURE = {
  volunteers: { zhang: id(1), li: id(2), wang: id(3), zhao: id(4), sun: id(5), zhou: id(6), wu: id(7) },
  teams: { xingfu: id(101), xinhua: id(102) },
  organizations: { socialService: id(201), incubator: id(202), mediation: id(203) },
  activities: { recent: id(301), old: id(302), guangming: id(303), upcoming: id(304), xinhua: id(305) },
  /** The account (token sub) of 张三. */
  zhangAccount: 'volunteer-zhang',
} as const;

/**
 * A small, fully known volunteering picture on governance's fixture
 * communities (see insertGovernanceFixture), dated relative to now().
 *
 * Expected volunteerStats (registered / active / confirmed hours last 12 months / activities last 12 months):
 *   620102001001  2 / 2 / 7.5  / 1   (王五 withdrew; the 400-day-old activity is out of range; 孙七's 1.5 h are unconfirmed)
 *   620102001002  1 / 0 / 0    / 0   (赵六 is INACTIVE but still registered)
 *   620102002001  1 / 1 / 3    / 1
 *   620102001     3 / 2 / 7.5  / 1
 *   620102        4 / 3 / 10.5 / 2
 *   620100        5 / 3 / 10.5 / 2   (the activity in 620103001001 has not started)
 *   620000        6 / 4 / 15.5 / 3
 * Organisations: 620102001001 ACTIVE 1, INCUBATING 1; 620102 the same (the
 * social-service centre serves two of its communities and counts once); 620000 adds one REGISTERED.
 * Hour balances: 张三 4, 李四 6.5, 王五 2, 孙七 2, 吴九 4 (5 confirmed − 1 redeemed), others 0.
 */
export async function insertVolunteersFixture(dataSource: DataSource): Promise<void> {
  const { volunteers: v, teams: t, organizations: o, activities: a } = VOLUNTEERS_FIXTURE;
  await dataSource.query(
    `INSERT INTO volunteers.volunteer (id, community_code, account_sub, name, phone, id_number, skills, status, registered_on, hour_balance) VALUES
      ($1, '620102001001', $8, '张三', '13812345678', '620102199001011234', '{ELDERLY_CARE,IT}', 'ACTIVE', current_date - 400, 4),
      ($2, '620102001001', NULL, '李四', '13912345678', '62010219850202123X', '{LEGAL}', 'ACTIVE', current_date - 500, 6.5),
      ($3, '620102001001', NULL, '王五', '13712345678', '620102197003031234', '{MEDICAL}', 'WITHDRAWN', current_date - 300, 2),
      ($4, '620102001002', NULL, '赵六', '13612345678', '620102199504041234', '{EDUCATION}', 'INACTIVE', current_date - 200, 0),
      ($5, '620102002001', NULL, '孙七', '13512345678', '620102198805051234', '{ENVIRONMENT}', 'ACTIVE', current_date - 100, 2),
      ($6, '620103001001', NULL, '周八', '13412345678', '620103199206061234', '{MEDIATION}', 'ACTIVE', current_date - 50, 0),
      ($7, '620201001001', NULL, '吴九', '13312345678', '620201197507071234', '{CULTURE_AND_SPORTS}', 'ACTIVE', current_date - 700, 4)`,
    [v.zhang, v.li, v.wang, v.zhao, v.sun, v.zhou, v.wu, VOLUNTEERS_FIXTURE.zhangAccount],
  );
  await dataSource.query(
    `INSERT INTO volunteers.organization (id, name, kind, functions, stage, registration_number, registered_on, staff_count, volunteer_count) VALUES
      ($1, '城关区社会工作服务中心', 'SOCIAL_SERVICE_ORGANIZATION', '{SOCIAL_SERVICE,GOVERNMENT_RESIDENT_COMMUNICATION}', 'ACTIVE', '52620102MJ0000001A', current_date - 900, 12, 80),
      ($2, '幸福养老互助会', 'CHARITY', '{SOCIAL_SERVICE}', 'INCUBATING', NULL, NULL, 2, 15),
      ($3, '新华调解工作室', 'MEDIATION_ORGANIZATION', '{GOVERNMENT_RESIDENT_COMMUNICATION}', 'REGISTERED', '52620201MJ0000003C', current_date - 60, 3, 6)`,
    [o.socialService, o.incubator, o.mediation],
  );
  await dataSource.query(
    `INSERT INTO volunteers.organization_community (organization_id, community_code) VALUES
      ($1, '620102001001'), ($1, '620102002001'), ($2, '620102001001'), ($2, '620103001001'), ($3, '620201001001')`,
    [o.socialService, o.incubator, o.mediation],
  );
  await dataSource.query(
    `INSERT INTO volunteers.team (id, name, community_code, organization_id) VALUES
      ($1, '幸福社区志愿服务队', '620102001001', NULL), ($2, '新华社区文体队', '620201001001', NULL)`,
    [t.xingfu, t.xinhua],
  );
  await dataSource.query(
    `INSERT INTO volunteers.team_member (team_id, volunteer_id, role) VALUES ($1, $2, 'LEADER'), ($1, $3, 'MEMBER'), ($4, $5, 'LEADER')`,
    [t.xingfu, v.zhang, v.li, t.xinhua, v.wu],
  );
  await dataSource.query(
    `INSERT INTO volunteers.activity (id, title, category, community_code, organiser_team_id, organiser_organization_id, starts_at, ends_at, places) VALUES
      ($1, '重阳节敬老服务', 'ELDERLY_CARE', '620102001001', $6, NULL, now() - interval '30 days', now() - interval '30 days' + interval '4 hours', 10),
      ($2, '旧年法律咨询', 'LEGAL_AID', '620102001001', $6, NULL, now() - interval '400 days', now() - interval '400 days' + interval '4 hours', 10),
      ($3, '光明社区环境整治', 'ENVIRONMENT', '620102002001', NULL, $7, now() - interval '60 days', now() - interval '60 days' + interval '3 hours', 20),
      ($4, '西园社区义诊', 'HEALTH', '620103001001', NULL, $8, now() + interval '10 days', now() + interval '10 days' + interval '3 hours', 5),
      ($5, '新华广场舞活动', 'CULTURE_AND_SPORTS', '620201001001', $9, NULL, now() - interval '100 days', now() - interval '100 days' + interval '6 hours', 30)`,
    [a.recent, a.old, a.guangming, a.upcoming, a.xinhua, t.xingfu, o.socialService, o.incubator, t.xinhua],
  );
  // community_code and served_on copy the activity's, as signUp writes them.
  await dataSource.query(
    `INSERT INTO volunteers.activity_signup (activity_id, volunteer_id, community_code, served_on, attended, hours, confirmed_at)
     SELECT s.activity_id, s.volunteer_id, act.community_code, (act.starts_at AT TIME ZONE 'Asia/Shanghai')::date, s.attended, s.hours, s.confirmed_at
     FROM (VALUES
       ($1::uuid, $5::uuid, true, 3::numeric, now()),
       ($1, $6, true, 2.5, now()),
       ($1, $7, true, 2, now()),
       ($1, $8, true, 1.5, NULL::timestamptz),
       ($2, $6, true, 4, now() - interval '399 days'),
       ($3, $8, true, 2, now()),
       ($3, $5, true, 1, now()),
       ($4, $9, true, 5, now())
     ) AS s(activity_id, volunteer_id, attended, hours, confirmed_at)
     JOIN volunteers.activity act ON act.id = s.activity_id`,
    [a.recent, a.old, a.guangming, a.xinhua, v.zhang, v.li, v.wang, v.sun, v.wu],
  );
  await dataSource.query(
    `INSERT INTO volunteers.hour_redemption (volunteer_id, community_code, hours, service, redeemed_at) VALUES ($1, '620201001001', 1, '理发服务', now() - interval '20 days')`,
    [v.wu],
  );
}
