import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { MigrationCommandError, runMigrationCommand, type MigrationCommand, type MigrationTarget } from './migration-command';

/** The probe's history in `schema`: a table of its own, then a change slow enough that two unlocked runs would both find it pending (it counts its runs in a table `down` keeps). */
function probeMigrations(schema: string): (new () => MigrationInterface)[] {
  class ProbeTable1700000000001 implements MigrationInterface {
    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE TABLE "${schema}".probe (id int PRIMARY KEY)`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE "${schema}".probe`);
    }
  }

  class CountedRuns1700000000002 implements MigrationInterface {
    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE TABLE IF NOT EXISTS "${schema}".runs (at timestamptz NOT NULL DEFAULT now())`);
      await runner.query('SELECT pg_sleep(0.5)');
      await runner.query(`INSERT INTO "${schema}".runs DEFAULT VALUES`);
      await runner.query(`ALTER TABLE "${schema}".probe ADD COLUMN label text`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`ALTER TABLE "${schema}".probe DROP COLUMN label`);
    }
  }
  return [ProbeTable1700000000001, CountedRuns1700000000002];
}

/** A migration that cannot apply: it names a table nobody made. */
class Broken1700000000003 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE nowhere.nothing ADD COLUMN x int');
  }

  async down(): Promise<void> {}
}

/** A subgraph of its own schema, so each test starts from an empty history. */
function probe(schema: string, extra: (new () => MigrationInterface)[] = []): MigrationTarget {
  return { name: `probe-${schema}`, databaseSchema: schema, entities: [], migrations: [...probeMigrations(schema), ...extra] };
}

let database: TestDatabase;
let client: Client;
beforeAll(async () => {
  database = await createTestDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

/** Runs a command and returns the lines it printed. */
async function run(target: MigrationTarget, command: MigrationCommand): Promise<string[]> {
  const lines: string[] = [];
  await runMigrationCommand(target, command, database.url, (line) => lines.push(line));
  return lines;
}

async function columnsOf(schema: string): Promise<string[]> {
  const { rows } = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'probe' ORDER BY ordinal_position`, [schema]);
  return rows.map((row) => row.column_name);
}

describe('migrate status, up and down', () => {
  it('lists pending, applies, lists applied, reverts the last, then the one before, then has nothing to revert', async () => {
    const target = probe('walkthrough');
    expect(await run(target, 'status')).toEqual([
      'probe-walkthrough (schema walkthrough): 2 migrations, 2 pending',
      '  pending  ProbeTable1700000000001',
      '  pending  CountedRuns1700000000002',
    ]);
    // Asking created nothing: not even the schema.
    expect((await client.query(`SELECT to_regnamespace('walkthrough') AS schema`)).rows[0].schema).toBeNull();

    expect(await run(target, 'up')).toEqual([
      'probe-walkthrough: applied ProbeTable1700000000001',
      'probe-walkthrough: applied CountedRuns1700000000002',
      'probe-walkthrough: up to date (2 migrations applied)',
    ]);
    expect(await columnsOf('walkthrough')).toEqual(['id', 'label']);
    expect(await run(target, 'status')).toEqual([
      'probe-walkthrough (schema walkthrough): 2 migrations, none pending',
      '  applied  ProbeTable1700000000001',
      '  applied  CountedRuns1700000000002',
    ]);
    expect(await run(target, 'up')).toEqual(['probe-walkthrough: nothing to apply, up to date (2 migrations applied)']);

    expect(await run(target, 'down')).toEqual(['probe-walkthrough: reverted CountedRuns1700000000002']);
    expect(await columnsOf('walkthrough')).toEqual(['id']);
    expect(await run(target, 'status')).toEqual([
      'probe-walkthrough (schema walkthrough): 2 migrations, 1 pending',
      '  applied  ProbeTable1700000000001',
      '  pending  CountedRuns1700000000002',
    ]);
    expect(await run(target, 'down')).toEqual(['probe-walkthrough: reverted ProbeTable1700000000001']);
    expect(await columnsOf('walkthrough')).toEqual([]);
    expect(await run(target, 'down')).toEqual(['probe-walkthrough: nothing to revert (no migration applied)']);
  });

  it('runs two `up` at once one after the other: both succeed, the migrations run once, and the lock is given back', async () => {
    const target = probe('together');
    const outputs = await Promise.all([run(target, 'up'), run(target, 'up')]);
    const { rows } = await client.query('SELECT (SELECT count(*)::int FROM together.runs) AS runs, (SELECT count(*)::int FROM together.migrations) AS recorded');
    expect(rows[0]).toEqual({ runs: 1, recorded: 2 });
    // One applied both, the other found them done.
    expect(outputs.map((lines) => lines.at(-1)).sort()).toEqual([
      'probe-together: nothing to apply, up to date (2 migrations applied)',
      'probe-together: up to date (2 migrations applied)',
    ]);
    const held = await client.query("SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND classid = 736001 AND granted");
    expect(held.rows[0].held).toBe(0);
  });

  it('says which migration failed and why, keeping the ones before it, with no stack', async () => {
    const target = probe('broken', [Broken1700000000003]);
    const failure = await run(target, 'up').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationCommandError);
    const { message } = failure as MigrationCommandError;
    expect(message).toBe('probe-broken: migrate up failed at Broken1700000000003: schema "nowhere" does not exist');
    expect(await run(target, 'status')).toEqual([
      'probe-broken (schema broken): 3 migrations, 1 pending',
      '  applied  ProbeTable1700000000001',
      '  applied  CountedRuns1700000000002',
      '  pending  Broken1700000000003',
    ]);
  });

  it('lists a migration a newer release applied, and refuses to revert it without its `down`', async () => {
    const newer = probe('newer', [class Later1700000000009 implements MigrationInterface {
      async up(runner: QueryRunner): Promise<void> {
        await runner.query('SELECT 1');
      }

      async down(): Promise<void> {}
    }]);
    await run(newer, 'up');
    const older = probe('newer');
    expect(await run(older, 'status')).toEqual([
      'probe-newer (schema newer): 2 migrations, none pending',
      '  applied  ProbeTable1700000000001',
      '  applied  CountedRuns1700000000002',
      '  applied  Later1700000000009        (applied by another release: not in this build)',
    ]);
    await expect(run(older, 'down')).rejects.toThrow('probe-newer: migrate down failed: the last migration applied to newer, Later1700000000009, is not in this build: revert it with the release that applied it');
    expect((await client.query('SELECT count(*)::int AS recorded FROM newer.migrations')).rows[0].recorded).toBe(3);
  });

  it('says it could not connect, naming neither password nor stack', async () => {
    const url = new URL(database.url);
    url.port = '1';
    url.password = 'a-secret-password';
    const failure = (await runMigrationCommand(probe('unreachable'), 'status', url.toString(), () => undefined).catch((error: unknown) => error)) as Error;
    expect(failure).toBeInstanceOf(MigrationCommandError);
    expect(failure.message).toMatch(/^probe-unreachable: migrate status failed to connect: .*ECONNREFUSED/);
    expect(failure.message).not.toMatch(/a-secret-password|\n\s+at /);
  });
});
