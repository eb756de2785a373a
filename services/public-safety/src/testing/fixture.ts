import type { DataSource } from 'typeorm';

/**
 * A small, fully known public-safety slice over the governance fixture's
 * communities, with dates relative to now() so the 12-month and 30-day
 * windows hold whenever the tests run. Figures it yields (see the stats test):
 *
 * | community     | incidents 12m | mediation received 12m | closed 12m (agreed) | median days | patrols 30d | open hazards | liaison | supervised |
 * | 620102001001  | 3             | 3                      | 2 (1)               | 15          | 2           | 1            | yes     | 2          |
 * | 620102001002  | 1             | 1                      | 1 (1)               | 5           | 1           | 0            | yes     | 0          |
 * | 620102002001  | 2             | 0                      | 0                   | –           | 0           | 2            | no      | 1          |
 * | 620103001001  | 1             | 1                      | 1 (0)               | 40          | 0           | 0            | yes     | 1          |
 *
 * plus rows outside every window (an incident 13 months ago, a case closed
 * 14 months ago, a patrol 40 days ago, a fixed hazard, an ended liaison and
 * an ended supervision) that no figure may count.
 */
export async function insertPublicSafetyFixture(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    INSERT INTO public_safety.police_liaison (community_code, officer_name, officer_phone, station, since, until) VALUES
      ('620102001001', '王警官', '13800001111', '东岗派出所', current_date - 400, NULL),
      ('620102001002', '李警官', '13800002222', '东岗派出所', current_date - 300, NULL),
      ('620103001001', '赵警官', '13800003333', '西园派出所', current_date - 200, NULL),
      ('620102002001', '钱警官', '13800004444', '盐场派出所', current_date - 900, current_date - 100)`);
  await dataSource.query(`
    INSERT INTO public_safety.safety_group (id, community_code, kind, name, members) VALUES
      ('00000000-0000-4000-8000-000000000001', '620102001001', 'PATROL_GROUP', '幸福巡逻队', 12),
      ('00000000-0000-4000-8000-000000000002', '620102001001', 'SECURITY_COMMITTEE', '幸福治保会', 5)`);
  await dataSource.query(`
    INSERT INTO public_safety.patrol (community_code, group_id, patrolled_on, hours, participants, joint_with_police) VALUES
      ('620102001001', '00000000-0000-4000-8000-000000000001', current_date - 1, 2.5, 6, true),
      ('620102001001', '00000000-0000-4000-8000-000000000001', current_date - 10, 1.5, 4, false),
      ('620102001002', NULL, current_date - 20, 3, 5, true),
      ('620102001001', NULL, current_date - 40, 2, 3, false)`);
  await dataSource.query(`
    INSERT INTO public_safety.safety_incident (community_code, category, severity, occurred_at, status, summary) VALUES
      ('620102001001', 'THEFT', 'LOW', now() - interval '10 days', 'REPORTED', '电动车电瓶被盗'),
      ('620102001001', 'FRAUD', 'HIGH', now() - interval '2 months', 'INVESTIGATING', '电信诈骗'),
      ('620102001001', 'FIRE', 'MEDIUM', now() - interval '11 months', 'RESOLVED', '楼道杂物起火'),
      ('620102001001', 'THEFT', 'LOW', now() - interval '13 months', 'RESOLVED', '旧案'),
      ('620102001002', 'TRAFFIC', 'MEDIUM', now() - interval '5 days', 'REPORTED', '小区门口剐蹭'),
      ('620102002001', 'PUBLIC_ORDER', 'LOW', now() - interval '1 month', 'RESOLVED', '深夜噪音'),
      ('620102002001', 'DRUGS', 'CRITICAL', now() - interval '3 months', 'INVESTIGATING', '可疑吸毒'),
      ('620103001001', 'DISPUTE_ESCALATION', 'HIGH', now() - interval '6 months', 'RESOLVED', '邻里纠纷升级')`);
  await dataSource.query(`
    INSERT INTO public_safety.mediation_case (community_code, category, received_on, mediator, outcome, closed_on) VALUES
      ('620102001001', 'NEIGHBOURS', current_date - 60, '张调解员', 'AGREEMENT_REACHED', current_date - 50),
      ('620102001001', 'FAMILY', current_date - 100, '张调解员', 'FAILED', current_date - 80),
      ('620102001001', 'PROPERTY', current_date - 5, '张调解员', NULL, NULL),
      ('620102001001', 'LABOUR', current_date - 500, '张调解员', 'AGREEMENT_REACHED', current_date - 430),
      ('620102001002', 'CONSUMER', current_date - 30, '刘调解员', 'AGREEMENT_REACHED', current_date - 25),
      ('620103001001', 'PROPERTY', current_date - 90, '孙调解员', 'REFERRED', current_date - 50)`);
  await dataSource.query(`
    INSERT INTO public_safety.legal_service (community_code, kind, held_on, people_reached, topic) VALUES
      ('620102001001', 'EDUCATION_SESSION', current_date - 30, 80, '反诈宣传'),
      ('620102001002', 'CONSULTATION', current_date - 3, 1, '租房合同'),
      ('620102001001', 'LEGAL_AID_CASE', current_date - 400, 1, '旧案')`);
  await dataSource.query(`
    INSERT INTO public_safety.inspection (id, community_code, target_kind, target_name, inspected_on) VALUES
      ('00000000-0000-4000-8000-000000000101', '620102001001', 'RENTAL_HOUSING', '幸福小区3号楼出租屋', current_date - 20),
      ('00000000-0000-4000-8000-000000000102', '620102002001', 'ENTERTAINMENT_VENUE', '光明KTV', current_date - 15)`);
  await dataSource.query(`
    INSERT INTO public_safety.inspection_hazard (id, inspection_id, community_code, description, fixed_on) VALUES
      ('00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000101', '620102001001', '电动车楼道充电', NULL),
      ('00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000101', '620102001001', '灭火器过期', current_date - 10),
      ('00000000-0000-4000-8000-000000000203', '00000000-0000-4000-8000-000000000102', '620102002001', '安全出口堵塞', NULL),
      ('00000000-0000-4000-8000-000000000204', '00000000-0000-4000-8000-000000000102', '620102002001', '消防通道占用', NULL)`);
  await dataSource.query(`
    INSERT INTO public_safety.supervised_person (id, community_code, category, full_name, id_number, phone, supervised_from, supervised_until, caseworker, assistance_plan, education_plan) VALUES
      ('00000000-0000-4000-8000-000000000301', '620102001001', 'COMMUNITY_CORRECTION', '张三', '620102199001011234', '13912345678', current_date - 200, current_date + 165, '陈社工', '就业推荐', '法治教育每月一次'),
      ('00000000-0000-4000-8000-000000000302', '620102001001', 'RELEASED_PRISONER', '李四', '620102198505052345', NULL, current_date - 100, NULL, '陈社工', '技能培训', '心理辅导'),
      ('00000000-0000-4000-8000-000000000303', '620102001001', 'DRUG_REHABILITATION', '王五', '62010219800303345X', NULL, current_date - 900, current_date - 170, '陈社工', '已结束', '已结束'),
      ('00000000-0000-4000-8000-000000000304', '620102002001', 'DRUG_REHABILITATION', '赵六', '620102199202024567', NULL, current_date - 50, NULL, '周社工', '戒毒康复', '每周尿检'),
      ('00000000-0000-4000-8000-000000000305', '620103001001', 'COMMUNITY_CORRECTION', '钱七', '620103199303035678', NULL, current_date - 30, NULL, '吴社工', '就业推荐', '社区服务')`);
}
