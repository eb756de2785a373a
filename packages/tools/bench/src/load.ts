import autocannon from 'autocannon';
import type { BenchOperation } from './operations';
import { cpuMs, machineCpuMs, rssMb } from './stack';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Requests still waiting for an answer when the run ended (at most one per connection); a gateway that answered nothing shows only these. */
  unanswered: number;
  requests: number;
  /** Answers received within the run (what req/s counts). */
  answered: number;
  /** How many equal-length runs this result combines (1 when absent). */
  rounds?: number;
  /** The gateway process's CPU milliseconds per answer, and its highest RSS sampled during the run (when the bench watched it). */
  gatewayCpuMsPerRequest?: number | null;
  gatewayRssPeakMb?: number | null;
  /** The subgraph processes' CPU milliseconds per answer, all together: what a gateway's calls cost behind it. */
  subgraphCpuMsPerRequest?: number | null;
  /**
   * The whole machine's busy CPU milliseconds per answer, every process (PostgreSQL and the load generator too):
   * with one client, divided by the cores it is the least latency the machine could give if all of it ran side by side.
   */
  machineCpuMsPerRequest?: number | null;
  /** The first error answer's beginning, to say what went wrong. */
  firstError?: string;
}

/**
 * The number of the request being sent, counted over every run of the
 * process: the write operation's idempotency keys are made from it, and a
 * count that began again with each run sent the first run's keys again, so
 * that every later round measured retries answered with the first request
 * (three statements) rather than submissions.
 */
let requestNumber = 0;

/**
 * Drives one operation at one gateway with a fixed number of connections for
 * a fixed time. A response counts as an error unless it is HTTP 200 with no
 * GraphQL `errors` — a gateway that answers fast with errors is not fast.
 */
export async function drive(url: string, operation: BenchOperation, token: string, connections: number, seconds: number): Promise<LoadResult> {
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
        setupRequest: (request) => ({ ...request, body: body((requestNumber += 1)) }),
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
    answered: times.length,
    ...(firstError ? { firstError } : result.errors + result.timeouts ? { firstError: `${result.errors} connection errors, ${result.timeouts} timeouts` } : {}),
  };
}

/** The processes a run watches: the gateway under load and the subgraphs behind it. */
export interface WatchedProcesses {
  gateway: number | undefined;
  subgraphs: (number | undefined)[];
}

/** CPU milliseconds over `pids` together, or null when one could not be read. */
function cpuMsOf(pids: (number | undefined)[]): number | null {
  const each = pids.map(cpuMs);
  return each.some((value) => value === null) ? null : (each as number[]).reduce((sum, value) => sum + value, 0);
}

const perAnswer = (before: number | null, after: number | null, answered: number) =>
  before !== null && after !== null && answered > 0 ? Math.round(((after - before) / answered) * 100) / 100 : null;

/**
 * `drive`, watching the processes: the gateway's, the subgraphs' and the
 * whole machine's CPU time per answer over the run (which includes the few
 * answers still on their way at the end, at most one per connection) and
 * the gateway's RSS, sampled every 200 ms.
 */
export async function driveWatched(watched: WatchedProcesses, ...run: Parameters<typeof drive>): Promise<LoadResult> {
  const gatewayPid = watched.gateway;
  const cpuBefore = cpuMs(gatewayPid);
  const subgraphCpuBefore = cpuMsOf(watched.subgraphs);
  const machineCpuBefore = machineCpuMs();
  let rssPeak = rssMb(gatewayPid);
  const sampler = setInterval(() => {
    const now = rssMb(gatewayPid);
    rssPeak = now !== null && (rssPeak === null || now > rssPeak) ? now : rssPeak;
  }, 200);
  try {
    const result = await drive(...run);
    return {
      ...result,
      gatewayCpuMsPerRequest: perAnswer(cpuBefore, cpuMs(gatewayPid), result.answered),
      subgraphCpuMsPerRequest: perAnswer(subgraphCpuBefore, cpuMsOf(watched.subgraphs), result.answered),
      machineCpuMsPerRequest: perAnswer(machineCpuBefore, machineCpuMs(), result.answered),
      gatewayRssPeakMb: rssPeak,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Runs of one operation at one gateway as one: mean rate over every run, the worst latencies, summed counts, CPU per answer over all. */
export function combineRuns(previous: LoadResult, next: LoadResult): LoadResult {
  const previousRounds = previous.rounds ?? 1;
  const nextRounds = next.rounds ?? 1;
  const perRequestOverAll = (of: (run: LoadResult) => number | null | undefined) => {
    const mean = ((of(previous) ?? NaN) * previous.answered + (of(next) ?? NaN) * next.answered) / (previous.answered + next.answered);
    return Number.isFinite(mean) ? Math.round(mean * 100) / 100 : null;
  };
  return {
    requestsPerSecond: Math.round(((previous.requestsPerSecond * previousRounds + next.requestsPerSecond * nextRounds) / (previousRounds + nextRounds)) * 10) / 10,
    rounds: previousRounds + nextRounds,
    p50: Math.max(previous.p50, next.p50),
    p95: Math.max(previous.p95, next.p95),
    p99: Math.max(previous.p99, next.p99),
    errors: previous.errors + next.errors,
    unanswered: previous.unanswered + next.unanswered,
    requests: previous.requests + next.requests,
    answered: previous.answered + next.answered,
    gatewayCpuMsPerRequest: perRequestOverAll((run) => run.gatewayCpuMsPerRequest),
    subgraphCpuMsPerRequest: perRequestOverAll((run) => run.subgraphCpuMsPerRequest),
    machineCpuMsPerRequest: perRequestOverAll((run) => run.machineCpuMsPerRequest),
    gatewayRssPeakMb: Math.max(previous.gatewayRssPeakMb ?? 0, next.gatewayRssPeakMb ?? 0) || null,
    firstError: previous.firstError ?? next.firstError,
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
