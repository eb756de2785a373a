import { createHash, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { startTestSubgraph, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { startGateway, type RunningGateway } from '../gateway';
import { freePort } from '@shequ/database';
import { startTestRedis, type TestRedis } from '../testing/throwaway-redis';
import { testGatewaySettings } from '../testing/test-settings';

// A fresh document per run, so a long-lived TEST_REDIS_URL never holds it from an earlier run.
const QUERY = `# run ${randomUUID()}\n{ region(code: "620100") { name } }`;
const HASH = createHash('sha256').update(QUERY).digest('hex');

let governance: TestSubgraph;
let redis: TestRedis | null;

const settings = (redisUrl?: string) => testGatewaySettings({ governance: governance.url }, { subgraphTimeoutMs: 5000, redisUrl });

async function post(gateway: RunningGateway, body: unknown) {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as { data?: { region?: { name: string } }; errors?: { message: string; extensions?: { code?: string } }[] }) };
}

const persisted = (hash: string, query?: string) => ({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

beforeAll(async () => {
  governance = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(governance.dataSource);
  redis = await startTestRedis();
});

afterAll(async () => {
  await redis?.stop();
  await governance.stop();
});

describe('a gateway given a REDIS_URL nothing answers on', () => {
  it('refuses to start, naming REDIS_URL and the address, within seconds', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(startGateway(settings(`redis://:secret-password@127.0.0.1:${port}`))).rejects.toThrow(new RegExp(`^REDIS_URL: cannot reach Redis at 127\\.0\\.0\\.1:${port} `));
    await expect(startGateway(settings(`redis://:secret-password@127.0.0.1:${port}`))).rejects.not.toThrow(/secret-password/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

// With no Redis on this machine (no TEST_REDIS_URL, no redis-server on PATH), the refusal above is what can be shown.
if (process.env.TEST_REDIS_URL || redisServerOnPath()) {
  describe('automatic persisted queries with the cache in Redis', () => {
    let first: RunningGateway;
    let second: RunningGateway;
    let inMemory: RunningGateway;

    beforeAll(async () => {
      if (!redis) {
        throw new Error('a Redis was expected: TEST_REDIS_URL or redis-server on PATH');
      }
      first = await startGateway(settings(redis.url));
      second = await startGateway(settings(redis.url));
      inMemory = await startGateway(settings());
    });

    afterAll(async () => {
      await Promise.all([first?.stop(), second?.stop(), inMemory?.stop()]);
    });

    it('answers a hash registered through one gateway from another sharing the Redis', async () => {
      const unknown = await post(second, persisted(HASH));
      expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

      const registered = await post(first, persisted(HASH, QUERY));
      expect(registered).toMatchObject({ status: 200, data: { region: { name: '兰州市' } } });

      const replayed = await post(second, persisted(HASH));
      expect(replayed.errors).toBeUndefined();
      expect(replayed).toMatchObject({ status: 200, data: { region: { name: '兰州市' } } });
    });

    it('keeps the registered document in Redis itself, under the gateway’s prefix', async () => {
      const client = new Redis(redis!.url);
      try {
        const keys = await client.keys('shequ:apq:*');
        expect(keys.some((key) => key.includes(HASH))).toBe(true);
        const stored = await client.get(keys.find((key) => key.includes(HASH))!);
        expect(stored).toBe(QUERY);
      } finally {
        await client.quit();
      }
    });

    it('does not share with a gateway whose cache is in memory', async () => {
      const { errors } = await post(inMemory, persisted(HASH));
      expect(errors?.[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    });

    it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND and a mismatched one with BAD_REQUEST', async () => {
      const unknown = await post(second, persisted('f'.repeat(64)));
      expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const mismatched = await post(first, persisted('0'.repeat(64), QUERY));
      expect(mismatched.status).toBe(400);
      expect(mismatched.errors?.[0]).toMatchObject({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
    });
  });
}

function redisServerOnPath(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:child_process').spawnSync('redis-server', ['--version']).status === 0;
}
