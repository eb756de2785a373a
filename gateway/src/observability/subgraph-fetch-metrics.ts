import { Counter, Histogram, type Registry } from 'prom-client';

/** Why a subgraph fetch failed: it did not answer in time, could not be reached, or answered with an HTTP error. */
export type SubgraphFetchFailure = 'timeout' | 'unreachable' | 'http_error';

/** Seconds; the gateway waits SUBGRAPH_TIMEOUT_MS (10 s by default) at most. */
const FETCH_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The gateway's calls to each subgraph, labelled by the subgraph's name in
 * the supergraph (a handful, fixed by composition): how long each took,
 * failed or not, and why those that failed did. A fetch given up because
 * every caller waiting for it had left is neither.
 */
export class SubgraphFetchMetrics {
  private readonly duration: Histogram<'subgraph'>;
  private readonly failures: Counter<'subgraph' | 'reason'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'shequ_subgraph_fetch_duration_seconds',
      help: "Time from the gateway sending a subgraph request to the subgraph's answer arriving (its status and headers) or the fetch failing, by subgraph.",
      labelNames: ['subgraph'],
      buckets: FETCH_BUCKETS,
      registers: [registry],
    });
    this.failures = new Counter({
      name: 'shequ_subgraph_fetch_failures_total',
      help: 'Subgraph requests that failed, by subgraph and reason (timeout, unreachable, http_error).',
      labelNames: ['subgraph', 'reason'],
      registers: [registry],
    });
  }

  fetched(subgraph: string, seconds: number, failure?: SubgraphFetchFailure): void {
    this.duration.observe({ subgraph }, seconds);
    if (failure) {
      this.failures.inc({ subgraph, reason: failure });
    }
  }
}
