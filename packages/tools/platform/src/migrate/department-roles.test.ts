import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { SUBGRAPHS, subgraphEntry } from '@shequ/schema';
import { departmentRoles, departmentRolesSql } from './department-roles';
import { serviceMain } from './run-migrations';
import { runNode } from './testing/run-node';

describe('departmentRolesSql, as written', () => {
  it('makes a role per subgraph of the list, owning its own schema', () => {
    expect(departmentRoles().map(({ subgraph, schema, role }) => ({ subgraph, schema, role }))).toEqual(
      SUBGRAPHS.map((entry) => ({ subgraph: entry.name, schema: entry.name.replaceAll('-', '_'), role: `shequ_${entry.name.replaceAll('-', '_')}` })),
    );
    const sql = departmentRolesSql({ database: 'shequ' });
    expect(sql).toContain('CREATE SCHEMA IF NOT EXISTS "public_safety" AUTHORIZATION "shequ_public_safety";');
    expect(sql).toContain('REVOKE ALL ON DATABASE "shequ" FROM PUBLIC;');
    expect(sql).toContain('REVOKE CREATE ON SCHEMA public FROM PUBLIC;');
  });

  it('writes no password: psql fills each from a variable, or from the environment', () => {
    expect(departmentRolesSql({ database: 'shequ', subgraphs: ['volunteers'] })).toContain(`ALTER ROLE "shequ_volunteers" PASSWORD :'volunteers_password';`);
    expect(departmentRolesSql({ database: 'shequ', subgraphs: ['volunteers'], passwords: 'environment' })).toContain(
      `\\getenv volunteers_password VOLUNTEERS_DATABASE_PASSWORD\nALTER ROLE "shequ_volunteers" PASSWORD :'volunteers_password';`,
    );
    expect(departmentRolesSql({ database: 'shequ', passwords: 'none' })).not.toMatch(/ PASSWORD [:']|\\set|\\getenv/);
  });

  it.each([
    [{ database: 'shequ', rolePrefix: 'Shequ-' }, 'rolePrefix must be lower-case letters, digits and _'],
    [{ database: 'shequ', rolePrefix: `${'x'.repeat(60)}_` }, "is longer than PostgreSQL's 63 characters"],
    [{ database: 'shequ', subgraphs: ['finance'] }, 'no subgraph named finance'],
  ])('refuses %j', (options, message) => {
    expect(() => departmentRolesSql(options)).toThrow(message);
  });
});

/** Connects to the test database as `role`, runs `work`, and disconnects. */
async function as<Result>(url: string, work: (client: Client) => Promise<Result>): Promise<Result> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What PostgreSQL answers `sql`: its error code and message, or `ok`. */
async function attempt(client: Client, sql: string): Promise<string> {
  return client.query(sql).then(
    () => 'ok',
    (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
  );
}

describe('the department roles in PostgreSQL', () => {
  // Roles belong to the whole server, which other test files share: these carry a prefix of this run's own.
  const prefix = `shequ_t${randomBytes(4).toString('hex')}_`;
  const password = randomBytes(12).toString('hex');
  const [governance, volunteers, statistics] = departmentRoles({ rolePrefix: prefix, subgraphs: ['governance', 'volunteers', 'statistics'] });
  const outsider = `${prefix}outsider`;
  let database: TestDatabase;
  let databaseName: string;
  const urlAs = (role: string) => {
    const url = new URL(database.url);
    url.username = role;
    url.password = password;
    return url.toString();
  };
  const admin = <Result>(work: (client: Client) => Promise<Result>) => as(database.url, work);
  const migrate = (subgraph: string, command: string, url: string) => runNode(serviceMain(subgraphEntry(subgraph)), ['migrate', command], { [subgraphEntry(subgraph).databaseUrlVariable]: url });

  beforeAll(async () => {
    database = await createTestDatabase();
    databaseName = new URL(database.url).pathname.slice(1);
    // An administrator migrated statistics before the roles existed (as `pnpm start` would have): its role must take the schema over.
    expect(await migrate('statistics', 'up', database.url)).toMatchObject({ exitCode: 0 });
    const sql = departmentRolesSql({ database: databaseName, rolePrefix: prefix, subgraphs: ['governance', 'volunteers', 'statistics'], passwords: 'none' });
    await admin(async (client) => {
      await client.query(sql);
      // Idempotent: a job that runs again changes nothing and does not fail.
      await client.query(sql);
      for (const role of [governance.role, volunteers.role, statistics.role]) {
        await client.query(`ALTER ROLE "${role}" PASSWORD '${password}'`);
      }
      await client.query(`CREATE ROLE "${outsider}" LOGIN PASSWORD '${password}'`);
    });
  });

  afterAll(async () => {
    await database.drop();
    const server = new URL(database.url);
    server.pathname = '/postgres';
    await as(server.toString(), async (client) => {
      for (const role of [governance.role, volunteers.role, statistics.role, outsider]) {
        await client.query(`DROP ROLE IF EXISTS "${role}"`);
      }
    });
  });

  it('lets each department migrate its own schema as its own role, which then owns every table in it', async () => {
    expect(await migrate('governance', 'up', urlAs(governance.role))).toMatchObject({ exitCode: 0, stderr: '' });
    expect(await migrate('volunteers', 'up', urlAs(volunteers.role))).toMatchObject({ exitCode: 0, stderr: '' });
    const owners = await admin((client) =>
      client.query(`SELECT schemaname, array_agg(DISTINCT tableowner::text) AS owners FROM pg_tables WHERE schemaname IN ('governance', 'volunteers', 'statistics') GROUP BY schemaname ORDER BY schemaname`),
    );
    expect(owners.rows).toEqual([
      { schemaname: 'governance', owners: [governance.role] },
      { schemaname: 'statistics', owners: [statistics.role] },
      { schemaname: 'volunteers', owners: [volunteers.role] },
    ]);
  });

  it('lets a department read and write its own tables', async () => {
    await as(urlAs(governance.role), async (client) => {
      await client.query(`INSERT INTO governance.audit_log (actor_roles, operation, target_type, target_ids) VALUES ('{admin}', 'probe', 'Probe', '{}')`);
      const { rows } = await client.query(`SELECT operation FROM governance.audit_log`);
      expect(rows).toEqual([{ operation: 'probe' }]);
      expect(await attempt(client, 'SELECT count(*) FROM governance.region')).toBe('ok');
    });
  });

  it("refuses a department every other department's tables, both ways", async () => {
    await as(urlAs(volunteers.role), async (client) => {
      expect(await attempt(client, 'SELECT * FROM governance.audit_log')).toBe('42501: permission denied for schema governance');
      expect(await attempt(client, `INSERT INTO governance.audit_log (actor_roles, operation, target_type, target_ids) VALUES ('{}', 'x', 'X', '{}')`)).toBe(
        '42501: permission denied for schema governance',
      );
      expect(await attempt(client, 'SELECT * FROM statistics.refresh_log')).toBe('42501: permission denied for schema statistics');
    });
    await as(urlAs(governance.role), async (client) => {
      expect(await attempt(client, 'SELECT * FROM volunteers.volunteer')).toBe('42501: permission denied for schema volunteers');
      expect(await attempt(client, 'DROP TABLE volunteers.volunteer')).toBe('42501: permission denied for schema volunteers');
    });
  });

  it('gives a department nothing in public, and a role that is not a department no way into the database', async () => {
    await as(urlAs(governance.role), async (client) => {
      expect(await attempt(client, 'CREATE TABLE public.intruder (id int)')).toBe('42501: permission denied for schema public');
    });
    const refusal = await as(urlAs(outsider), async () => 'connected').catch((error: { code?: string }) => error.code);
    expect(refusal).toBe('42501');
  });

  it('hands a schema migrated before the roles existed to its role, which can take a migration back and apply it again', async () => {
    const down = await migrate('statistics', 'down', urlAs(statistics.role));
    expect(down).toMatchObject({ exitCode: 0, stderr: '' });
    expect(down.stdout).toMatch(/^statistics: reverted \w+\d{13}\n$/);
    expect(await migrate('statistics', 'up', urlAs(statistics.role))).toMatchObject({ exitCode: 0, stderr: '' });
  });
});
