import { request as httpRequest, type ClientRequest } from 'node:http';
import { graphqlRequest, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { startGateway, type RunningGateway } from '../gateway';
import { testGatewaySettings } from '../testing/test-settings';

let governance: TestSubgraph;
let gateway: RunningGateway;

beforeAll(async () => {
  governance = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(governance.dataSource);
  gateway = await startGateway(testGatewaySettings({ governance: governance.url }, { concurrency: { perSubject: 2, perAnonymousAddress: 1 } }));
});

afterAll(async () => {
  await gateway.stop();
  await governance.stop();
});

const QUERY = JSON.stringify({ query: '{ region(code: "620100") { name } }' });

/**
 * A request whose body has not finished arriving: it holds its caller's
 * place until `finish` sends the rest, and resolves with the answer then.
 */
interface HeldRequest {
  sent: Promise<void>;
  /** True once the gateway has answered before the body was finished: it refused the request. */
  answered: () => boolean;
  finish: () => Promise<{ status: number; body: string }>;
}

function heldRequest(token?: string): HeldRequest {
  let request: ClientRequest;
  let sent: Promise<void> = Promise.resolve();
  let answered = false;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request = httpRequest(gateway.url, {
      // A connection of its own: a pooled one the server has since closed would lose the request.
      agent: false,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(QUERY), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    request.on('response', (response) => {
      answered = true;
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    // Headers and the first bytes go once connected, so that they reach the gateway before any later request.
    sent = new Promise((flushed) => request.once('socket', (socket) => socket.once('connect', () => request.write(QUERY.slice(0, 5), () => flushed()))));
  });
  return {
    sent,
    answered: () => answered,
    finish: () => {
      request.end(QUERY.slice(5));
      return answer;
    },
  };
}

/**
 * Holds `count` requests and waits until the gateway refuses the next one.
 * The held requests travel over new connections, which the gateway may read
 * after a probe on a pooled one: a held request refused that way is held anew.
 */
async function holdUntilRefused(count: number, token: string | undefined, probe: () => Promise<{ status: number }>): Promise<HeldRequest[]> {
  const held: HeldRequest[] = [];
  for (;;) {
    while (held.length < count) {
      const request = heldRequest(token);
      await request.sent;
      held.push(request);
    }
    // Give the gateway a moment to read the new connections before the probe's.
    await new Promise((resolve) => setTimeout(resolve, 100));
    if ((await probe()).status === 429 && held.every((request) => !request.answered())) {
      return held;
    }
    held.splice(0, held.length, ...held.filter((request) => !request.answered()));
  }
}

describe('requests in flight per caller', () => {
  it('refuses a signed-in caller over the bound with 429 and Retry-After, and admits them again once one answers', async () => {
    const token = testToken({ sub: 'busy-analyst' });
    const probe = () => graphqlRequest(gateway.url, '{ region(code: "620100") { name } }', { token });
    const held = await holdUntilRefused(2, token, probe);

    const refused = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: QUERY });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'TOO_MANY_REQUESTS' } }] });

    // Another subject is not held back by this one.
    const other = await graphqlRequest(gateway.url, '{ region(code: "620100") { name } }', { token: testToken({ sub: 'another-analyst' }) });
    expect(other.data?.region.name).toBe('兰州市');

    const answers = await Promise.all(held.map((request) => request.finish()));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect((await probe()).status).toBe(200);
  });

  it("bounds anonymous callers by address, and a forged token cannot spend a real subject's share", async () => {
    const [held] = await holdUntilRefused(1, undefined, () => graphqlRequest(gateway.url, '{ region(code: "620100") { name } }'));
    // A token that does not verify counts as its address, which is full.
    const forged = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' }, body: QUERY });
    expect(forged.status).toBe(429);
    expect((await held.finish()).status).toBe(200);
    const after = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' }, body: QUERY });
    expect(after.status).toBe(401);
  });
});
