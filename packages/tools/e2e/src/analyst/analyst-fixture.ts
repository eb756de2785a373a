import type { TestSubgraph } from '@shequ/kit/testing';

type DataSource = TestSubgraph['dataSource'];

/**
 * Facts at fixed dates in 2024 and 2025 for the analysts' questions, over
 * governance's fixture communities plus a third real prefecture (620300,
 * Jinchang) with two invented communities. Instants are written in UTC;
 * China is 8 hours ahead. The figures by hand, for the year 2025 unless said:
 *
 * Service requests resolved (submitted → resolved, days):
 *   620102001001  4 (Jan), 28 (Feb–Mar)     within 15 days 1 of 2
 *   620102001002  3 (Sep)                    1 of 1
 *   620102002001  10 (May)                   1 of 1
 *   620103001001  2 (Jun), 40 (Jul–Aug)      1 of 2
 *   county 620102: 3 of 4 = 0.75 (its communities' rates average 0.833);
 *   county 620103: 1 of 2 = 0.5.
 * Incidents: 620102001001 3 (2 in March, 1 in November; 1 more in June 2024),
 *   620102001002 1, 620103001001 1, 620201001001 1 (2 in 2024),
 *   620302001001 4 — one of them at 00:30 on 1 January 2025 in China, which
 *   is still 2024 in UTC — and 1 at 23:30 on 31 December 2024 in China.
 *   By prefecture 2025 against 2024: 620100 5 vs 1, 620200 1 vs 2, 620300 4 vs 1.
 * Mediation cases closed (agreement?): 620102001001 yes, no; 620103001001 yes;
 *   620201001001 yes; 620302001001 no; 620302001002 yes, no.
 *   Agreement rate by prefecture: 620100 2/3, 620200 1, 620300 1/3 (its
 *   communities' rates average 0.25).
 * Current police liaisons: every community but 620102001003, 620102002002
 *   and 620302001002.
 * Confirmed volunteer hours: 620102001001 50, 620201001001 60,
 *   620302001002 15, 620103001001 40 (per resident 0.01, 0.02, 0.015, 0.005).
 */
export async function insertAnalystFixture(databases: { governance: DataSource; serviceDelivery: DataSource; volunteers: DataSource; publicSafety: DataSource }): Promise<void> {
  await databases.governance.query(`
    INSERT INTO governance.region (code, name, level, parent_code, population, households, synthetic) VALUES
      ('620300', '金昌市', 'PREFECTURE', '620000', 3000, 1000, false),
      ('620302', '金川区（示例）', 'COUNTY', '620300', 3000, 1000, true),
      ('620302001', '滨河路街道（示例）', 'STREET', '620302', 3000, 1000, true)`);
  await databases.governance.query(`
    INSERT INTO governance.community (code, name, street_code, population, households, tier, synthetic) VALUES
      ('620302001001', '金川社区（示例）', '620302001', 2000, 700, 'ADVANCED', true),
      ('620302001002', '滨河社区（示例）', '620302001', 1000, 300, 'STANDARD', true)`);

  await databases.serviceDelivery.query(`
    INSERT INTO service_delivery.service_request
      (community_code, service_code, description, channel, status, submitter_sub, idempotency_key, submitted_at, accepted_at, started_at, resolved_at)
    SELECT v.code, 'REPAIR', '统计测试', 'PHONE', 'RESOLVED', 'analyst-fixture', 'analyst-fixture-' || v.n,
           v.submitted::timestamptz, v.submitted::timestamptz + interval '1 hour', v.submitted::timestamptz + interval '2 hours', v.resolved::timestamptz
    FROM (VALUES
      (1, '620102001001', '2025-01-01T04:00:00Z', '2025-01-05T04:00:00Z'),
      (2, '620102001001', '2025-02-01T04:00:00Z', '2025-03-01T04:00:00Z'),
      (3, '620102002001', '2025-05-01T04:00:00Z', '2025-05-11T04:00:00Z'),
      (4, '620103001001', '2025-06-01T04:00:00Z', '2025-06-03T04:00:00Z'),
      (5, '620103001001', '2025-07-01T04:00:00Z', '2025-08-10T04:00:00Z'),
      (6, '620102001002', '2025-09-01T04:00:00Z', '2025-09-04T04:00:00Z')
    ) AS v (n, code, submitted, resolved)`);

  await databases.publicSafety.query(`
    INSERT INTO public_safety.safety_incident (community_code, category, severity, occurred_at, status, summary)
    SELECT v.code, 'THEFT', 'LOW', v.at::timestamptz, 'RESOLVED', '统计测试'
    FROM (VALUES
      ('620102001001', '2025-03-10T04:00:00Z'), ('620102001001', '2025-03-10T05:00:00Z'), ('620102001001', '2025-11-05T04:00:00Z'),
      ('620102001001', '2024-06-01T04:00:00Z'),
      ('620102001002', '2025-07-15T04:00:00Z'),
      ('620103001001', '2025-09-09T04:00:00Z'),
      ('620201001001', '2025-02-01T04:00:00Z'), ('620201001001', '2024-02-01T04:00:00Z'), ('620201001001', '2024-02-02T04:00:00Z'),
      ('620302001001', '2025-08-08T04:00:00Z'), ('620302001001', '2025-08-08T05:00:00Z'), ('620302001001', '2025-08-08T06:00:00Z'),
      ('620302001001', '2024-12-31T16:30:00Z'),
      ('620302001001', '2024-12-31T15:30:00Z')
    ) AS v (code, at)`);
  await databases.publicSafety.query(`
    INSERT INTO public_safety.mediation_case (community_code, category, received_on, mediator, outcome, closed_on) VALUES
      ('620102001001', 'NEIGHBOURS', '2025-03-01', '调解员', 'AGREEMENT_REACHED', '2025-04-10'),
      ('620102001001', 'FAMILY', '2025-04-01', '调解员', 'FAILED', '2025-05-01'),
      ('620103001001', 'PROPERTY', '2025-05-20', '调解员', 'AGREEMENT_REACHED', '2025-06-01'),
      ('620201001001', 'CONSUMER', '2025-02-20', '调解员', 'AGREEMENT_REACHED', '2025-03-03'),
      ('620302001001', 'LABOUR', '2025-09-01', '调解员', 'FAILED', '2025-09-09'),
      ('620302001002', 'NEIGHBOURS', '2025-10-01', '调解员', 'AGREEMENT_REACHED', '2025-10-10'),
      ('620302001002', 'FAMILY', '2025-10-02', '调解员', 'FAILED', '2025-10-12')`);
  await databases.publicSafety.query(`
    INSERT INTO public_safety.police_liaison (community_code, officer_name, officer_phone, station, since, until)
    SELECT code, '联络警官', '13800000000', '派出所', DATE '2024-01-01', NULL
    FROM unnest(ARRAY['620102001001', '620102001002', '620102002001', '620103001001', '620201001001', '620302001001']) AS code`);

  // One team per community organises an activity in 2025; its hours are confirmed in 10-hour sign-ups (the last one the remainder).
  await databases.volunteers.query(`
    WITH hours (code, total) AS (VALUES ('620102001001', 50), ('620201001001', 60), ('620302001002', 15), ('620103001001', 40)),
    teams AS (
      INSERT INTO volunteers.team (name, community_code) SELECT '统计测试队', code FROM hours RETURNING id, community_code
    ), activities AS (
      INSERT INTO volunteers.activity (title, category, community_code, organiser_team_id, starts_at, ends_at, places)
      SELECT '统计测试活动', 'OTHER', community_code, id, TIMESTAMPTZ '2025-06-15T01:00:00Z', TIMESTAMPTZ '2025-06-15T09:00:00Z', 10 FROM teams
      RETURNING id, community_code
    ), people AS (
      INSERT INTO volunteers.volunteer (community_code, name, phone, id_number, status, registered_on)
      SELECT h.code, '统计志愿者' || n, '13700000000', 'analyst-' || h.code || '-' || n, 'ACTIVE', DATE '2025-01-10'
      FROM hours h, generate_series(1, ceil(h.total / 10.0)::int) AS n
      RETURNING id, community_code, id_number
    )
    INSERT INTO volunteers.activity_signup (activity_id, volunteer_id, community_code, served_on, attended, hours, confirmed_at)
    SELECT a.id, p.id, a.community_code, DATE '2025-06-15', true,
           least(10, h.total - 10 * (split_part(p.id_number, '-', 3)::int - 1)), TIMESTAMPTZ '2025-06-16T04:00:00Z'
    FROM people p JOIN activities a USING (community_code) JOIN hours h ON h.code = p.community_code`);
}
