import { metricValue, parsePrometheusText } from '@shequ/kit';
import { BENCH_METRICS_TOKEN } from './stack';

/** Where Shequ's answers went over a round, per answer, from its gateway's own metrics. */
export interface TimeSplit {
  /** The gateway's own work: checks, planning, building each fetch, merging and shaping the answer. */
  gatewayMs: number;
  /** Waiting with at least one subgraph fetch in flight. */
  subgraphsMs: number;
  /** Each subgraph's fetches per answer and their mean time. */
  fetches: Record<string, { perAnswer: number; meanMs: number }>;
}

/** The gateway's `/metrics` page, to take before and after a round. */
export async function scrapeGateway(graphqlUrl: string): Promise<string> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } });
  if (!response.ok) {
    throw new Error(`the gateway's /metrics answered ${response.status}`);
  }
  return response.text();
}

const ms = (seconds: number, count: number) => Math.round((seconds / count) * 10_000) / 10;

/** The split of the operations answered between two scrapes; null when none fetched from a subgraph. */
export function timeSplit(before: string, after: string): TimeSplit | null {
  const grown = (name: string, labels: Record<string, string>) => metricValue(after, name, labels) - metricValue(before, name, labels);
  const answers = grown('shequ_gateway_operation_seconds_count', { spent: 'gateway' });
  if (answers === 0) {
    return null;
  }
  const subgraphs = new Set(parsePrometheusText(after).filter((sample) => sample.name === 'shequ_subgraph_fetch_duration_seconds_count').map((sample) => sample.labels.subgraph));
  const fetches: TimeSplit['fetches'] = {};
  for (const subgraph of subgraphs) {
    const count = grown('shequ_subgraph_fetch_duration_seconds_count', { subgraph });
    if (count > 0) {
      fetches[subgraph] = { perAnswer: Math.round((count / answers) * 10) / 10, meanMs: ms(grown('shequ_subgraph_fetch_duration_seconds_sum', { subgraph }), count) };
    }
  }
  return {
    gatewayMs: ms(grown('shequ_gateway_operation_seconds_sum', { spent: 'gateway' }), answers),
    subgraphsMs: ms(grown('shequ_gateway_operation_seconds_sum', { spent: 'subgraphs' }), answers),
    fetches,
  };
}
