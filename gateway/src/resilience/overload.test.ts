import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricValue, startTestSubgraph, testToken, type TestSubgraph } from '@shequ/kit/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { SUBGRAPHS } from '@shequ/schema';
import { startGateway, type RunningGateway } from '../gateway';
import { answer, scrapeMetrics, TEST_METRICS_TOKEN } from '../testing/platform-processes';
import { testGatewaySettings } from '../testing/test-settings';
import { SubgraphGate } from './subgraph-gate';

/**
 * A burst of ten times what the gateway may run at once, from as many
 * signed-in callers (so no caller reaches their own bound), while the
 * subgraph answering them is held: the gateway runs its bound's worth and
 * sheds the rest at once with 503, Retry-After and a coded body, never
 * letting more reach the subgraph; probes still answer; once the burst is
 * over it answers as before.
 */
const BOUND = 4;
const CALLERS = 10 * BOUND;
const QUERY = '{ region(code: "620100") { name } }';

let governance: TestSubgraph;
let gate: SubgraphGate;
/** Answers every request at once with 200 `{}`: the other subgraphs' /ready, for the readiness check. */
let readySubgraphs: Server;
let gateway: RunningGateway;
let base: string;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** A GraphQL request on a connection of its own, as a caller of its own would send it. */
async function ask(body: string, token: string): Promise<Answer> {
  const response = await answer(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const retryAfter = response.headers['retry-after'];
  return { status: response.status, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, body: JSON.parse(response.body) as Answer['body'] };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const scrape = () => scrapeMetrics(base);

beforeAll(async () => {
  governance = await startTestSubgraph(governanceSubgraph);
  await insertGovernanceFixture(governance.dataSource);
  gate = await SubgraphGate.start(governance.url);
  readySubgraphs = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  await new Promise<void>((resolve) => readySubgraphs.listen(0, '127.0.0.1', resolve));
  const readyUrl = `http://127.0.0.1:${(readySubgraphs.address() as AddressInfo).port}/graphql`;
  const others = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, readyUrl]));
  gateway = await startGateway(testGatewaySettings({ ...others, governance: gate.url }, { maxInFlight: BOUND, metricsToken: TEST_METRICS_TOKEN }));
  base = gateway.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await gateway?.stop();
  await gate?.stop();
  await new Promise((resolve) => readySubgraphs?.close(resolve));
  await governance?.stop();
});

describe('a burst past GATEWAY_MAX_IN_FLIGHT', () => {
  it('runs the bound’s worth, sheds the rest early with 503, and answers normally once the burst is over', async () => {
    const before = await scrape();
    const receivedBefore = gate.received;
    gate.resetCounts();
    gate.hold();

    const answered: Answer[] = [];
    const burst = Array.from({ length: CALLERS }, (_, caller) => ask(JSON.stringify({ query: QUERY }), testToken({ sub: `burst-caller-${caller}` })).then((reply) => (answered.push(reply), reply)));
    // Every request is either answered already (shed) or waiting at the subgraph: nothing is left queueing at the gateway.
    await until(() => answered.length + gate.running === CALLERS);

    expect(gate.running).toBe(BOUND);
    expect(gate.mostAtOnce).toBe(BOUND);
    expect(gate.received - receivedBefore).toBe(BOUND);
    expect(answered).toHaveLength(CALLERS - BOUND);
    for (const shed of answered) {
      expect(shed.status).toBe(503);
      expect(shed.retryAfter).toBe('5');
      expect(shed.body.data).toBeUndefined();
      expect(shed.body.errors).toEqual([{ message: expect.stringContaining('retry in 5 s'), extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    }

    // Shed before the body is read: a body that is not even JSON gets the same 503, not a 400.
    const unread = await ask('{ this is not JSON', testToken({ sub: 'one-more-caller' }));
    expect(unread.status).toBe(503);
    expect(unread.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    // An export is an operation too.
    const exported = await answer(`${base}/export?format=csv&input=${encodeURIComponent('{"level":"PREFECTURE","indicators":["INCIDENTS"]}')}`, { headers: { authorization: `Bearer ${testToken({ sub: 'an-exporter' })}` } });
    expect(exported.status).toBe(503);
    expect(exported.headers['retry-after']).toBe('5');
    expect(JSON.parse(exported.body)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'SERVICE_UNAVAILABLE' } }] });

    // Probes are never shed.
    expect((await answer(`${base}/health`)).status).toBe(200);
    expect((await answer(`${base}/ready`)).status).toBe(200);
    const during = await scrape();
    const grew = (name: string, labels: Record<string, string> = {}) => metricValue(during, name, labels) - metricValue(before, name, labels);
    expect(grew('shequ_gateway_shed_requests_total', { endpoint: 'graphql' })).toBe(CALLERS - BOUND + 1);
    expect(grew('shequ_gateway_shed_requests_total', { endpoint: 'export' })).toBe(1);
    expect(grew('shequ_graphql_errors_total', { code: 'SERVICE_UNAVAILABLE' })).toBe(CALLERS - BOUND + 1);
    expect(metricValue(during, 'shequ_gateway_operations_in_flight')).toBe(BOUND);

    gate.letGo();
    const ran = (await Promise.all(burst)).filter((reply) => reply.status !== 503);
    expect(ran).toHaveLength(BOUND);
    for (const reply of ran) {
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ data: { region: { name: '兰州市' } } });
    }
    expect(gate.mostAtOnce).toBe(BOUND);

    // Over: the next caller is answered as usual, and nothing is left counted as running.
    const after = await ask(JSON.stringify({ query: QUERY }), testToken({ sub: 'after-the-burst' }));
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ data: { region: { name: '兰州市' } } });
    // The last place is given back when the response closes, which may come a moment after the caller has read it.
    while (metricValue(await scrape(), 'shequ_gateway_operations_in_flight') !== 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await until(() => gate.running === 0);
  });
});
