import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { SCALES } from '@shequ/kit/testing';
import { isDatabaseEmpty, migrateAll, seedDatabase } from './seed';

// Every department seeds the demo scale here, three times over.
jest.setTimeout(180_000);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function snapshot(): Promise<{ regions: number; communities: number; tier_targets: number; checksum: string }> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT (SELECT count(*)::int FROM governance.region) AS regions,
             (SELECT count(*)::int FROM governance.community) AS communities,
             (SELECT count(*)::int FROM governance.tier_target) AS tier_targets,
             (SELECT md5(string_agg(code || name || population || tier, ',' ORDER BY code)) FROM governance.community) AS checksum`);
    return rows[0];
  } finally {
    await client.end();
  }
}

const referenceDate = new Date(Date.UTC(2026, 10, 29));

/** Every index of the seeded schemas, as PostgreSQL would create it again. */
async function indexDefinitions(): Promise<string[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT indexdef FROM pg_indexes WHERE schemaname IN ('governance', 'service_delivery', 'volunteers', 'public_safety') ORDER BY indexdef`);
    return rows.map((row) => row.indexdef as string);
  } finally {
    await client.end();
  }
}

describe('seedDatabase', () => {
  it('migrates an empty database and loads the demo scale through governance tables', async () => {
    expect(await isDatabaseEmpty(database.url)).toBe(true);
    await migrateAll(database.url);
    const migratedIndexes = await indexDefinitions();
    expect(migratedIndexes.length).toBeGreaterThan(20);
    const messages: string[] = [];
    await seedDatabase({ databaseUrl: database.url, scale: 'demo', seed: 3, referenceDate, log: (message) => messages.push(message) });
    // The load drops secondary indexes and builds them once at the end: every one is back as it was.
    expect(messages.some((message) => /^indexes: \d+ built/.test(message))).toBe(true);
    expect(await indexDefinitions()).toEqual(migratedIndexes);
    expect(await isDatabaseEmpty(database.url)).toBe(false);
    const first = await snapshot();
    expect(first.communities).toBe(SCALES.demo.communities);
    // The tier templates are reference data the migration wrote: seeding keeps them.
    expect(first.tier_targets).toBe(33);
    expect(first.regions).toBe(1 + 14 + SCALES.demo.counties + SCALES.demo.streets);
  });

  it('replaces the data, the same for the same seed', async () => {
    const before = await snapshot();
    await seedDatabase({ databaseUrl: database.url, scale: 'demo', seed: 3, referenceDate });
    expect(await snapshot()).toEqual(before);
    await seedDatabase({ databaseUrl: database.url, scale: 'demo', seed: 4, referenceDate });
    expect((await snapshot()).checksum).not.toBe(before.checksum);
  });
});
