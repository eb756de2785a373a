import type { ApolloServerPlugin } from '@apollo/server';
import { Histogram, type Registry } from 'prom-client';
import type { GatewayContext } from '../gateway-context';
import { monotonic } from './fetch-clock';

/**
 * Splits each operation that fetched from subgraphs into the time the
 * gateway spent on its own (checks, planning, building each fetch, merging
 * and shaping the answer) and the time it waited on subgraphs, from the
 * start of the operation's handling to the answer being ready. With the
 * subgraphs' own metrics it says where a slow answer went: to the gateway,
 * or to the subgraph whose fetches are slow.
 */
export function operationTimePlugin(registry: Registry): ApolloServerPlugin<GatewayContext> {
  const spent = new Histogram({
    name: 'shequ_gateway_operation_seconds',
    help: "Each operation that fetched from subgraphs, by what its time went to: the gateway's own work (spent=gateway) or waiting with at least one subgraph fetch in flight (spent=subgraphs).",
    labelNames: ['spent'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    async requestDidStart({ contextValue: { fetchClock } }) {
      const started = monotonic();
      // An export runs its pages as operations on one context: each is measured from where the last left the clock.
      const fetchesBefore = fetchClock?.fetchCount ?? 0;
      const waitedBefore = fetchClock?.waitedSeconds ?? 0;
      return {
        async willSendResponse() {
          if (!fetchClock || fetchClock.fetchCount === fetchesBefore) {
            return;
          }
          const totalSeconds = Number(monotonic() - started) / 1e9;
          const waited = Math.min(fetchClock.waitedSeconds - waitedBefore, totalSeconds);
          spent.observe({ spent: 'subgraphs' }, waited);
          spent.observe({ spent: 'gateway' }, totalSeconds - waited);
        },
      };
    },
  };
}
