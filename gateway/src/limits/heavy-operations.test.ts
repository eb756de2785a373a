import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphqlRequest, testToken } from '@shequ/kit/testing';
import { startGateway, type RunningGateway } from '../gateway';
import { testGatewaySettings } from '../testing/test-settings';
import { HeavyOperations } from './heavy-operations';

const LIMITS = { inFlight: 2, perCaller: 1, threshold: 1_000, queueWaitMs: 200 };

describe('slots for heavy operations', () => {
  it('counts as heavy only what the declared weights make heavy', () => {
    const heavy = new HeavyOperations(LIMITS);
    expect(heavy.isHeavy(999)).toBe(false);
    expect(heavy.isHeavy(1_000)).toBe(true);
  });

  it('refuses a caller who already runs their share at once, and frees it on release', async () => {
    const heavy = new HeavyOperations(LIMITS);
    const first = await heavy.start('subject:a');
    expect(first).toHaveProperty('release');
    expect(await heavy.start('subject:a')).toEqual({ refusal: expect.stringContaining('you already run 1 heavy operation') });
    (first as { release: () => void }).release();
    expect(await heavy.start('subject:a')).toHaveProperty('release');
  });

  it('makes a heavy operation over the overall bound wait its turn, first come first served', async () => {
    const heavy = new HeavyOperations({ ...LIMITS, queueWaitMs: 60_000 });
    const a = (await heavy.start('subject:a')) as { release: () => void };
    await heavy.start('subject:b');
    const order: string[] = [];
    const c = heavy.start('subject:c').then((slot) => (order.push('c'), slot));
    const d = heavy.start('subject:d').then((slot) => (order.push('d'), slot));
    a.release();
    // A newcomer right after the release does not take the slot handed to the first in line.
    const e = heavy.start('subject:e').then((slot) => (order.push('e'), slot));
    expect(await c).toHaveProperty('release');
    expect(order).toEqual(['c']);
    ((await c) as { release: () => void }).release();
    expect(await d).toHaveProperty('release');
    expect(order).toEqual(['c', 'd']);
    ((await d) as { release: () => void }).release();
    expect(await e).toHaveProperty('release');
    expect(order).toEqual(['c', 'd', 'e']);
  });

  it('refuses a heavy operation whose wait runs out, and keeps no place for it', async () => {
    const heavy = new HeavyOperations(LIMITS);
    const a = (await heavy.start('subject:a')) as { release: () => void };
    await heavy.start('subject:b');
    expect(await heavy.start('subject:c')).toEqual({ refusal: expect.stringContaining('none finished within 200 ms') });
    a.release();
    // c gave up: the freed slot goes to whoever asks next, and c may ask again.
    expect(await heavy.start('subject:c')).toHaveProperty('release');
  });
});

describe('heavy operations at the gateway', () => {
  let hanging: Server;
  let gateway: RunningGateway;
  beforeAll(async () => {
    // A governance subgraph that never answers: a heavy operation sent to it holds its slot until the deadline.
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
    gateway = await startGateway(testGatewaySettings({ governance: url }, { subgraphTimeoutMs: 60_000, heavyOperations: { inFlight: 1, perCaller: 1, threshold: 1_000, queueWaitMs: 0 } }));
    // The gateway waits up to 5 s for the hanging governance's division codes before it serves; on a busy machine, more.
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await gateway.stop();
    await new Promise((resolve) => hanging.close(resolve));
  });

  const PROVINCE_ASSESSMENT = '{ region(code: "620000") { assessment { score } } }';
  const LIGHT = '{ region(code: "620102") { name } }';

  it('answers 429 with Retry-After to heavy operations over the bounds, and lets light ones through', async () => {
    const holder = new AbortController();
    const held = fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${testToken({ sub: 'holder' })}` }, body: JSON.stringify({ query: PROVINCE_ASSESSMENT }), signal: holder.signal }).catch(() => null);
    try {
      // Until the held operation has its slot, the probe may still get one (it then hangs too, so it is abandoned).
      let refused: Response | null = null;
      while (!refused) {
        const probe = new AbortController();
        const attempt = fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${testToken({ sub: 'holder' })}` }, body: JSON.stringify({ query: PROVINCE_ASSESSMENT }), signal: probe.signal });
        const answer = await Promise.race([attempt, new Promise<null>((resolve) => setTimeout(() => resolve(null), 500))]);
        if (answer?.status === 429) {
          refused = answer;
        } else {
          probe.abort();
        }
      }
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'TOO_MANY_REQUESTS' }, message: expect.stringContaining('heavy operation') }] });
      const other = await graphqlRequest(gateway.url, PROVINCE_ASSESSMENT, { token: testToken({ sub: 'someone-else' }) });
      expect(other.status).toBe(429);
      expect(other.errors?.[0].message).toContain('at most 1 at once');
      // A light operation takes no slot: it reaches the (hanging) subgraph and is abandoned by its caller.
      const light = await Promise.race([graphqlRequest(gateway.url, LIGHT).then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('still waiting on the subgraph'), 500))]);
      expect(light).toBe('still waiting on the subgraph');
    } finally {
      holder.abort();
      await held;
    }
  });
});
