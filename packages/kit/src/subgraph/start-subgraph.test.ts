import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../server/context';
import { SERVICE_HEADER, SERVICE_SIGNATURE_HEADER, serviceRequestHeaders, signGatewayRequest } from '../auth/gateway-signature';
import { createTestDatabase } from '@shequ/database/testing';
import { runMigrationCommand } from '../database/migration-command';
import { StartupError } from '../environment/parse-environment';
import { graphqlRequest, startTestSubgraph, testToken, TEST_JWT_SECRET, TEST_SIGNING_KEY, type TestSubgraph } from '../testing';
import { startSubgraph } from './start-subgraph';
import { buildFederatedSchema } from '../schema/federated-schema';
import { Weight } from '../schema/weight';
import { defineSubgraph } from './subgraph-definition';

@ObjectType()
class Probe {
  @Field()
  publicFigure: number;

  // Protected fields are nullable, so a refusal blanks the field and not the whole object.
  @Authorized()
  @Field(() => String, { nullable: true })
  signedInOnly: string;

  @Authorized('analyst')
  @Field()
  analystOnly: string;
}

/** More statements in flight for one request than Node's default cap on one signal's listeners (10). */
const STATEMENTS_AT_ONCE = 12;
let mostStatementsAtOnce = 0;

let heavyRunning = 0;
let mostHeavyAtOnce = 0;

@Resolver()
class ProbeResolver {
  @Query(() => Probe)
  probe(): Probe {
    return { publicFigure: 42, signedInOnly: 'hello', analystOnly: 'figures' };
  }

  @Query(() => Int)
  async slow(@Ctx() context: SubgraphContext): Promise<number> {
    await context.dataSource.query('SELECT pg_sleep(5)');
    return 1;
  }

  @Weight(5_000)
  @Query(() => Int)
  async heavyRanking(@Ctx() context: SubgraphContext): Promise<number> {
    heavyRunning += 1;
    mostHeavyAtOnce = Math.max(mostHeavyAtOnce, heavyRunning);
    try {
      await context.dataSource.query('SELECT pg_sleep(0.2)');
      return mostHeavyAtOnce;
    } finally {
      heavyRunning -= 1;
    }
  }

  @Query(() => Int)
  async sleepsAMinute(@Ctx() context: SubgraphContext): Promise<number> {
    await context.dataSource.query('SELECT pg_sleep(60) AS sleeps_a_minute');
    return 1;
  }

  @Query(() => Int)
  async manyAtOnce(@Ctx() context: SubgraphContext): Promise<number> {
    let inFlight = 0;
    const answers = await Promise.all(
      Array.from({ length: STATEMENTS_AT_ONCE }, async (_, index) => {
        inFlight += 1;
        mostStatementsAtOnce = Math.max(mostStatementsAtOnce, inFlight);
        try {
          return await context.dataSource.query('SELECT $1::int AS n, pg_sleep(0.2)', [index]);
        } finally {
          inFlight -= 1;
        }
      }),
    );
    return answers.length;
  }

  @Query(() => Int)
  failing(): number {
    throw new Error('relation "secret_table" does not exist at /srv/app/src/probe.ts:12');
  }
}

/** Longer than the probe's statement timeout: migrations must run without it. */
class SlowMigration1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT pg_sleep(0.8)');
  }

  async down(): Promise<void> {}
}

const STATEMENT_TIMEOUT_MS = 500;
const METRICS_TOKEN = 'a-metrics-token-of-at-least-32-characters';

const probeSubgraph = defineSubgraph({
  name: 'probe',
  migrations: [SlowMigration1700000000000],
  modules: [{ name: 'probe', resolvers: [ProbeResolver] }],
});

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(probeSubgraph, { statementTimeoutMs: STATEMENT_TIMEOUT_MS, sqlCapture: true, metricsToken: METRICS_TOKEN });
});
afterAll(() => subgraph.stop());

describe('@Authorized fields', () => {
  it('lets anyone read public fields', async () => {
    const { data, errors } = await graphqlRequest(subgraph.url, '{ probe { publicFigure } }');
    expect(errors).toBeUndefined();
    expect(data.probe.publicFigure).toBe(42);
  });

  it('answers with cache-control no-store, so nothing in between keeps a personal field', async () => {
    const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${testToken()}` }, body: JSON.stringify({ query: '{ probe { signedInOnly } }' }) });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ data: { probe: { signedInOnly: 'hello' } } });
  });

  it('asks anonymous callers to sign in, and masks only that field', async () => {
    const { data, errors } = await graphqlRequest(subgraph.url, '{ probe { signedInOnly publicFigure } }');
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0].path).toEqual(['probe', 'signedInOnly']);
    expect(data?.probe).toEqual({ signedInOnly: null, publicFigure: 42 });
  });

  it('forbids a role the field does not list', async () => {
    const { errors } = await graphqlRequest(subgraph.url, '{ probe { analystOnly } }', { token: testToken({ roles: ['resident'] }) });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(errors?.[0].message).toContain('analyst');
  });

  it.each([['analyst'], ['admin']] as const)('serves the field to %s', async (role) => {
    const { data, errors } = await graphqlRequest(subgraph.url, '{ probe { signedInOnly analystOnly } }', { token: testToken({ roles: [role] }) });
    expect(errors).toBeUndefined();
    expect(data.probe).toEqual({ signedInOnly: 'hello', analystOnly: 'figures' });
  });
});

describe("a platform service's own request", () => {
  const ASK = '{ probe { signedInOnly analystOnly } }';
  // Signed-in callers read `signedInOnly`; an anonymous one reads it as null beside the public figure.
  const ASK_SIGNED_IN = '{ probe { signedInOnly publicFigure } }';
  const body = JSON.stringify({ query: ASK_SIGNED_IN });

  it('acts as the service says it is, with no token, when signed with the subgraph signing key', async () => {
    const { data, errors } = await graphqlRequest(subgraph.url, ASK, { asService: 'statistics' });
    expect(errors).toBeUndefined();
    expect(data.probe).toEqual({ signedInOnly: 'hello', analystOnly: 'figures' });
  });

  it.each([
    ['another key', serviceRequestHeaders(`${TEST_SIGNING_KEY}!`, 'statistics', { requestId: '', body })],
    ['another body', serviceRequestHeaders(TEST_SIGNING_KEY, 'statistics', { requestId: '', body: JSON.stringify({ query: ASK }) })],
    ["another service's name", { ...serviceRequestHeaders(TEST_SIGNING_KEY, 'volunteers', { requestId: '', body }), [SERVICE_HEADER]: 'statistics' }],
    ["the gateway's signature", { [SERVICE_HEADER]: 'statistics', [SERVICE_SIGNATURE_HEADER]: signGatewayRequest(TEST_SIGNING_KEY, { requestId: '', body }) }],
    ['a name that is no platform service', serviceRequestHeaders(TEST_SIGNING_KEY, 'someone', { requestId: '', body })],
  ])('is anonymous when signed with %s', async (_case, headers) => {
    const { data, errors } = await graphqlRequest(subgraph.url, ASK_SIGNED_IN, { headers });
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(data?.probe).toEqual({ signedInOnly: null, publicFigure: 42 });
  });
});

describe('unexpected errors outside development mode', () => {
  it('reach the client as "Internal server error", without SQL, stack or path', async () => {
    const response = await graphqlRequest(subgraph.url, '{ failing }');
    const text = JSON.stringify(response);
    expect(response.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(text).not.toMatch(/secret_table|\/srv\/app|stacktrace/);
  });
});

describe('the statement timeout', () => {
  it('stops a statement that runs past it, and says TIMEOUT without the SQL', async () => {
    const response = await graphqlRequest(subgraph.url, '{ slow }');
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'TIMEOUT', department: 'probe' }, path: ['slow'] });
    expect(JSON.stringify(response)).not.toMatch(/pg_sleep|statement timeout|57014/);
  });

  it('does not apply to migrations, which ran a longer statement before the server started', async () => {
    const [{ migrations }] = await subgraph.dataSource.query(`SELECT count(*)::int AS migrations FROM probe.migrations WHERE name = 'SlowMigration1700000000000'`);
    expect(migrations).toBe(1);
    const [{ timeout }] = await subgraph.dataSource.query(`SELECT current_setting('statement_timeout') AS timeout`);
    expect(timeout).toBe(`${STATEMENT_TIMEOUT_MS}ms`);
  });
});

describe('heavy root fields', () => {
  it('take turns: the aliases of one operation run one after another', async () => {
    mostHeavyAtOnce = 0;
    const { data, errors } = await graphqlRequest(subgraph.url, '{ a: heavyRanking b: heavyRanking c: heavyRanking }');
    expect(errors).toBeUndefined();
    expect(Object.keys(data)).toHaveLength(3);
    expect(mostHeavyAtOnce).toBe(1);
  });

  it('are declared to the gateway as federation @cost', async () => {
    const { sdl } = await buildFederatedSchema(probeSubgraph);
    expect(sdl).toMatch(/heavyRanking: Int! @cost\(weight: 5000\)/);
  });
});

describe('a caller who goes', () => {
  /** The database's backends running the minute-long probe statement. */
  const sleepers = async () =>
    (await subgraph.dataSource.query(`SELECT count(*)::int AS running FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%sleeps_a_minute%' AND pid <> pg_backend_pid()`))[0]
      .running as number;
  const until = async (condition: () => Promise<boolean>) => {
    // Polls without a deadline of its own: the test's timeout, far below the statement's minute, is the bound.
    while (!(await condition())) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('has its SQL cancelled in the database, not left running until the statement timeout', async () => {
    const patient = await startTestSubgraph(probeSubgraph, { statementTimeoutMs: 120_000 });
    try {
      const caller = new AbortController();
      const request = fetch(patient.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sleepsAMinute }' }), signal: caller.signal });
      request.catch(() => undefined);
      await until(async () => (await sleepers()) === 1);
      caller.abort();
      await until(async () => (await sleepers()) === 0);
      expect(await sleepers()).toBe(0);
    } finally {
      await patient.stop();
    }
  });
});

describe('a request with many statements in flight at once', () => {
  it('answers them all, with no warning of a listener leak on the signal each statement listens to', async () => {
    const wide = await startTestSubgraph(probeSubgraph, { poolSize: STATEMENTS_AT_ONCE + 2 });
    // Node prints its warnings (here MaxListenersExceededWarning) on standard error.
    const printed: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      const { data, errors } = await graphqlRequest(wide.url, '{ manyAtOnce }');
      // A warning is printed on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(errors).toBeUndefined();
      expect(data).toEqual({ manyAtOnce: STATEMENTS_AT_ONCE });
      expect(mostStatementsAtOnce).toBe(STATEMENTS_AT_ONCE);
      expect(printed.join('')).not.toContain('MaxListenersExceededWarning');
    } finally {
      stderr.mockRestore();
      await wide.stop();
    }
  });
});

describe('the SQL capture for benchmarks', () => {
  it('keeps the statements sent until told to start anew or to stop', async () => {
    const debugSql = async (query = '') => (await (await fetch(subgraph.url.replace(/\/graphql$/, `/debug/sql${query}`))).json()) as { sql: string }[];
    await debugSql('?reset');
    await graphqlRequest(subgraph.url, '{ slow }');
    expect((await debugSql()).map((statement) => statement.sql)).toEqual(['SELECT pg_sleep(5)']);
    expect(await debugSql('?stop')).toHaveLength(1);
    await graphqlRequest(subgraph.url, '{ slow }');
    expect(await debugSql()).toEqual([]);
    await debugSql('?reset');
    await graphqlRequest(subgraph.url, '{ slow }');
    expect(await debugSql()).toHaveLength(1);
  });
});

describe('health and readiness', () => {
  it('answers /health and /ready once migrated, with a request id of its own', async () => {
    const base = subgraph.url.replace(/\/graphql$/, '');
    const health = await fetch(`${base}/health`, { headers: { 'x-request-id': 'req-123' } });
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('exposes Prometheus metrics counting requests and SQL statements to the bearer of the metrics token', async () => {
    const base = subgraph.url.replace(/\/graphql$/, '');
    const metrics = () => fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const read = async () => (await (await metrics()).text()).match(/shequ_graphql_requests_total\{service="probe"\} (\d+)/)?.[1];
    const before = Number(await read());
    await graphqlRequest(subgraph.url, '{ probe { publicFigure } }');
    expect(Number(await read())).toBe(before + 1);
    expect(await (await metrics()).text()).toMatch(/shequ_sql_statements_total\{service="probe"\} \d+/);
  });

  it('outside development, hides /metrics from anyone without the metrics token, and entirely when none is set', async () => {
    const base = subgraph.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN.slice(1)}x` } })).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${testToken()}` } })).status).toBe(404);
    const tokenless = await startTestSubgraph(probeSubgraph);
    try {
      const tokenlessBase = tokenless.url.replace(/\/graphql$/, '');
      expect((await fetch(`${tokenlessBase}/metrics`)).status).toBe(404);
      expect((await fetch(`${tokenlessBase}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
    } finally {
      await tokenless.stop();
    }
  });

  it('sends the usual security headers, and no CORS permission to any origin', async () => {
    const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ query: '{ probe { publicFigure } }' }) });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(subgraph.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a body that is not JSON with a 400 and a code', async () => {
    const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describe('MIGRATE_ON_START=false', () => {
  it('refuses to start while a migration is pending, naming it; starts once `migrate up` ran; is not ready once one is pending again', async () => {
    const database = await createTestDatabase();
    const settings = { port: 0, host: '127.0.0.1', databaseUrl: database.url, tokens: { secret: TEST_JWT_SECRET }, development: false, logLevel: 'silent', migrateOnStart: false };
    const migrate = (command: 'up' | 'down') => runMigrationCommand(probeSubgraph, command, database.url, () => undefined);
    try {
      const refusal = await startSubgraph(probeSubgraph, settings).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(StartupError);
      expect((refusal as StartupError).message).toBe(
        'probe: 1 migration is pending in schema probe (SlowMigration1700000000000) and MIGRATE_ON_START=false: ' +
          "run the service's `main.js migrate up` first (`pnpm migrate probe up` from a checkout), or start with MIGRATE_ON_START=true",
      );
      // It only looked: not even the schema was made.
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query(`SELECT to_regnamespace('probe') IS NULL AS absent`).finally(() => client.end());
      expect(rows[0].absent).toBe(true);
      await expect(migrate('up')).resolves.toBeUndefined();
      const running = await startSubgraph(probeSubgraph, settings);
      try {
        const ready = () => fetch(running.url.replace(/\/graphql$/, '/ready')).then((response) => response.status);
        expect(await ready()).toBe(200);
        await migrate('down');
        expect(await ready()).toBe(503);
      } finally {
        await running.stop();
      }
    } finally {
      await database.drop();
    }
  });
});
