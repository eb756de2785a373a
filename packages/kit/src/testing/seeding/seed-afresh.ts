import { Pool } from 'pg';
import { databaseSchemaOf } from '@shequ/schema';
import { communityOwner } from './community-owner';
import { SCALES } from './scales';
import type { DepartmentSeeder } from './seed-context';

/**
 * A department seeder's test run: in one transaction, its tables and the
 * communities emptied, the demo scale's communities seeded by their owner,
 * then the department's records. Answers what the seeders logged.
 */
export async function seedDepartmentAfresh(
  databaseUrl: string,
  department: { name: string; tables: readonly string[]; seeder: DepartmentSeeder },
  run: { seed: number; referenceDate: Date },
): Promise<string[]> {
  const owner = communityOwner();
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  const messages: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${department.tables.map((table) => `${databaseSchemaOf(department.name)}.${table}`).join(', ')}`);
    await client.query('TRUNCATE governance.community, governance.region CASCADE');
    const context = { scaleName: 'demo', scale: SCALES.demo, seed: run.seed, referenceDate: run.referenceDate, log: (message: string) => messages.push(message) } as const;
    const communities = await owner.seedCommunities(client, context);
    await department.seeder(client, { ...context, communities });
    await client.query('COMMIT');
  } finally {
    client.release();
    await pool.end();
  }
  return messages;
}
