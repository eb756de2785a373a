import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { startSubgraph } from '@shequ/kit';
import { metricValue, TEST_JWT_SECRET } from '@shequ/kit/testing';
import { governanceSubgraph } from '@shequ/governance';
import { insertGovernanceFixture } from '@shequ/governance/testing';
import { answer, postGraphql, scrapeMetrics, startTestPlatform, type PlatformSubgraph, type TestPlatform } from '../testing/platform-processes';

// Real processes, from their built entry points: a cluster's primary, its workers and the tracing preload run only there.

const governance: PlatformSubgraph = {
  name: 'governance',
  main: join(dirname(require.resolve('@shequ/governance/package.json')), 'dist', 'main.js'),
  prepare: async (databaseUrl) => {
    const filling = await startSubgraph(governanceSubgraph, { port: 0, host: '127.0.0.1', databaseUrl, tokens: { secret: TEST_JWT_SECRET }, development: false, logLevel: 'silent' });
    await insertGovernanceFixture(filling.dataSource);
    await filling.stop();
  },
};

/** Six processes start (a primary and two workers each) on a machine that may be busy with other packages' tests. */
const PLATFORM_START_MS = 600_000;
const QUERY = '{ region(code: "620100") { name } }';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`;

/** The log line a process wrote for one /graphql request, found by the request id the gateway answered with. */
const requestLine = (requestId: string) => (line: Record<string, unknown>) => line.msg === 'graphql request' && line.requestId === requestId;

/** Waits until a scrape shows `workers` processes: every worker serves (and so takes its turn with connections). */
async function untilWorkersServe(base: string, workers: number): Promise<void> {
  while (metricValue(await scrapeMetrics(base).catch(() => ''), 'shequ_processes') !== workers) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a gateway and a subgraph with WORKERS=2', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform(governance, { subgraph: { WORKERS: '2' }, gateway: { WORKERS: '2' } });
    await untilWorkersServe(platform.subgraph.base, 2);
    await untilWorkersServe(platform.gateway.base, 2);
  }, PLATFORM_START_MS);
  afterAll(() => platform?.stop());

  it("answers a scrape, whichever worker takes it, with both workers' requests added up", async () => {
    const { gateway, subgraph } = platform;
    const [gatewayBefore, subgraphBefore] = [await scrapeMetrics(gateway.base), await scrapeMetrics(subgraph.base)];
    // Each on a connection of its own: the cluster hands connections to its workers in turn.
    const sent = 6;
    for (let request = 0; request < sent; request += 1) {
      const { status, json } = await postGraphql(gateway.base, QUERY);
      expect(status).toBe(200);
      expect(json.data).toEqual({ region: { name: '兰州市' } });
    }
    // Three scrapes, so both workers take at least one: each answers for the whole process.
    for (let scrape = 0; scrape < 3; scrape += 1) {
      const [gatewayAfter, subgraphAfter] = [await scrapeMetrics(gateway.base), await scrapeMetrics(subgraph.base)];
      const grew = (before: string, after: string, name: string, labels: Record<string, string> = {}) => metricValue(after, name, labels) - metricValue(before, name, labels);

      expect(metricValue(gatewayAfter, 'shequ_processes')).toBe(2);
      expect(grew(gatewayBefore, gatewayAfter, 'shequ_graphql_requests_total', { service: 'gateway' })).toBe(sent);
      expect(grew(gatewayBefore, gatewayAfter, 'shequ_graphql_request_duration_seconds_count', { service: 'gateway', operation_type: 'query', outcome: 'ok' })).toBe(sent);
      expect(grew(gatewayBefore, gatewayAfter, 'shequ_subgraph_fetch_duration_seconds_count', { subgraph: 'governance' })).toBe(sent);

      expect(metricValue(subgraphAfter, 'shequ_processes')).toBe(2);
      expect(grew(subgraphBefore, subgraphAfter, 'shequ_graphql_requests_total', { service: 'governance' })).toBe(sent);
      expect(grew(subgraphBefore, subgraphAfter, 'shequ_sql_statements_per_request_count', { service: 'governance' })).toBe(sent);
      expect(grew(subgraphBefore, subgraphAfter, 'shequ_sql_statements_per_request_sum', { service: 'governance' })).toBeGreaterThanOrEqual(sent);
      // Both workers' pools, at rest: every connection back (idle ones close after a while, so their number varies).
      expect(subgraphAfter).toMatch(/^shequ_database_pool_connections\{state="idle",service="governance"\} \d+$/m);
      expect(metricValue(subgraphAfter, 'shequ_database_pool_connections', { service: 'governance', state: 'in_use' })).toBe(0);
    }
  });

  it('keeps /metrics from anyone without the metrics token', async () => {
    expect((await answer(`${platform.gateway.base}/metrics`)).status).toBe(404);
    expect((await answer(`${platform.subgraph.base}/metrics`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(404);
  });

  it("forwards the caller's traceparent to the subgraph, whose request log line carries the trace id", async () => {
    const { status, headers, json } = await postGraphql(platform.gateway.base, QUERY, { traceparent: TRACEPARENT, tracestate: 'rojo=00f067aa0ba902b7' });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    const requestId = String(headers['x-request-id']);
    // The subgraph adopted the gateway's request id: the signature over it and the body still verifies.
    const subgraphLine = await platform.subgraph.logLine(requestLine(requestId));
    expect(subgraphLine.traceId).toBe(TRACE_ID);
    expect((await platform.gateway.logLine(requestLine(requestId))).traceId).toBe(TRACE_ID);
  });

  it.each([
    ['a flag of one digit', `00-${TRACE_ID}-${CALLER_SPAN_ID}-1`],
    ['uppercase hex', TRACEPARENT.toUpperCase()],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${CALLER_SPAN_ID}-01`],
    ['garbage', "'; DROP TABLE governance.region; --"],
  ])('ignores a malformed traceparent (%s): the request answers, in a trace of the gateway’s own that the subgraph joins', async (_, traceparent) => {
    const { status, headers, json } = await postGraphql(platform.gateway.base, QUERY, { traceparent });
    expect(status).toBe(200);
    expect(json.data).toEqual({ region: { name: '兰州市' } });
    const requestId = String(headers['x-request-id']);
    const gatewayLine = await platform.gateway.logLine(requestLine(requestId));
    expect(gatewayLine.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(gatewayLine.traceId).not.toBe(TRACE_ID);
    expect((await platform.subgraph.logLine(requestLine(requestId))).traceId).toBe(gatewayLine.traceId);
  });
});

/** A span as OTLP/HTTP JSON carries it. */
interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

const SERVER = 2;
const CLIENT = 3;

type OtlpAttributes = { key: string; value: { stringValue?: string; intValue?: number | string } }[];

interface OtlpTraces {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttributes };
    scopeSpans?: { spans?: (Omit<ExportedSpan, 'service' | 'attributes'> & { attributes?: OtlpAttributes })[] }[];
  }[];
}

/** A tiny OTLP/HTTP receiver: keeps the spans of every JSON batch POSTed to /v1/traces. */
async function startTraceReceiver(): Promise<{ url: string; spans: ExportedSpan[]; server: Server }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces' && request.headers['content-type']?.includes('application/json')) {
        const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraces;
        for (const resource of batch.resourceSpans ?? []) {
          const service = resource.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '';
          for (const scope of resource.scopeSpans ?? []) {
            spans.push(
              ...(scope.spans ?? []).map((span) => ({
                service,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                name: span.name,
                kind: span.kind,
                attributes: Object.fromEntries((span.attributes ?? []).map(({ key, value }) => [key, value.stringValue ?? value.intValue])),
              })),
            );
          }
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

describe('OpenTelemetry tracing, on with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  let platform: TestPlatform;
  let receiver: Awaited<ReturnType<typeof startTraceReceiver>>;

  beforeAll(async () => {
    receiver = await startTraceReceiver();
    // Batches leave every 200 ms instead of every 5 s.
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' };
    platform = await startTestPlatform(governance, { subgraph: tracing, gateway: tracing });
  }, PLATFORM_START_MS);
  afterAll(async () => {
    await platform?.stop();
    receiver?.server.close();
  });

  /** Waits until the receiver holds spans of the trace that `complete` accepts. */
  async function traceOf(traceId: string, complete: (spans: ExportedSpan[]) => boolean): Promise<ExportedSpan[]> {
    const inTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
    while (!complete(inTrace())) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return inTrace();
  }

  it("records one trace from the caller's span through the gateway's subgraph fetch to the subgraph and its SQL", async () => {
    const { status, headers, json } = await postGraphql(platform.gateway.base, QUERY, { traceparent: TRACEPARENT });
    expect(status).toBe(200);
    expect(json.data).toEqual({ region: { name: '兰州市' } });

    const subgraphServer = (spans: ExportedSpan[]) => spans.find((span) => span.service === 'governance' && span.kind === SERVER);
    const spans = await traceOf(TRACE_ID, (found) => !!subgraphServer(found) && found.some((span) => span.service === 'governance' && span.name.startsWith('pg.query')));

    // The caller's traceparent is honoured: the gateway's server span is the caller's span's child.
    const gatewayServer = spans.find((span) => span.service === 'gateway' && span.kind === SERVER);
    expect(gatewayServer?.parentSpanId).toBe(CALLER_SPAN_ID);
    // The subgraph's server span is the child of the gateway's fetch (an HTTP client span of the gateway's).
    const parent = spans.find((span) => span.spanId === subgraphServer(spans)?.parentSpanId);
    expect(parent).toMatchObject({ service: 'gateway', kind: CLIENT });
    // Its SQL hangs below it, in the same trace.
    const statement = spans.find((span) => span.service === 'governance' && span.name.startsWith('pg.query'));
    expect(statement?.parentSpanId).toBeDefined();

    // And the subgraph's log line for the request carries the same trace id.
    expect((await platform.subgraph.logLine(requestLine(String(headers['x-request-id'])))).traceId).toBe(TRACE_ID);
  });

  it('starts a trace of its own for a caller without a valid traceparent, and ignores the malformed one', async () => {
    const { status, headers } = await postGraphql(platform.gateway.base, QUERY, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}` });
    expect(status).toBe(200);
    const gatewayLine = await platform.gateway.logLine(requestLine(String(headers['x-request-id'])));
    const traceId = String(gatewayLine.traceId);
    expect(traceId).not.toBe(TRACE_ID);
    const spans = await traceOf(traceId, (found) => found.some((span) => span.service === 'governance' && span.kind === SERVER));
    expect(spans.find((span) => span.service === 'gateway' && span.kind === SERVER)?.parentSpanId).toBeUndefined();
  });

  it('leaves probes and scrapes untraced', async () => {
    expect((await answer(`${platform.gateway.base}/health`)).status).toBe(200);
    await scrapeMetrics(platform.gateway.base);
    // A request after them, whose spans arrive after theirs would have.
    const { headers } = await postGraphql(platform.gateway.base, QUERY);
    const traceId = String((await platform.gateway.logLine(requestLine(String(headers['x-request-id'])))).traceId);
    await traceOf(traceId, (found) => found.some((span) => span.service === 'gateway' && span.kind === SERVER));
    const paths = receiver.spans.filter((span) => span.kind === SERVER).map((span) => String(span.attributes['url.path'] ?? span.attributes['http.target']));
    expect(paths).toContain('/graphql');
    expect(paths.filter((path) => /^\/(health|ready|metrics)/.test(path))).toEqual([]);
  });
});
