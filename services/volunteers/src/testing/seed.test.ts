import { Pool, type PoolClient } from 'pg';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { communityOwner, migrateSubgraphs, SCALES, type CommunityRow } from '@shequ/kit/testing';
import { volunteersSubgraph } from '../subgraph';
import { seedVolunteers } from './seed';

const owner = communityOwner();
let database: TestDatabase;
let pool: Pool;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrateSubgraphs(database.url, [owner.subgraph({}), volunteersSubgraph]);
  pool = new Pool({ connectionString: database.url, max: 1 });
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const referenceDate = new Date(Date.UTC(2026, 2, 1));
const TABLES = ['hour_redemption', 'activity_signup', 'activity', 'team_member', 'team', 'organization_community', 'organization', 'volunteer'];

async function seedOnce(client: PoolClient, communities: readonly CommunityRow[]): Promise<string> {
  await client.query(`TRUNCATE ${TABLES.map((table) => `volunteers.${table}`).join(', ')}`);
  await seedVolunteers(client, { scaleName: 'demo', scale: SCALES.demo, seed: 7, communities, referenceDate, log: () => undefined });
  const { rows } = await client.query(`SELECT
    (SELECT md5(string_agg(v::text, ',' ORDER BY v.id)) FROM volunteers.volunteer v) ||
    (SELECT md5(string_agg(s::text, ',' ORDER BY s.activity_id, s.volunteer_id)) FROM volunteers.activity_signup s) ||
    (SELECT md5(string_agg(o::text, ',' ORDER BY o.id)) FROM volunteers.organization o) AS digest`);
  return rows[0].digest;
}

describe('seedVolunteers', () => {
  it('writes realistic, consistent and deterministic volunteering at demo scale', async () => {
    const started = Date.now();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const communities = await owner.seedCommunities(client, { scaleName: 'demo', scale: SCALES.demo, seed: 7, referenceDate, log: () => undefined });
      const first = await seedOnce(client, communities);
      process.stdout.write(`seeded demo volunteers in ${Date.now() - started} ms\n`);
      const { rows: [counts] } = await client.query(`SELECT
        (SELECT count(*) FROM volunteers.volunteer)::int AS volunteers,
        (SELECT count(DISTINCT community_code) FROM volunteers.volunteer)::int AS communities_with_volunteers,
        (SELECT count(*) FROM volunteers.activity)::int AS activities,
        (SELECT count(*) FROM volunteers.activity_signup)::int AS sign_ups,
        (SELECT count(*) FROM volunteers.organization)::int AS organizations,
        (SELECT count(DISTINCT stage) FROM volunteers.organization)::int AS stages,
        (SELECT count(*) FROM volunteers.volunteer v
           LEFT JOIN (SELECT volunteer_id, sum(hours) AS hours FROM volunteers.activity_signup WHERE confirmed_at IS NOT NULL GROUP BY 1) c ON c.volunteer_id = v.id
           LEFT JOIN (SELECT volunteer_id, sum(hours) AS hours FROM volunteers.hour_redemption GROUP BY 1) r ON r.volunteer_id = v.id
           WHERE v.hour_balance <> coalesce(c.hours, 0) - coalesce(r.hours, 0))::int AS inconsistent_balances,
        (SELECT count(*) FROM volunteers.activity_signup s JOIN volunteers.activity a ON a.id = s.activity_id WHERE s.community_code <> a.community_code)::int AS misplaced`);
      expect(counts.communities_with_volunteers).toBe(communities.length);
      expect(counts.volunteers).toBeGreaterThan(communities.length * 60);
      expect(counts.volunteers).toBeLessThanOrEqual(communities.length * 120);
      expect(counts.activities).toBeGreaterThan(communities.length * 2);
      expect(counts.sign_ups).toBeGreaterThan(counts.activities * 2);
      expect(counts.stages).toBe(4);
      expect(counts.organizations).toBeGreaterThanOrEqual(84);
      expect(counts.inconsistent_balances).toBe(0);
      expect(counts.misplaced).toBe(0);

      // long tail: the top 10 % of serving volunteers give well over a third of the confirmed hours
      const { rows: [tail] } = await client.query(`SELECT sum(total) FILTER (WHERE rank <= n / 10) / sum(total) AS top_share FROM (
        SELECT sum(hours) AS total, row_number() OVER (ORDER BY sum(hours) DESC) AS rank, count(*) OVER () AS n
        FROM volunteers.activity_signup WHERE confirmed_at IS NOT NULL GROUP BY volunteer_id) per_volunteer`);
      expect(Number(tail.top_share)).toBeGreaterThan(0.35);

      // the share of residents volunteering differs by prefecture
      const { rows: shares } = await client.query(`SELECT left(community_code, 4) AS prefecture, count(*)::float8 AS volunteers FROM volunteers.volunteer GROUP BY 1`);
      expect(new Set(shares.map((row) => Math.round(row.volunteers / 100))).size).toBeGreaterThan(3);

      expect(await seedOnce(client, communities)).toBe(first);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });

  it('seeds ten times the volunteers and hours of the same residents at the stress scale', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const communities = await owner.seedCommunities(client, { scaleName: 'demo', scale: SCALES.demo, seed: 7, referenceDate, log: () => undefined });
      // Residents as a stress-scale community has them: the census's population over 150,000 communities.
      const small = communities.slice(0, 40).map((community) => ({ ...community, population: 170 }));
      const countAt = async (scaleName: 'province' | 'stress') => {
        await client.query(`TRUNCATE ${TABLES.map((table) => `volunteers.${table}`).join(', ')}`);
        await seedVolunteers(client, { scaleName, scale: SCALES[scaleName], seed: 7, communities: small, referenceDate, log: () => undefined });
        const { rows: [counts] } = await client.query(`SELECT (SELECT count(*) FROM volunteers.volunteer)::int AS volunteers, (SELECT count(*) FROM volunteers.activity_signup)::int AS sign_ups`);
        return counts as { volunteers: number; sign_ups: number };
      };
      const province = await countAt('province');
      const stress = await countAt('stress');
      expect(province.volunteers).toBeGreaterThan(small.length * 3);
      expect(stress.volunteers / province.volunteers).toBeGreaterThan(8);
      expect(stress.volunteers / province.volunteers).toBeLessThan(12);
      expect(stress.sign_ups / province.sign_ups).toBeGreaterThan(5);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
