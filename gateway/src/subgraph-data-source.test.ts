import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway, type RunningGateway } from './gateway';
import { testGatewaySettings } from './testing/test-settings';

/** A governance subgraph that never answers, and tells when a request to it is given up. */
let hanging: Server;
let received: { request: IncomingMessage; closed: Promise<void> }[] = [];
let gateway: RunningGateway;

beforeAll(async () => {
  hanging = createServer((request) => {
    received.push({ request, closed: new Promise((resolve) => request.socket.once('close', () => resolve())) });
  });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
  // A deadline far beyond the test's: only the caller leaving can end the subgraph call in time.
  gateway = await startGateway(testGatewaySettings({ governance: url }, { subgraphTimeoutMs: 120_000 }));
});

afterAll(async () => {
  hanging.closeAllConnections();
  await gateway.stop();
  await new Promise((resolve) => hanging.close(resolve));
});

beforeEach(() => {
  received = [];
});

const ask = (query: string, signal: AbortSignal) =>
  fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), signal }).catch(() => null);

async function untilReceived(count: number) {
  while (received.length < count) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a caller who goes', () => {
  it('takes the subgraph call made for them with them', async () => {
    const caller = new AbortController();
    const answer = ask('{ region(code: "620100") { name } }', caller.signal);
    await untilReceived(1);
    caller.abort();
    await answer;
    // Resolves only when the gateway closes its call to the subgraph; the test's timeout is the bound.
    await received[0].closed;
    expect(received[0].request.socket.destroyed).toBe(true);
  });

  it('leaves a call shared with a caller still waiting, and ends it when the last has gone', async () => {
    const first = new AbortController();
    const second = new AbortController();
    const query = '{ region(code: "620200") { name } }';
    const answers = [ask(query, first.signal)];
    await untilReceived(1);
    answers.push(ask(query, second.signal));
    // The second identical request waits for the first one's subgraph call instead of sending its own.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(1);
    first.abort();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received[0].request.socket.destroyed).toBe(false);
    second.abort();
    await Promise.all(answers);
    await received[0].closed;
    expect(received[0].request.socket.destroyed).toBe(true);
  });
});
