import { Pool, type PoolClient } from 'pg';
import { connectAndMigrate, createLogger, createServiceDataSource, type SubgraphDefinition } from '@shequ/kit';
import { governanceSubgraph } from '@shequ/governance';
import { publicSafetySubgraph } from '@shequ/public-safety';
import { serviceDeliverySubgraph } from '@shequ/service-delivery';
import { volunteersSubgraph } from '@shequ/volunteers';
import { seedGovernance } from './governance/seed-governance';
import { seedGovernancePlanning } from './governance/seed-planning';
import { dropSecondaryIndexes, rebuildIndexes } from './load-indexes';
import { seedPublicSafety } from './public-safety/seed-public-safety';
import type { DepartmentSeeder } from './seed-context';
import { SCALES, type ScaleName } from './scales';
import { seedServiceDelivery } from './service-delivery/seed-service-delivery';
import { seedVolunteers } from './volunteers/seed-volunteers';

/** Every subgraph whose tables the seed writes; governance first, since every record keys on its communities. */
const SEEDED_SUBGRAPHS = [governanceSubgraph, serviceDeliverySubgraph, volunteersSubgraph, publicSafetySubgraph] as SubgraphDefinition<unknown>[];

const DEPARTMENT_SEEDERS: [string, DepartmentSeeder][] = [
  ['governance', seedGovernancePlanning],
  ['service-delivery', seedServiceDelivery],
  ['volunteers', seedVolunteers],
  ['public-safety', seedPublicSafety],
];

export interface SeedOptions {
  databaseUrl: string;
  scale: ScaleName;
  seed: number;
  /** Dates are laid out backwards from this day; by default today (UTC). */
  referenceDate?: Date;
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

/** Tables the seed leaves alone: migration history, audit trails, and reference data the migrations wrote (the tier templates). */
const KEPT_TABLES = ['migrations', 'audit_log', 'tier_target'];

/** Empties every other table of the seeded schemas. */
async function truncateSeededTables(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
     WHERE schemaname = ANY($1) AND NOT tablename = ANY($2)`,
    [SEEDED_SUBGRAPHS.map((definition) => definition.databaseSchema), KEPT_TABLES],
  );
  if (rows.length > 0) {
    await client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY CASCADE`);
  }
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * Replaces all seeded data with the given scale, deterministically for a
 * given seed and reference day, in one transaction: a failed seed leaves the
 * old data.
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
    await truncateSeededTables(client);
    const schemas = SEEDED_SUBGRAPHS.map((definition) => definition.databaseSchema);
    const indexes = await dropSecondaryIndexes(client, schemas);
    log(`governance: regions and communities (${scale.communities} communities)`);
    const { communities } = await seedGovernance(client, scale, options.seed);
    const context = {
      scaleName: options.scale,
      scale,
      seed: options.seed,
      communities,
      referenceDate: startOfUtcDay(options.referenceDate ?? new Date()),
      log,
    };
    for (const [name, seedDepartment] of DEPARTMENT_SEEDERS) {
      const departmentStarted = Date.now();
      await seedDepartment(client, { ...context, log: (message) => log(`${name}: ${message}`) });
      log(`${name}: done in ${((Date.now() - departmentStarted) / 1000).toFixed(1)} s`);
    }
    const indexesStarted = Date.now();
    await rebuildIndexes(client, indexes);
    log(`indexes: ${indexes.length} built in ${((Date.now() - indexesStarted) / 1000).toFixed(1)} s`);
    await client.query('COMMIT');
    // VACUUM too: until the visibility map is set, PostgreSQL reads the heap instead of index-only scans.
    const vacuumStarted = Date.now();
    await client.query('VACUUM (ANALYZE)');
    log(`vacuum and analyze: ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
    log(`seeded scale ${options.scale} with seed ${options.seed} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}
