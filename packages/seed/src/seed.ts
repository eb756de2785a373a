import { Pool } from 'pg';
import { connectAndMigrate, createLogger, createServiceDataSource, type SubgraphDefinition } from '@shequ/kit';
import { governanceSubgraph } from '@shequ/governance';
import { seedGovernance } from './governance/seed-governance';
import { SCALES, type ScaleName } from './scales';

/** Every subgraph whose tables the seed writes, in the order their data depends on each other. */
const SEEDED_SUBGRAPHS: SubgraphDefinition<unknown>[] = [governanceSubgraph as SubgraphDefinition<unknown>];

export interface SeedOptions {
  databaseUrl: string;
  scale: ScaleName;
  seed: number;
  log?: (message: string) => void;
}

/** Brings every seeded subgraph's schema up to date through its own migrations. */
export async function migrateAll(databaseUrl: string): Promise<void> {
  const logger = createLogger('seed', 'warn');
  for (const definition of SEEDED_SUBGRAPHS) {
    const { dataSource } = createServiceDataSource({ url: databaseUrl, schema: definition.databaseSchema, entities: definition.entities, migrations: definition.migrations, logger, poolSize: 1 });
    await connectAndMigrate(dataSource, definition.databaseSchema);
    await dataSource.destroy();
  }
}

/** True when no region has been loaded yet. */
export async function isDatabaseEmpty(databaseUrl: string): Promise<boolean> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query(`SELECT to_regclass('governance.region') IS NULL OR NOT EXISTS (SELECT 1 FROM governance.region) AS empty`);
    return rows[0].empty as boolean;
  } catch {
    return true;
  } finally {
    await pool.end();
  }
}

/**
 * Replaces all seeded data with the given scale, deterministically for a
 * given seed, in one transaction: a failed seed leaves the old data.
 */
export async function seedDatabase(options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const scale = SCALES[options.scale];
  const started = Date.now();
  await migrateAll(options.databaseUrl);
  const pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('TRUNCATE governance.community, governance.region');
    log(`governance: regions and communities (${scale.communities} communities)`);
    await seedGovernance(client, scale, options.seed);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    log(`seeded scale ${options.scale} with seed ${options.seed} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}
