import { Client, Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { migrateSubgraphs, SCALES } from '@shequ/kit/testing';
import { governanceSubgraph } from '../subgraph';
import { seedCommunities } from './seed-communities';
import { seedGovernancePlanning } from './seed-planning';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrateSubgraphs(database.url, [governanceSubgraph]);
});
afterAll(() => database.drop());

const referenceDate = new Date(Date.UTC(2026, 10, 29));

async function seedAndSummarise(seed: number) {
  const pool = new Pool({ connectionString: database.url, max: 1 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('TRUNCATE governance.community, governance.region, governance.community_capacity, governance.practical_project, governance.plan, governance.plan_target, governance.plan_measure, governance.demonstration_unit CASCADE');
    const context = { scaleName: 'demo', scale: SCALES.demo, seed, referenceDate, log: () => undefined } as const;
    const communities = await seedCommunities(client, context);
    await seedGovernancePlanning(client, { ...context, communities });
    await client.query('COMMIT');
  } finally {
    client.release();
    await pool.end();
  }
  const reader = new Client({ connectionString: database.url });
  await reader.connect();
  try {
    const { rows } = await reader.query(`
      SELECT (SELECT count(*)::int FROM governance.community_capacity) AS capacities,
             (SELECT count(*)::int FROM governance.practical_project) AS projects,
             (SELECT count(DISTINCT community_code)::int FROM governance.practical_project WHERE year = 2026) AS communities_with_projects_this_year,
             (SELECT count(*)::int FROM governance.plan WHERE status = 'IN_FORCE' AND start_year = 2026) AS plans_in_force,
             (SELECT count(*)::int FROM governance.plan_target) AS targets,
             (SELECT md5(string_agg(community_code || year || title || status, ',' ORDER BY community_code, year, title, status)) FROM governance.practical_project) AS checksum`);
    return rows[0];
  } finally {
    await reader.end();
  }
}

describe('seedGovernancePlanning', () => {
  it('gives every community its capacity and practical projects, and the province and each prefecture a plan in force', async () => {
    const summary = await seedAndSummarise(5);
    expect(summary.capacities).toBe(SCALES.demo.communities);
    expect(summary.communities_with_projects_this_year).toBe(SCALES.demo.communities);
    expect(summary.projects).toBeGreaterThanOrEqual(SCALES.demo.communities * 4);
    expect(summary.projects).toBeLessThanOrEqual(SCALES.demo.communities * 12);
    expect(summary.plans_in_force).toBe(15); // the 15th five-year plan, 2026–2030: province + 14 prefectures
    expect(summary.targets).toBe(15 * 33); // every tier template: 11 indicators × 3 tiers
    expect((await seedAndSummarise(5)).checksum).toBe(summary.checksum);
  });
});
