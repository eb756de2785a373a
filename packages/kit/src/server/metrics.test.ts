import { Ctx, Int, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from './context';
import { graphqlRequest, metricValue, startTestSubgraph, testToken, type TestSubgraph } from '../testing';
import { forbidden } from '../errors/graphql-errors';
import { defineSubgraph } from '../subgraph/subgraph-definition';
import { detachedFromCaller } from './caller-scope';

/** Statements the probe's `twoStatements` sends for one request. */
const STATEMENTS_PER_PROBE = 2;

let detached: Promise<unknown> = Promise.resolve();
/** Released by the test: until then `holdsAConnection` keeps one connection checked out. */
let release: () => void = () => undefined;

@Resolver()
class MeteredResolver {
  @Query(() => Int)
  async twoStatements(@Ctx() context: SubgraphContext): Promise<number> {
    await context.dataSource.query('SELECT 1');
    await context.dataSource.query('SELECT 2');
    return STATEMENTS_PER_PROBE;
  }

  @Query(() => Int)
  async withDetachedWork(@Ctx() context: SubgraphContext): Promise<number> {
    // Work that outlives the request (a statistics refresh): not the request's statements.
    detached = detachedFromCaller(() => context.dataSource.query('SELECT pg_sleep(0.05)'));
    await detached;
    return 0;
  }

  @Query(() => Int)
  async holdsAConnection(@Ctx() context: SubgraphContext): Promise<number> {
    const runner = context.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await new Promise<void>((resolve) => (release = resolve));
      return 1;
    } finally {
      await runner.release();
    }
  }

  @Query(() => Int, { nullable: true })
  refused(): number {
    throw forbidden('not for you');
  }
}

const meteredSubgraph = defineSubgraph({ name: 'metered', migrations: [], modules: [{ name: 'metered', resolvers: [MeteredResolver] }] });
const METRICS_TOKEN = 'a-metrics-token-of-at-least-32-characters';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(meteredSubgraph, { metricsToken: METRICS_TOKEN, poolSize: 3 });
});
afterAll(() => subgraph.stop());

async function scrape(): Promise<string> {
  const response = await fetch(subgraph.url.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

const SERVICE = { service: 'metered' };

describe("a subgraph's /metrics", () => {
  it('counts requests in a duration histogram by operation type and outcome, and the SQL each request sent', async () => {
    const before = await scrape();
    const sent = 3;
    for (let request = 0; request < sent; request += 1) {
      const { errors } = await graphqlRequest(subgraph.url, '{ twoStatements }');
      expect(errors).toBeUndefined();
    }
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => metricValue(after, name, { ...SERVICE, ...labels }) - metricValue(before, name, { ...SERVICE, ...labels });

    expect(delta('shequ_graphql_requests_total')).toBe(sent);
    expect(delta('shequ_graphql_request_duration_seconds_count', { operation_type: 'query', outcome: 'ok' })).toBe(sent);
    // Every request lands in the +Inf bucket, and the seconds add up to something.
    expect(delta('shequ_graphql_request_duration_seconds_bucket', { operation_type: 'query', outcome: 'ok', le: '+Inf' })).toBe(sent);
    expect(delta('shequ_graphql_request_duration_seconds_sum', { operation_type: 'query', outcome: 'ok' })).toBeGreaterThan(0);

    expect(delta('shequ_sql_statements_per_request_count')).toBe(sent);
    expect(delta('shequ_sql_statements_per_request_sum')).toBe(sent * STATEMENTS_PER_PROBE);
    // Two statements fall in the `le="2"` bucket and not in `le="1"`.
    expect(delta('shequ_sql_statements_per_request_bucket', { le: '2' })).toBe(sent);
    expect(delta('shequ_sql_statements_per_request_bucket', { le: '1' })).toBe(0);
    expect(delta('shequ_sql_statements_total')).toBe(sent * STATEMENTS_PER_PROBE);
  });

  it('does not count work detached from the request as its statements', async () => {
    const before = await scrape();
    await graphqlRequest(subgraph.url, '{ withDetachedWork }');
    await detached;
    const after = await scrape();
    expect(metricValue(after, 'shequ_sql_statements_per_request_sum', SERVICE) - metricValue(before, 'shequ_sql_statements_per_request_sum', SERVICE)).toBe(0);
    // The statement was still sent, and counted in all.
    expect(metricValue(after, 'shequ_sql_statements_total', SERVICE) - metricValue(before, 'shequ_sql_statements_total', SERVICE)).toBe(1);
  });

  it('counts errors by extensions.code, and tells partial answers from refusals', async () => {
    const before = await scrape();
    const partial = await graphqlRequest(subgraph.url, '{ twoStatements refused }', { token: testToken() });
    expect(partial.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const refusedBeforeParsing = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[{"query":"{ twoStatements }"}]' });
    expect(refusedBeforeParsing.status).toBe(400);
    const invalid = await graphqlRequest(subgraph.url, '{ noSuchField }');
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => metricValue(after, name, { ...SERVICE, ...labels }) - metricValue(before, name, { ...SERVICE, ...labels });

    expect(delta('shequ_graphql_errors_total', { code: 'FORBIDDEN' })).toBe(1);
    expect(delta('shequ_graphql_errors_total', { code: 'BAD_REQUEST' })).toBe(1);
    expect(delta('shequ_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(delta('shequ_graphql_request_duration_seconds_count', { operation_type: 'query', outcome: 'partial' })).toBe(1);
    expect(delta('shequ_graphql_request_duration_seconds_count', { operation_type: 'unknown', outcome: 'error' })).toBe(2);
  });

  it('shows the connection pool: a connection in use while a request holds it, idle once it is back', async () => {
    const held = graphqlRequest(subgraph.url, '{ holdsAConnection }');
    const inUse = async () => metricValue(await scrape(), 'shequ_database_pool_connections', { ...SERVICE, state: 'in_use' });
    while ((await inUse()) !== 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const during = await scrape();
    expect(metricValue(during, 'shequ_database_pool_connections', { ...SERVICE, state: 'in_use' }) + metricValue(during, 'shequ_database_pool_connections', { ...SERVICE, state: 'idle' })).toBeLessThanOrEqual(3);
    expect(during).toMatch(/^shequ_database_pool_waiting\{service="metered"\} 0$/m);
    release();
    expect((await held).data).toEqual({ holdsAConnection: 1 });
    const after = await scrape();
    expect(metricValue(after, 'shequ_database_pool_connections', { ...SERVICE, state: 'in_use' })).toBe(0);
    expect(metricValue(after, 'shequ_database_pool_connections', { ...SERVICE, state: 'idle' })).toBeGreaterThanOrEqual(1);
  });

  it("shows the process's own figures under the shequ_ prefix, in one process", async () => {
    const text = await scrape();
    expect(metricValue(text, 'shequ_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(metricValue(text, 'shequ_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(metricValue(text, 'shequ_processes')).toBe(1);
  });
});
