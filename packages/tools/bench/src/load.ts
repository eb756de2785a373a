import autocannon from 'autocannon';
import type { BenchOperation } from './operations';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Requests still waiting for an answer when the run ended (at most one per connection); a gateway that answered nothing shows only these. */
  unanswered: number;
  requests: number;
  /** The first error answer's beginning, to say what went wrong. */
  firstError?: string;
}

/**
 * Drives one operation at one gateway with a fixed number of connections for
 * a fixed time. A response counts as an error unless it is HTTP 200 with no
 * GraphQL `errors` — a gateway that answers fast with errors is not fast.
 */
export async function drive(url: string, operation: BenchOperation, token: string, connections: number, seconds: number): Promise<LoadResult> {
  let counter = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const body = (n: number) => JSON.stringify({ query: operation.query, variables: operation.variables(n) });
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: body((counter += 1)) }),
        onResponse: (status, responseBody) => {
          if (status !== 200 || responseBody.includes('"errors"')) {
            graphqlErrors += 1;
            firstError ??= `HTTP ${status}: ${responseBody.slice(0, 300)}`;
          }
        },
      },
    ],
    }, (error, finished) => (error ? reject(error) : resolve(finished)));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const percentile = (share: number) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(share * times.length))] * 10) / 10 : 0);
  return {
    requestsPerSecond: Math.round((times.length / seconds) * 10) / 10,
    p50: percentile(0.5),
    p95: percentile(0.95),
    p99: percentile(0.99),
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    unanswered: Math.max(0, (result.requests as unknown as { sent: number }).sent - times.length - result.errors - result.timeouts),
    requests: result.requests.total,
    ...(firstError ? { firstError } : result.errors + result.timeouts ? { firstError: `${result.errors} connection errors, ${result.timeouts} timeouts` } : {}),
  };
}

/** One request, for checking an operation answers without errors and counting what it costs. */
export async function once(url: string, operation: BenchOperation, token: string, n = 0): Promise<{ data?: unknown; errors?: { message: string }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: operation.query, variables: operation.variables(n) }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
}
