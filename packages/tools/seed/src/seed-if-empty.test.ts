import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { migrateAll, seedEmptyDatabase } from './seed';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function query<Row>(sql: string): Promise<Row[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe('seedEmptyDatabase (pnpm seed --if-empty, the compose seed step)', () => {
  it('leaves a database that already holds a region as it is, and says it did not seed', async () => {
    await migrateAll(database.url);
    // One region written through the graph (or by an earlier seed): what a repeated seed step must not wipe.
    await query(`INSERT INTO governance.region (code, name, level, population, households) VALUES ('620000', '甘肃省', 'PROVINCE', 100, 40)`);
    const logged: string[] = [];
    expect(await seedEmptyDatabase({ databaseUrl: database.url, scale: 'demo', seed: 1, log: (line) => logged.push(line) })).toBe(false);
    expect(logged).toEqual([]);
    expect(await query('SELECT code, population FROM governance.region')).toEqual([{ code: '620000', population: 100 }]);
  });
});
