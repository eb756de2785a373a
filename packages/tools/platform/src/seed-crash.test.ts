import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { databaseSchemaOf, DEPARTMENTS, subgraphEntry } from '@shequ/schema';
import { startNodeProcess, stopProcess, type ManagedProcess } from './child-process';
import { serviceMain } from './migrate/run-migrations';
import { runNode } from './migrate/testing/run-node';
import { collectLines, isRunning, startDatabaseHost, waitFor, type DatabaseHost } from './testing/database-host';

const SEED_CLI = join(dirname(require.resolve('@shequ/seed/package.json')), 'dist', 'seed.cli.js');
const SCHEMAS = DEPARTMENTS.map(databaseSchemaOf);
/** Tables of each department that the seed fills and the migrations leave empty. */
const SEEDED_TABLES = ['governance.region', 'governance.community', 'service_delivery.service_request', 'volunteers.volunteer', 'volunteers.activity_signup', 'public_safety.safety_incident', 'public_safety.mediation_case'];

async function query<Row>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  // Without a listener a dying server's socket error would be thrown out of the test as an unhandled 'error' event.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Rows in every table of the departments' schemas, by table. */
async function rowCounts(url: string): Promise<Map<string, number>> {
  const tables = await query<{ name: string; schema: string; table: string }>(url, `SELECT format('%I.%I', schemaname, tablename) AS name, schemaname AS schema, tablename AS table FROM pg_tables WHERE schemaname = ANY($1) ORDER BY 1`, [SCHEMAS]);
  const counts = await query<{ name: string; rows: number }>(url, tables.map((table) => `SELECT '${table.schema}.${table.table}' AS name, count(*)::int AS rows FROM ${table.name}`).join(' UNION ALL '));
  return new Map(counts.map((row) => [row.name, row.rows]));
}

interface SeedRun {
  seed: ManagedProcess;
  stdout: string[];
  stderr: string[];
  /** The exit code, once the output has been read to its end too ('exit' may come before the last lines). */
  finished: Promise<number | null>;
}

function startSeed(url: string): SeedRun {
  const seed = startNodeProcess('seed', SEED_CLI, { DATABASE_URL: url }, ['--scale', 'demo'], true);
  const finished = new Promise<number | null>((resolve) => seed.child.once('close', (code) => resolve(code)));
  return { seed, finished, ...collectLines(seed) };
}

/**
 * The seed writes every department in one transaction: PostgreSQL killed with
 * SIGKILL part-way (rows written, not committed) must leave none of them
 * visible once the launcher's DatabaseSupervisor has restarted it, the seed
 * must fail with one clear line, and running it again must load the data.
 * Real parts only: the built seed CLI against a throwaway embedded PostgreSQL.
 */
describe('a seed cut off by a PostgreSQL crash', () => {
  let database: DatabaseHost | undefined;
  const seeds: ManagedProcess[] = [];
  /** Rows as the departments' own migrations leave them: reference data (the service catalogue, tier targets) and their history. */
  let migrated: Map<string, number>;

  beforeAll(async () => {
    database = await startDatabaseHost('seed-crash');
    // Migrated before the seed starts, so that what the seed's transaction must leave behind is known: the seed
    // writes some of the migrations' reference tables too (truncated and written again).
    for (const name of DEPARTMENTS) {
      const entry = subgraphEntry(name);
      const run = await runNode(serviceMain(entry), ['migrate', 'up'], { [entry.databaseUrlVariable]: database.url });
      if (run.exitCode !== 0) {
        throw new Error(`${name} did not migrate:\n${run.stdout}${run.stderr}`);
      }
    }
    migrated = await rowCounts(database.url);
  });

  afterAll(async () => {
    for (const seed of seeds.filter(isRunning)) {
      await stopProcess(seed);
    }
    await database?.stop();
  });

  it('fails with one line and leaves no half-written batch when the postmaster is killed mid-seed', async () => {
    const { url, pid, lines: hostLines } = database as DatabaseHost;
    const { seed, stdout, stderr, finished } = startSeed(url);
    seeds.push(seed);

    // Governance and service delivery are seeded before volunteers and public safety: once the seed's
    // transaction (it holds an xid once it has written) inserts into those, the earlier rows sit uncommitted.
    await waitFor(async () => {
      if (!isRunning(seed)) {
        return true;
      }
      const writing = await query(url, `SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND query ~ '^INSERT INTO (volunteers|public_safety)\\.'`);
      return writing.length > 0;
    }, 'the seed to write the later departments');
    expect(isRunning(seed)).toBe(true);

    process.kill(pid, 'SIGKILL');
    const exitCode = await finished;
    await waitFor(() => hostLines.some((line) => line.startsWith('PostgreSQL is running again')), 'PostgreSQL to be restarted');

    expect(hostLines).toContain('PostgreSQL stopped unexpectedly; restarting in 200 ms');
    // Part-way: earlier departments written, the indexes (built just before COMMIT) not reached.
    expect(stdout).toContainEqual(expect.stringMatching(/^service-delivery: done in /));
    expect(stdout).not.toContainEqual(expect.stringMatching(/^indexes: /));
    expect(exitCode).toBe(1);
    expect(stderr).toEqual([expect.stringMatching(/^seed failed: \S/)]);

    const counts = await rowCounts(url);
    for (const table of SEEDED_TABLES) {
      expect(counts.get(table)).toBe(0);
    }
    // Every table of every department, not only those above: nothing of the seed's, nothing of the migrations' lost.
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(migrated));
  });

  it('loads every department when run again', async () => {
    const { url } = database as DatabaseHost;
    const { seed, stdout, stderr, finished } = startSeed(url);
    seeds.push(seed);

    expect(await finished).toBe(0);
    expect(stderr).toEqual([]);
    expect(stdout).toContainEqual(expect.stringMatching(/^seeded scale demo with seed 1 in /));
    const counts = await rowCounts(url);
    for (const table of SEEDED_TABLES) {
      expect(counts.get(table)).toBeGreaterThan(0);
    }
  });
});
