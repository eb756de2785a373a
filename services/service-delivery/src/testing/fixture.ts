import type { DataSource } from 'typeorm';

/** Ids of the fixture's requests, for tests that follow one. */
export const FIXTURE_REQUEST_IDS = {
  /** 620102001001, resolved in 2 days, CLOSED, rated 5, by resident-1. */
  closedFast: '00000000-0000-4000-8000-000000000001',
  /** 620102001001, SUBMITTED 5 days ago by resident-4. */
  submitted: '00000000-0000-4000-8000-000000000004',
  /** 620102001002, ACCEPTED, by resident-9. */
  accepted: '00000000-0000-4000-8000-000000000009',
  /** 620201001001, SUBMITTED 400 days ago. */
  oldOpen: '00000000-0000-4000-8000-000000000011',
} as const;

/**
 * A small, fully known service-delivery slice keyed on the governance
 * fixture's communities, with dates relative to now(). Its figures (see
 * the stats test for the hand computation):
 *
 * - facilities not closed: 620102001001 3 (2 elderly care, 1 canteen; a closed
 *   child-welfare one does not count), 620102001002 2 (disability, a suspended
 *   health station), 620102002001 2 (child welfare, sports ground),
 *   620103001001 1 (elderly care), 620201001001 1 (service centre);
 * - requests resolved in the last 12 months after 2, 10, 20 days
 *   (620102001001, rated 5, 4, 2), 20 days (620102001002, rated 3) and 4 days
 *   (620103001001, unrated); open: two in 620102001001, one in 620102001002,
 *   one 400 days old in 620201001001; one rejected, one resolved 490 days ago;
 * - investment this year: 620102001001 120,000 (plus 50,000 last year),
 *   620102002001 30,000, 620201001001 5,000.
 */
export async function insertServiceDeliveryFixture(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    INSERT INTO service_delivery.service_facility (community_code, name, kind, ownership, shared_by_unit, capacity, opening_hours, address, status) VALUES
      ('620102001001', '幸福日间照料中心', 'ELDERLY_CARE', 'GOVERNMENT', false, 40, '8:00-18:00', '幸福路1号', 'OPERATING'),
      ('620102001001', '幸福养老服务站', 'ELDERLY_CARE', 'NGO', false, 20, NULL, NULL, 'OPERATING'),
      ('620102001001', '某厂职工食堂（对居民开放）', 'CANTEEN', 'ENTERPRISE', true, 120, '11:00-13:00', NULL, 'OPERATING'),
      ('620102001001', '儿童之家（已撤并）', 'CHILD_WELFARE', 'GOVERNMENT', false, 30, NULL, NULL, 'CLOSED'),
      ('620102001002', '和平残疾人康复站', 'DISABILITY_SERVICES', 'PUBLIC_INSTITUTION', false, 15, NULL, NULL, 'OPERATING'),
      ('620102001002', '和平卫生服务站', 'HEALTH_STATION', 'GOVERNMENT', false, 10, NULL, NULL, 'SUSPENDED'),
      ('620102002001', '光明儿童之家', 'CHILD_WELFARE', 'GOVERNMENT', false, 25, NULL, NULL, 'OPERATING'),
      ('620102002001', '学校运动场（错时开放）', 'SPORTS_GROUND', 'PUBLIC_INSTITUTION', true, 200, '18:00-21:00', NULL, 'OPERATING'),
      ('620103001001', '西园养老院', 'ELDERLY_CARE', 'PRIVATE', false, 80, NULL, NULL, 'OPERATING'),
      ('620201001001', '新华社区服务中心', 'COMMUNITY_SERVICE_CENTRE', 'GOVERNMENT', false, 50, NULL, NULL, 'OPERATING')`);
  await dataSource.query(`
    INSERT INTO service_delivery.service_request
      (id, community_code, service_code, description, channel, status, submitter_sub, idempotency_key, contact_name, contact_phone,
       submitted_at, accepted_at, started_at, resolved_at, closed_at, rejected_at, rejection_reason, satisfaction, rated_at)
    SELECT v.id::uuid, v.code, v.service, v.description, v.channel, v.status, v.submitter, 'fixture-' || v.n, v.contact_name, v.contact_phone,
           now() - v.submitted_days * interval '1 day',
           CASE WHEN v.status NOT IN ('SUBMITTED', 'REJECTED') THEN now() - v.submitted_days * interval '1 day' + interval '1 hour' END,
           CASE WHEN v.status IN ('IN_PROGRESS', 'RESOLVED', 'CLOSED') THEN now() - v.submitted_days * interval '1 day' + interval '2 hours' END,
           now() - v.resolved_days * interval '1 day',
           CASE WHEN v.status = 'CLOSED' THEN now() - v.resolved_days * interval '1 day' + interval '1 day' END,
           CASE WHEN v.status = 'REJECTED' THEN now() - v.submitted_days * interval '1 day' + interval '1 day' END,
           CASE WHEN v.status = 'REJECTED' THEN '不属于社区服务范围' END,
           v.satisfaction,
           CASE WHEN v.satisfaction IS NOT NULL THEN now() - v.resolved_days * interval '1 day' + interval '2 days' END
    FROM (VALUES
      (1, '00000000-0000-4000-8000-000000000001', '620102001001', 'ELDER_MEAL', '为独居老人送餐', 'APP', 'CLOSED', 'resident-1', '张三', '13812345678', 30, 28, 5),
      (2, '00000000-0000-4000-8000-000000000002', '620102001001', 'REPAIR', '楼道灯不亮', 'PHONE', 'RESOLVED', 'resident-2', NULL, NULL, 40, 30, 4),
      (3, '00000000-0000-4000-8000-000000000003', '620102001001', 'ELDER_HOME_CARE', '老人需要助浴', 'COUNTER', 'RESOLVED', 'resident-3', NULL, NULL, 60, 40, 2),
      (4, '00000000-0000-4000-8000-000000000004', '620102001001', 'HEALTH_VISIT', '行动不便需上门诊疗', 'APP', 'SUBMITTED', 'resident-4', '李四', '13900001111', 5, NULL, NULL),
      (5, '00000000-0000-4000-8000-000000000005', '620102001001', 'ENVIRONMENT', '垃圾未清运', 'VISIT', 'IN_PROGRESS', 'resident-5', NULL, NULL, 3, NULL, NULL),
      (6, '00000000-0000-4000-8000-000000000006', '620102001001', 'CERTIFICATE', '开具无犯罪证明', 'COUNTER', 'REJECTED', 'resident-6', NULL, NULL, 20, NULL, NULL),
      (7, '00000000-0000-4000-8000-000000000007', '620102001001', 'REPAIR', '水管漏水', 'PHONE', 'CLOSED', 'resident-7', NULL, NULL, 500, 490, 1),
      (8, '00000000-0000-4000-8000-000000000008', '620102001002', 'DISABILITY_REHAB', '申请康复训练', 'COUNTER', 'CLOSED', 'resident-8', NULL, NULL, 100, 80, 3),
      (9, '00000000-0000-4000-8000-000000000009', '620102001002', 'CHILD_CARE', '孩子放学后无人照看', 'APP', 'ACCEPTED', 'resident-9', NULL, NULL, 10, NULL, NULL),
      (10, '00000000-0000-4000-8000-000000000010', '620103001001', 'HEALTH_CHECK', '预约体检', 'APP', 'RESOLVED', 'resident-10', NULL, NULL, 50, 46, NULL),
      (11, '00000000-0000-4000-8000-000000000011', '620201001001', 'SPORTS', '健身器材损坏', 'PHONE', 'SUBMITTED', 'resident-11', NULL, NULL, 400, NULL, NULL)
    ) AS v (n, id, code, service, description, channel, status, submitter, contact_name, contact_phone, submitted_days, resolved_days, satisfaction)`);
  await dataSource.query(`
    INSERT INTO service_delivery.service_request_transition (request_id, from_status, to_status, actor_sub, actor_roles, occurred_at)
    SELECT id, NULL, 'SUBMITTED', submitter_sub, ARRAY['resident'], submitted_at FROM service_delivery.service_request`);
  await dataSource.query(`
    INSERT INTO service_delivery.service_investment (community_code, year, source, amount, purpose) VALUES
      ('620102001001', extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int, 'STATE', 100000, '日间照料中心改造'),
      ('620102001001', extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int, 'DONATIONS', 20000, '助餐'),
      ('620102001001', extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int - 1, 'STATE', 50000, NULL),
      ('620102002001', extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int, 'ENTERPRISE', 30000, '运动场开放'),
      ('620201001001', extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int, 'PRIVATE', 5000, NULL)`);
}
