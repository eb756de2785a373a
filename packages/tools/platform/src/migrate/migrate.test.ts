import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { SUBGRAPHS, subgraphEntry } from '@shequ/schema';
import { serviceMain } from './run-migrations';
import { runNode } from './testing/run-node';

/** `pnpm migrate` after its build step: the platform package's own built command. */
const CLI = join(__dirname, '..', '..', 'dist', 'migrate', 'migrate.cli.js');
const GOVERNANCE = serviceMain(subgraphEntry('governance'));
const NO_STACK = /\n\s+at |\.(ts|js):\d+/;
const LISTED = SUBGRAPHS.map((entry) => entry.name);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** The migration lines of `governance status`: each migration's state. */
const states = (stdout: string) => stdout.split('\n').filter((line) => /^ {2}(applied|pending) {2}/.test(line)).map((line) => line.trim().split(/\s+/)[0]);

describe("a service's own `main.js migrate`", () => {
  it('lists, applies and reverts with the database URL alone (production mode, no token secret), exiting 0', async () => {
    // As a Kubernetes Job runs it: production, the subgraph's own URL variable, nothing else.
    const env = { NODE_ENV: 'production', GOVERNANCE_DATABASE_URL: database.url };
    const before = await runNode(GOVERNANCE, ['migrate', 'status'], env);
    expect(before).toMatchObject({ exitCode: 0, stderr: '' });
    expect(before.stdout).toMatch(/^governance \(schema governance\): (\d+) migrations, \1 pending\n/);
    const count = states(before.stdout).length;
    expect(count).toBeGreaterThan(1);

    const up = await runNode(GOVERNANCE, ['migrate', 'up'], env);
    expect(up).toMatchObject({ exitCode: 0, stderr: '' });
    expect(up.stdout.split('\n').filter((line) => line.startsWith('governance: applied '))).toHaveLength(count);
    expect(up.stdout).toContain(`governance: up to date (${count} migrations applied)`);

    const down = await runNode(GOVERNANCE, ['migrate', 'down'], env);
    expect(down).toMatchObject({ exitCode: 0, stderr: '' });
    expect(down.stdout).toMatch(/^governance: reverted \w+\d{13}\n$/);

    const after = await runNode(GOVERNANCE, ['migrate', 'status'], env);
    expect(after.stdout).toContain(`governance (schema governance): ${count} migrations, 1 pending`);
    expect(states(after.stdout)).toEqual([...Array(count - 1).fill('applied'), 'pending']);
  });

  it.each([
    [['migrate', 'sideways'], { DATABASE_URL: 'postgres://localhost/x' }, 'migrate: expected one of up, down, status\nusage: node dist/main.js [migrate up|down|status]'],
    [['migrate'], { DATABASE_URL: 'postgres://localhost/x' }, 'migrate: expected one of up, down, status\nusage: node dist/main.js [migrate up|down|status]'],
    [['serve'], { DATABASE_URL: 'postgres://localhost/x' }, 'unknown argument serve\nusage: node dist/main.js [migrate up|down|status]'],
    [['migrate', 'up'], { NODE_ENV: 'production' }, 'Invalid environment:\n  DATABASE_URL: required (or GOVERNANCE_DATABASE_URL); the migration command needs nothing else'],
    [['migrate', 'status'], { GOVERNANCE_DATABASE_URL: 'postgres://nobody:a-secret@127.0.0.1:1/shequ' }, 'governance: migrate status failed to connect: connect ECONNREFUSED 127.0.0.1:1'],
  ])('%j with %j exits 1 saying why, without a stack or the password', async (args, env, message) => {
    const run = await runNode(GOVERNANCE, args, env);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.stderr).not.toContain('a-secret');
  });
});

describe('MIGRATE_ON_START=false', () => {
  it('stops a subgraph whose migrations are pending before it serves, naming them', async () => {
    const empty = await createTestDatabase();
    try {
      const run = await runNode(GOVERNANCE, [], { NODE_ENV: 'development', PORT: '0', DATABASE_URL: empty.url, MIGRATE_ON_START: 'false' });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toMatch(/^governance: \d+ migrations are pending in schema governance \(RegionsAndCommunities1764400000000, AuditLog1764400000001, .*\) and MIGRATE_ON_START=false: /);
      expect(run.stderr).not.toMatch(NO_STACK);
    } finally {
      await empty.drop();
    }
  });
});

describe('pnpm migrate', () => {
  it('runs `all status` through every service in the list’s order', async () => {
    const run = await runNode(CLI, ['all', 'status'], { DATABASE_URL: database.url });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    const headers = run.stdout.split('\n').filter((line) => !line.startsWith(' ') && line !== '');
    expect(headers.map((line) => line.split(' ')[0])).toEqual(LISTED);
    expect(headers[0]).toMatch(/^governance \(schema governance\): \d+ migrations, 1 pending$/);
  });

  it('applies one subgraph’s pending migrations', async () => {
    const run = await runNode(CLI, ['governance', 'up'], { DATABASE_URL: database.url });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(run.stdout).toMatch(/^governance: applied \w+\d{13}\ngovernance: up to date \(\d+ migrations applied\)\n$/);
  });

  it.each([
    [['finance', 'up'], `unknown subgraph finance: expected ${LISTED.join(', ')} or all`],
    [['all', 'down'], '`all down` reverts the last migration of every subgraph: add --yes to mean it, or name one subgraph'],
  ])('refuses %j, exiting 1 with the valid choices', async (args, message) => {
    const run = await runNode(CLI, args, { DATABASE_URL: database.url });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`${message}\nusage: pnpm migrate <subgraph|all> <up|down|status> [--yes]\n  subgraphs: ${LISTED.join(', ')}, or all`);
  });

  it('stops at the first subgraph that fails and says which were left alone', async () => {
    const run = await runNode(CLI, ['all', 'up'], { DATABASE_URL: database.url, GOVERNANCE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/shequ' });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('governance: migrate up failed to connect');
    expect(run.stdout).toContain(`stopped: governance failed, so ${LISTED.slice(1).join(', ')} were not migrated up`);
  });
});
