import { Pool, type PoolClient } from 'pg';
import { SUBGRAPHS } from '@shequ/schema';
import { migrateSubgraphs, SCALES, subgraphTestingOf, type CommunitySeeder, type ScaleName, type SubgraphTesting } from '@shequ/kit/testing';
import { dropSecondaryIndexes, rebuildIndexes } from './load-indexes';

interface Department {
  name: string;
  testing: SubgraphTesting;
}

/** The department that owns Region and Community, and how it seeds them. */
interface CommunityOwner {
  name: string;
  seedCommunities: CommunitySeeder;
}

/**
 * The departments of the subgraph list, the owner of communities first
 * (every other department's records key on its communities), then the
 * others in the list's order.
 */
function departments(): { owner: CommunityOwner; seeded: Department[] } {
  const listed = SUBGRAPHS.filter((entry) => entry.department).map((entry) => ({ name: entry.name, testing: subgraphTestingOf(entry) }));
  const owners = listed.filter((department) => department.testing.ownsCommunities);
  const [owner] = owners;
  if (owners.length !== 1 || !owner.testing.seedCommunities) {
    throw new Error(`the seed needs one department that owns the communities and offers seedCommunities; departments that own them: ${owners.map((department) => department.name).join(', ') || 'none'}`);
  }
  return {
    owner: { name: owner.name, seedCommunities: owner.testing.seedCommunities },
    seeded: [owner, ...listed.filter((department) => department !== owner)],
  };
}

function subgraphsOf(seeded: readonly Department[]) {
  return seeded.map((department) => department.testing.subgraph({}));
}

export interface SeedOptions {
  databaseUrl: string;
  scale: ScaleName;
  seed: number;
  /** Dates are laid out backwards from this day; by default today (UTC). */
  referenceDate?: Date;
  log?: (message: string) => void;
}

/** Brings every department's schema up to date through its own migrations. */
export async function migrateAll(databaseUrl: string): Promise<void> {
  await migrateSubgraphs(databaseUrl, subgraphsOf(departments().seeded));
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
 * Seeds only a database that holds no regions yet, and says whether it did:
 * `pnpm seed --if-empty`, the compose file's seed step, which may be run
 * again on a database that already holds what was written through the graph.
 */
export async function seedEmptyDatabase(options: SeedOptions): Promise<boolean> {
  if (!(await isDatabaseEmpty(options.databaseUrl))) {
    return false;
  }
  await seedDatabase(options);
  return true;
}

/** Tables the seed leaves alone: migration history, audit trails, and reference data the migrations wrote (the tier templates). */
const KEPT_TABLES = ['migrations', 'audit_log', 'tier_target'];

/** Empties every other table of the seeded schemas. */
async function truncateSeededTables(client: PoolClient, schemas: readonly string[]): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
     WHERE schemaname = ANY($1) AND NOT tablename = ANY($2)`,
    [schemas, KEPT_TABLES],
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
  const { owner, seeded } = departments();
  const subgraphs = subgraphsOf(seeded);
  await migrateSubgraphs(options.databaseUrl, subgraphs);
  const pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
  const client = await pool.connect();
  // A server lost between two statements reaches a checked-out client as an 'error' event: kept to report, not thrown
  // out of the process; the next statement then fails.
  let lost: Error | undefined;
  client.on('error', (error) => (lost ??= error));
  try {
    await client.query('BEGIN');
    const schemas = subgraphs.map((definition) => definition.databaseSchema);
    await truncateSeededTables(client, schemas);
    const indexes = await dropSecondaryIndexes(client, schemas);
    const base = {
      scaleName: options.scale,
      scale,
      seed: options.seed,
      referenceDate: startOfUtcDay(options.referenceDate ?? new Date()),
    };
    log(`${owner.name}: regions and communities (${scale.communities} communities)`);
    const communities = await owner.seedCommunities(client, { ...base, log: (message) => log(`${owner.name}: ${message}`) });
    for (const { name, testing } of seeded) {
      if (!testing.seed) {
        continue;
      }
      const departmentStarted = Date.now();
      await testing.seed(client, { ...base, communities, log: (message) => log(`${name}: ${message}`) });
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
    // Over a lost connection there is nothing to roll back (the server dropped the transaction), and the loss is what to report.
    await client.query('ROLLBACK').catch(() => undefined);
    throw lost ?? error;
  } finally {
    client.release(lost);
    await pool.end();
  }
}
