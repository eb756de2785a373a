import { DataSource, type QueryRunner } from 'typeorm';
import { createTestDatabase } from '@shequ/database/testing';

export interface FactsThroughTriggers {
  dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A test database with a `facts` schema holding one fact table, for the
 * tables the kit keeps by triggers: some facts inserted before `maintain`
 * creates them (their backfill), the rest after, then `changes` (updates
 * and deletes) run through the triggers.
 */
export async function factsThroughTriggers(setup: {
  /** `CREATE TABLE facts.…`. */
  table: string;
  /** Inserts `count` facts, varied by `seed`. */
  insert(dataSource: DataSource, count: number, seed: number): Promise<void>;
  /** How many facts go in before `maintain`, and how many after. */
  counts: [before: number, after: number];
  maintain(runner: QueryRunner): Promise<void>;
  changes: string[];
}): Promise<FactsThroughTriggers> {
  const database = await createTestDatabase();
  const dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  await dataSource.query(`CREATE SCHEMA facts`);
  await dataSource.query(setup.table);
  await setup.insert(dataSource, setup.counts[0], 1);
  const runner = dataSource.createQueryRunner();
  await setup.maintain(runner);
  await runner.release();
  await setup.insert(dataSource, setup.counts[1], 2);
  for (const change of setup.changes) {
    await dataSource.query(change);
  }
  return {
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
