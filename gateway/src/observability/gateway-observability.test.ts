import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_SIGNATURE_HEADER, verifyGatewaySignature } from '@shequ/kit';
import { graphqlRequest, metricValue, TEST_SIGNING_KEY } from '@shequ/kit/testing';
import { startGateway, type RunningGateway } from '../gateway';
import { testGatewaySettings } from '../testing/test-settings';

/**
 * A stand-in for governance that records every request it receives and
 * answers as the test says: the region's name, an HTTP error, silence, or a
 * dropped connection. Nothing but headers and failures are under test here;
 * the real subgraph's side is platform-observability.test.ts's.
 */
type Behaviour = 'answer' | 'slow' | 'http-error' | 'hang' | 'drop';

/** How long the stand-in takes to answer when `slow`. */
const SLOW_ANSWER_MS = 60;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let behaviour: Behaviour = 'answer';
const received: Received[] = [];
let standIn: Server;
let gateway: RunningGateway;
let base: string;

const METRICS_TOKEN = 'a-metrics-token-of-at-least-32-characters';
/** The production default: an instant answer never meets it, however busy the machine; the `hang` test waits it out once. */
const SUBGRAPH_TIMEOUT_MS = 10_000;
const QUERY = '{ region(code: "620100") { name } }';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

beforeAll(async () => {
  standIn = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (body.includes('divisionCodes')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { divisionCodes: ['620000', '620100'] } }));
        return;
      }
      received.push({ headers: request.headers, body });
      const answer = () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { region: { name: '兰州市' } } }));
      if (behaviour === 'answer') {
        answer();
      } else if (behaviour === 'slow') {
        setTimeout(answer, SLOW_ANSWER_MS);
      } else if (behaviour === 'http-error') {
        response.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
      } else if (behaviour === 'drop') {
        request.socket.destroy();
      }
      // 'hang': no answer until the gateway's deadline passes and it gives up.
    });
  });
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  const governanceUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/graphql`;
  gateway = await startGateway(testGatewaySettings({ governance: governanceUrl }, { subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS, metricsToken: METRICS_TOKEN }));
  base = gateway.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await gateway?.stop();
  standIn.closeAllConnections();
  await new Promise((resolve) => standIn.close(resolve));
});

beforeEach(() => {
  behaviour = 'answer';
  received.length = 0;
});

async function scrape(): Promise<string> {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

describe('trace context from the caller to the subgraph, tracing off', () => {
  it("forwards a valid traceparent and tracestate as the caller sent them, the request still signed", async () => {
    const response = await graphqlRequest(gateway.url, QUERY, { headers: { traceparent: TRACEPARENT, tracestate: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE' } });
    expect(response.data).toEqual({ region: { name: '兰州市' } });
    const [sent] = received;
    expect(sent.headers.traceparent).toBe(TRACEPARENT);
    expect(sent.headers.tracestate).toBe('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
    // The signature covers the request id and the body, untouched by the trace headers.
    expect(verifyGatewaySignature(TEST_SIGNING_KEY, String(sent.headers[GATEWAY_SIGNATURE_HEADER]), { requestId: String(sent.headers['x-request-id']), body: sent.body })).toBe(true);
  });

  it.each([
    ['malformed', { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-1`, tracestate: 'rojo=1' }],
    ['absent', {}],
  ])('starts a trace of its own when the traceparent is %s, and sends no tracestate', async (_, headers: Record<string, string>) => {
    const response = await graphqlRequest(gateway.url, QUERY, { headers });
    expect(response.errors).toBeUndefined();
    const [sent] = received;
    expect(sent.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(sent.headers.traceparent).not.toContain(TRACE_ID);
    expect(sent.headers.tracestate).toBeUndefined();
  });
});

describe("the gateway's /metrics", () => {
  it('times every subgraph fetch by subgraph, and counts requests by operation type and outcome', async () => {
    const before = await scrape();
    for (let request = 0; request < 3; request += 1) {
      expect((await graphqlRequest(gateway.url, QUERY)).errors).toBeUndefined();
    }
    const after = await scrape();
    const grew = (name: string, labels: Record<string, string>) => metricValue(after, name, labels) - metricValue(before, name, labels);
    expect(grew('shequ_subgraph_fetch_duration_seconds_count', { subgraph: 'governance' })).toBe(3);
    expect(grew('shequ_graphql_request_duration_seconds_count', { service: 'gateway', operation_type: 'query', outcome: 'ok' })).toBe(3);
    expect(grew('shequ_subgraph_fetch_failures_total', { subgraph: 'governance' })).toBe(0);
  });

  it("splits each operation's time into the gateway's own and the wait on subgraphs", async () => {
    const before = await scrape();
    behaviour = 'slow';
    expect((await graphqlRequest(gateway.url, QUERY)).errors).toBeUndefined();
    const after = await scrape();
    const grew = (name: string, labels: Record<string, string>) => metricValue(after, name, labels) - metricValue(before, name, labels);
    expect(grew('shequ_gateway_operation_seconds_count', { spent: 'gateway' })).toBe(1);
    expect(grew('shequ_gateway_operation_seconds_count', { spent: 'subgraphs' })).toBe(1);
    const waited = grew('shequ_gateway_operation_seconds_sum', { spent: 'subgraphs' });
    const own = grew('shequ_gateway_operation_seconds_sum', { spent: 'gateway' });
    // The fetch was in flight at least as long as the stand-in held its answer back.
    expect(waited).toBeGreaterThanOrEqual(SLOW_ANSWER_MS / 1000);
    expect(own).toBeGreaterThan(0);
    // Both parts lie within the request, which the HTTP server times from its arrival to its answer.
    expect(own + waited).toBeLessThanOrEqual(grew('shequ_graphql_request_duration_seconds_sum', { service: 'gateway', operation_type: 'query' }));
  });

  it('does not split an operation that asked no subgraph', async () => {
    const before = await scrape();
    expect((await graphqlRequest(gateway.url, '{ __typename }')).errors).toBeUndefined();
    const after = await scrape();
    expect(metricValue(after, 'shequ_gateway_operation_seconds_count', { spent: 'gateway' })).toBe(metricValue(before, 'shequ_gateway_operation_seconds_count', { spent: 'gateway' }));
  });

  it.each([
    ['http-error', 'http_error'],
    ['drop', 'unreachable'],
    ['hang', 'timeout'],
  ] as const)('counts a subgraph that answers with %s as a failure: %s', async (how, reason) => {
    const before = await scrape();
    behaviour = how;
    const { errors } = await graphqlRequest(gateway.url, QUERY);
    expect(errors?.length).toBeGreaterThan(0);
    const after = await scrape();
    const grew = (name: string, labels: Record<string, string>) => metricValue(after, name, labels) - metricValue(before, name, labels);
    expect(grew('shequ_subgraph_fetch_failures_total', { subgraph: 'governance', reason })).toBe(1);
    expect(grew('shequ_subgraph_fetch_failures_total', { subgraph: 'governance' })).toBe(1);
    // A failed fetch is timed too: a timeout's time is the deadline.
    expect(grew('shequ_subgraph_fetch_duration_seconds_count', { subgraph: 'governance' })).toBe(1);
    if (reason === 'timeout') {
      expect(grew('shequ_subgraph_fetch_duration_seconds_sum', { subgraph: 'governance' })).toBeGreaterThanOrEqual((SUBGRAPH_TIMEOUT_MS * 0.95) / 1000);
    }
    // The answer carried the error: the request's outcome says so, and its code is counted.
    expect(grew('shequ_graphql_request_duration_seconds_count', { service: 'gateway', outcome: 'error' }) + grew('shequ_graphql_request_duration_seconds_count', { service: 'gateway', outcome: 'partial' })).toBe(1);
    expect(grew('shequ_graphql_errors_total', { service: 'gateway' })).toBe(errors?.length);
  });

  it('counts the gateway’s own refusals by code, before any subgraph is asked', async () => {
    const before = await scrape();
    const { errors } = await graphqlRequest(gateway.url, '{ region(code: "620100") { nope } }');
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const after = await scrape();
    expect(metricValue(after, 'shequ_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }) - metricValue(before, 'shequ_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(received).toEqual([]);
  });
});
