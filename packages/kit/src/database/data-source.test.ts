import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { createLogger } from '../logging/logger';
import { connectAndMigrate, createServiceDataSource } from './data-source';

/** Slow enough that two unlocked starts would both find it pending. */
class CountedMigration1700000000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE IF NOT EXISTS migration_probe.runs (at timestamptz NOT NULL DEFAULT now())');
    await runner.query('SELECT pg_sleep(0.5)');
    await runner.query('INSERT INTO migration_probe.runs DEFAULT VALUES');
  }

  async down(): Promise<void> {}
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const start = () =>
  createServiceDataSource({ url: database.url, schema: 'migration_probe', entities: [], migrations: [CountedMigration1700000000001], logger: createLogger('probe', 'silent'), poolSize: 1 })
    .dataSource;

describe('migrations at start', () => {
  it('run once when three processes start together: each waits its turn and finds them done', async () => {
    const sources = [start(), start(), start()];
    try {
      await Promise.all(sources.map((source) => connectAndMigrate(source, 'migration_probe')));
      const [{ runs }] = await sources[0].query('SELECT count(*)::int AS runs FROM migration_probe.runs');
      const [{ recorded }] = await sources[0].query('SELECT count(*)::int AS recorded FROM migration_probe.migrations');
      expect({ runs, recorded }).toEqual({ runs: 1, recorded: 1 });
      // The lock is given back: nothing holds it once every start is done.
      const [{ held }] = await sources[0].query("SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND classid = 736001 AND granted");
      expect(held).toBe(0);
    } finally {
      await Promise.all(sources.map((source) => source.destroy()));
    }
  });
});
