import { createHash, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import Redis from 'ioredis';
import { startSubgraph } from '@shequ/kit';
import { metricValue, TEST_JWT_SECRET } from '@shequ/kit/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { answer, scrapeMetrics, startTestPlatform, type PlatformSubgraph, type TestPlatform } from '../testing/platform-processes';
import { startRedisServer, type RedisServer } from '../testing/throwaway-redis';

/**
 * Redis going away after the gateway started (REDIS_URL set), and coming
 * back: the gateway is a real process (its log lines are read), in front of
 * a real governance subgraph, sharing its automatic-persisted-query cache
 * through a redis-server this test stops, restarts on the same port, and
 * makes hang.
 */
const governance: PlatformSubgraph = {
  name: 'governance',
  main: join(dirname(require.resolve('@shequ/governance/package.json')), 'dist', 'main.js'),
  prepare: async (databaseUrl) => {
    const filling = await startSubgraph(governanceSubgraph, { port: 0, host: '127.0.0.1', databaseUrl, tokens: { secret: TEST_JWT_SECRET }, development: false, logLevel: 'silent' });
    await insertGovernanceFixture(filling.dataSource);
    await filling.stop();
  },
};

/** Two processes start on a machine that may be busy with other packages' tests. */
const PLATFORM_START_MS = 600_000;
const LOST = 'Redis lost: persisted queries are served from this process’s memory until it is back';
const BACK = 'Redis is back: persisted queries are shared again';

let redis: RedisServer;
let platform: TestPlatform;

/** A document of its own, so that no earlier registration answers for it. */
function freshDocument(): { query: string; hash: string } {
  const query = `# ${randomUUID()}\n{ region(code: "620100") { name } }`;
  return { query, hash: createHash('sha256').update(query).digest('hex') };
}

async function persisted(hash: string, query?: string) {
  const response = await answer(`${platform.gateway.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  return { status: response.status, ...(JSON.parse(response.body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] }) };
}

/** Apollo's protocol as a client follows it: the hash alone is unknown, the hash with its document registers it, the hash alone then answers. */
async function register(document: { query: string; hash: string }): Promise<void> {
  expect((await persisted(document.hash)).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(await persisted(document.hash, document.query)).toEqual({ status: 200, data: { region: { name: '兰州市' } } });
  await expectAnswered(document.hash);
}

async function expectAnswered(hash: string): Promise<void> {
  expect(await persisted(hash)).toEqual({ status: 200, data: { region: { name: '兰州市' } } });
}

/** The document Redis itself holds for `hash`, read with a client of the test's own; null when it holds none. */
async function storedInRedis(hash: string): Promise<string | null> {
  const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [key] = await client.keys(`shequ:apq:*${hash}`);
    return key ? await client.get(key) : null;
  } finally {
    client.disconnect();
  }
}

/** Apollo writes a registration to the cache after answering: wait until Redis holds it. */
async function untilStored(document: { query: string; hash: string }): Promise<void> {
  while ((await storedInRedis(document.hash)) !== document.query) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const linesSaying = (message: string) => platform.gateway.logLines.filter((line) => line.msg === message).length;

async function untilLogged(message: string, times: number): Promise<void> {
  while (linesSaying(message) < times) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const redisUp = async () => metricValue(await scrapeMetrics(platform.gateway.base), 'shequ_gateway_redis_up');

beforeAll(async () => {
  redis = await startRedisServer();
  platform = await startTestPlatform(governance, { gateway: { REDIS_URL: redis.url } });
}, PLATFORM_START_MS);

afterAll(async () => {
  await platform?.stop();
  await redis?.stop();
});

describe('Redis down after the gateway started', () => {
  it('keeps persisted queries working from memory, logs the loss and the return once each, and shares registrations again once Redis is back', async () => {
    const before = freshDocument();
    await register(before);
    await untilStored(before);
    expect(await redisUp()).toBe(1);

    await redis.stop();
    // Registered before: answered from this process's memory.
    await expectAnswered(before.hash);
    // Registered while Redis is down: the protocol works as ever, in memory.
    const during = freshDocument();
    await register(during);
    await untilLogged(LOST, 1);
    for (let request = 0; request < 5; request += 1) {
      await expectAnswered(before.hash);
      await expectAnswered(during.hash);
    }
    expect(await persisted('f'.repeat(64))).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    expect((await answer(`${platform.gateway.base}/health`)).status).toBe(200);
    expect(await redisUp()).toBe(0);
    // Once, however many requests met the outage.
    expect(linesSaying(LOST)).toBe(1);
    expect(linesSaying(BACK)).toBe(0);

    redis = await startRedisServer(redis.port);
    await untilLogged(BACK, 1);
    const after = freshDocument();
    await register(after);
    await untilStored(after);
    // What was registered while Redis was down reaches it too, for the other replicas.
    await untilStored(during);
    expect(await redisUp()).toBe(1);
    expect(linesSaying(LOST)).toBe(1);
    expect(linesSaying(BACK)).toBe(1);
  });

  it('does not hang on a Redis that stops answering with its connection open, and picks it up again when it answers', async () => {
    const before = freshDocument();
    await register(before);
    await untilStored(before);
    const lostBefore = linesSaying(LOST);
    const backBefore = linesSaying(BACK);

    redis.pause();
    try {
      // Not in memory: the lookup asks Redis, which does not answer; the command's deadline hands the request back.
      const during = freshDocument();
      await register(during);
      await expectAnswered(before.hash);
      await untilLogged(LOST, lostBefore + 1);
      expect((await answer(`${platform.gateway.base}/health`)).status).toBe(200);
      expect(await redisUp()).toBe(0);

      redis.resume();
      await untilLogged(BACK, backBefore + 1);
      await untilStored(during);
    } finally {
      redis.resume();
    }
    expect(linesSaying(LOST)).toBe(lostBefore + 1);
    expect(linesSaying(BACK)).toBe(backBefore + 1);
    expect(await redisUp()).toBe(1);
  });
});
