import { Gauge, type Registry } from 'prom-client';

/**
 * Whether the gateway reaches the Redis its persisted-query cache shares
 * (REDIS_URL): 1, or 0 while it serves them from its own memory. Only with
 * REDIS_URL. Across a cluster's workers the lowest counts: one worker
 * without Redis is a replica whose registrations others do not see.
 */
export function observeRedis(registry: Registry, reachable: () => boolean): void {
  new Gauge({
    name: 'shequ_gateway_redis_up',
    help: 'Whether the gateway reaches the Redis its automatic-persisted-query cache shares (1), or serves persisted queries from its own memory while Redis is lost (0).',
    registers: [registry],
    aggregator: 'min',
    collect() {
      this.set(reachable() ? 1 : 0);
    },
  });
}
