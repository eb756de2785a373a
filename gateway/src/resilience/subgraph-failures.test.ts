import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSubgraph, type RunningSubgraph } from '@shequ/kit';
import { TEST_JWT_SECRET, TEST_SIGNING_KEY } from '@shequ/kit/testing';
import { createTestDatabase, type TestDatabase } from '@shequ/database/testing';
import { freePort } from '@shequ/database';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { SUBGRAPHS } from '@shequ/schema';
import { startGateway, type RunningGateway } from '../gateway';
import { testGatewaySettings } from '../testing/test-settings';
import { DatabaseProxy } from './database-proxy';

/**
 * A department down, hung or without its database, behind a real gateway
 * over a real governance subgraph (its database reached through a proxy the
 * test can take down): the rest of the answer comes back, and what is
 * missing is coded, names the department and carries its path.
 */
let database: TestDatabase;
let proxy: DatabaseProxy;
let governance: RunningSubgraph;
/** Answers every request at once with 200 `{}`: the other subgraphs' /ready, for the readiness check. */
let readySubgraphs: Server;
/** Accepts requests and never answers them. */
let hanging: Server;
const gateways: RunningGateway[] = [];

const urlOf = (server: Server, path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
const listening = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};

/** A gateway in production mode in front of governance and the subgraph URLs given; the others answer /ready and nothing else. */
async function gatewayWith(urls: Record<string, string | string[]>, timeoutMs = 10_000): Promise<RunningGateway> {
  const others = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, urlOf(readySubgraphs, '/graphql')]));
  const gateway = await startGateway(testGatewaySettings({ ...others, governance: governance.url, ...urls }, { subgraphTimeoutMs: timeoutMs }));
  gateways.push(gateway);
  return gateway;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  text: string;
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function ask(url: string, query: string): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text, ...(JSON.parse(text) as Pick<Answer, 'data' | 'errors'>) };
}

/** Asks `/ready` until it answers `status`: the gateway reuses a verdict for a moment, and a busy machine is slow. */
async function readyUntil(url: string, status: number): Promise<Record<string, unknown>> {
  for (;;) {
    const response = await fetch(url);
    const body = (await response.json()) as Record<string, unknown>;
    if (response.status === status) {
      return body;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A governance replica on `port` (0: any free one), on the test database through the proxy. */
function startGovernance(port: number): Promise<RunningSubgraph> {
  return startSubgraph(governanceSubgraph, {
    port,
    host: '127.0.0.1',
    databaseUrl: proxy.url,
    tokens: { secret: TEST_JWT_SECRET },
    development: false,
    logLevel: 'silent',
    poolSize: 4,
    signingKey: TEST_SIGNING_KEY,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  proxy = await DatabaseProxy.start(database.url);
  governance = await startGovernance(0);
  await insertGovernanceFixture(governance.dataSource);
  readySubgraphs = await listening(createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
  hanging = await listening(createServer(() => undefined));
});

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  hanging?.closeAllConnections();
  await Promise.all([readySubgraphs, hanging].map((server) => server && new Promise((resolve) => server.close(resolve))));
  await governance?.stop();
  await proxy?.down();
  await database?.drop();
});

/** Nothing of the failure's own detail (an address, a driver's message, a stack) reaches the caller. */
function expectNoInternalDetail(answer: Answer) {
  expect(answer.text).not.toMatch(/ECONNREFUSED|ECONNRESET|127\.0\.0\.1|localhost|stack|fetch failed|aborted/i);
}

describe('a department that is down', () => {
  it('answers the other departments’ fields, and codes the missing ones with the department and their path', async () => {
    const closedPort = await freePort();
    const gateway = await gatewayWith({ 'public-safety': `http://127.0.0.1:${closedPort}/graphql` });
    const answer = await ask(
      gateway.url,
      `{ lanzhou: region(code: "620100") { name children { code } }
         safety: region(code: "620100") { name safetyStats { incidentsPer1000Residents } } }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.data?.lanzhou).toEqual({ name: '兰州市', children: [{ code: '620102' }, { code: '620103' }] });
    // A department's field on another's entity is nullable (docs/architecture.md), so the region keeps its name and loses only safetyStats.
    expect(answer.data?.safety).toEqual({ name: '兰州市', safetyStats: null });
    expect(answer.errors).toEqual([
      expect.objectContaining({ path: ['safety', 'safetyStats'], extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', department: 'public-safety' }) }),
    ]);
    expect(answer.errors?.[0].message).toContain('public-safety');
    expectNoInternalDetail(answer);
  });

  it('gives each entity in a list its own path', async () => {
    const closedPort = await freePort();
    const gateway = await gatewayWith({ 'public-safety': `http://127.0.0.1:${closedPort}/graphql` });
    const answer = await ask(gateway.url, `{ region(code: "620100") { children { code safetyStats { incidentsPer1000Residents } } } }`);
    expect(answer.status).toBe(200);
    expect(answer.errors?.map((error) => error.path)).toEqual([
      ['region', 'children', 0, 'safetyStats'],
      ['region', 'children', 1, 'safetyStats'],
    ]);
    expect(answer.errors?.every((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && error.extensions.department === 'public-safety')).toBe(true);
  });

  it('codes a subgraph answering HTTP 500 or something that is not GraphQL as unavailable', async () => {
    const broken = await listening(
      createServer((request, response) => {
        if (request.url?.startsWith('/html')) {
          response.writeHead(200, { 'content-type': 'text/html' }).end('<html>gateway timeout</html>');
        } else {
          response.writeHead(500, { 'content-type': 'text/plain' }).end('Error: connect ECONNREFUSED 127.0.0.1:54329');
        }
      }),
    );
    try {
      for (const path of ['/graphql', '/html/graphql']) {
        const gateway = await gatewayWith({ 'public-safety': urlOf(broken, path) });
        const answer = await ask(gateway.url, `{ region(code: "620100") { name } safety: region(code: "620100") { safetyStats { incidentsPer1000Residents } } }`);
        expect(answer.status).toBe(200);
        expect(answer.data?.region).toEqual({ name: '兰州市' });
        expect(answer.errors).toEqual([expect.objectContaining({ path: ['safety', 'safetyStats'], extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', department: 'public-safety' }) })]);
        expectNoInternalDetail(answer);
      }
    } finally {
      await new Promise((resolve) => broken.close(resolve));
    }
  });
});

describe('a department that hangs', () => {
  it('is given up at the deadline: TIMEOUT, naming the department, with the path', async () => {
    const gateway = await gatewayWith({ 'public-safety': urlOf(hanging, '/graphql') }, 1_000);
    const answer = await ask(gateway.url, `{ region(code: "620100") { name } safety: region(code: "620100") { safetyStats { incidentsPer1000Residents } } }`);
    expect(answer.status).toBe(200);
    expect(answer.data?.region).toEqual({ name: '兰州市' });
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['safety', 'safetyStats'], extensions: expect.objectContaining({ code: 'TIMEOUT', department: 'public-safety' }) })]);
    expectNoInternalDetail(answer);
  });
});

describe('a department with two replicas', () => {
  it('restarted one replica at a time under load, fails no request', async () => {
    const ports = [await freePort(), await freePort()];
    const replicas = await Promise.all(ports.map((port) => startGovernance(port)));
    const gateway = await gatewayWith({ governance: replicas.map((replica) => replica.url) });
    let restarting = true;
    const failures: string[] = [];
    let answered = 0;
    const caller = async () => {
      // A failing gateway answers at once: stop early rather than spin.
      while (restarting && failures.length < 20) {
        const answer = await ask(gateway.url, `{ region(code: "620100") { name } }`).catch((error: Error) => ({ status: 0, text: error.message, data: undefined, errors: undefined }));
        if (answer.status !== 200 || answer.errors || (answer.data?.region as { name?: string } | undefined)?.name !== '兰州市') {
          failures.push(answer.text);
        } else {
          answered += 1;
        }
      }
    };
    const callers = Array.from({ length: 4 }, caller);
    try {
      for (const index of [0, 1]) {
        const before = answered;
        await replicas[index].stop();
        replicas[index] = await startGovernance(ports[index]);
        // The other replica answered while this one was away.
        expect(answered).toBeGreaterThan(before);
      }
    } finally {
      restarting = false;
      await Promise.all(callers);
      await Promise.all(replicas.map((replica) => replica.stop()));
    }
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(0);
  });
});

describe('a department too slow for the deadline', () => {
  it('answers TIMEOUT at the deadline, and its SQL does not outlive the request', async () => {
    const gateway = await gatewayWith({}, 3_000);
    // A statement that waits on a lock held here stays running in PostgreSQL until something cancels it.
    const locker = governance.dataSource.createQueryRunner();
    // Watched from outside the locker's transaction: within one, pg_stat_activity keeps the snapshot of its first read.
    const waiting = async () =>
      Number((await governance.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
    try {
      await locker.startTransaction();
      await locker.query('LOCK TABLE governance.region IN ACCESS EXCLUSIVE MODE');
      // On a busy machine the deadline may pass before the statement is even sent (then nothing runs on, trivially):
      // asked again until one is seen waiting in PostgreSQL, each answer a TIMEOUT naming the department.
      let observedWaiting = false;
      for (let attempt = 0; attempt < 5 && !observedWaiting; attempt += 1) {
        let answered = false;
        const asked = ask(gateway.url, `{ region(code: "620100") { name } }`).finally(() => (answered = true));
        while (!answered && !observedWaiting) {
          observedWaiting = (await waiting()) > 0;
          await pause();
        }
        const answer = await asked;
        expect(answer.status).toBe(200);
        expect(answer.errors).toEqual([expect.objectContaining({ path: ['region'], extensions: expect.objectContaining({ code: 'TIMEOUT', department: 'governance' }) })]);
      }
      expect(observedWaiting).toBe(true);
      // The lock is still held: only a cancellation ends the statement now.
      while ((await waiting()) > 0) {
        await pause();
      }
      expect(await waiting()).toBe(0);
    } finally {
      await locker.rollbackTransaction();
      await locker.release();
    }
  });
});

describe('a department whose database is down', () => {
  it('answers SERVICE_UNAVAILABLE with Retry-After, is not ready until the database is back, and then answers again', async () => {
    const gateway = await gatewayWith({});
    const base = gateway.url.replace(/\/graphql$/, '');
    const governanceBase = governance.url.replace(/\/graphql$/, '');
    expect(await readyUntil(`${base}/ready`, 200)).toMatchObject({ status: 'ready', subgraphs: { governance: 'ready', 'public-safety': 'ready' } });

    await proxy.down();
    try {
      // Its /ready first: that also lets its pool let go of the connections the cut ended.
      await readyUntil(`${governanceBase}/ready`, 503);
      const direct = await ask(governance.url, `{ region(code: "620100") { name } }`);
      expect(direct.status).toBe(503);
      expect(Number(direct.retryAfter)).toBeGreaterThan(0);
      expect(direct.errors).toEqual([
        expect.objectContaining({ message: 'the governance database is unavailable; retry shortly', path: ['region'], extensions: { code: 'SERVICE_UNAVAILABLE', department: 'governance' } }),
      ]);
      expectNoInternalDetail(direct);

      const through = await ask(gateway.url, `{ region(code: "620100") { name } }`);
      expect(through.status).toBe(503);
      expect(Number(through.retryAfter)).toBeGreaterThan(0);
      expect(through.data?.region ?? null).toBeNull();
      expect(through.errors).toEqual([
        expect.objectContaining({ message: 'the governance database is unavailable; retry shortly', extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', department: 'governance' }) }),
      ]);
      expect(through.errors?.[0].path).toEqual(['region']);
      expectNoInternalDetail(through);

      expect(await readyUntil(`${base}/ready`, 503)).toMatchObject({ status: 'not ready', notReady: ['governance'], subgraphs: { governance: 'not ready', volunteers: 'ready' } });
      // Liveness is not readiness: nothing here is helped by restarting the gateway.
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      await proxy.up();
    }
    expect(await readyUntil(`${base}/ready`, 200)).toMatchObject({ status: 'ready' });
    const again = await ask(gateway.url, `{ region(code: "620100") { name } }`);
    expect(again.status).toBe(200);
    expect(again.data?.region).toEqual({ name: '兰州市' });
  });

  it('names a subgraph that cannot be reached at all', async () => {
    const closedPort = await freePort();
    const gateway = await gatewayWith({ statistics: `http://127.0.0.1:${closedPort}/graphql` });
    const body = await readyUntil(gateway.url.replace(/\/graphql$/, '/ready'), 503);
    expect(body).toMatchObject({ notReady: ['statistics'], subgraphs: { statistics: 'unreachable', governance: 'ready' } });
  });
});
