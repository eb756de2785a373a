import { Counter, Gauge, type Registry } from 'prom-client';
import type { OperationEndpoint } from '../limits/gateway-in-flight';

/**
 * The gateway's bound on operations in flight (GATEWAY_MAX_IN_FLIGHT): how
 * many run now, and how many were shed because the bound was reached, by
 * endpoint. A cluster's scrape adds the workers' figures up, as their
 * bounds add up.
 */
export class OverloadMetrics {
  private readonly shedRequests: Counter<'endpoint'>;

  constructor(registry: Registry, inFlight: () => number) {
    this.shedRequests = new Counter({
      name: 'shequ_gateway_shed_requests_total',
      help: 'Requests refused with 503 SERVICE_UNAVAILABLE before their body was read because the gateway already ran GATEWAY_MAX_IN_FLIGHT operations, by endpoint (graphql, export).',
      labelNames: ['endpoint'],
      registers: [registry],
    });
    // Present at zero from the start, so a rate over a quiet period is 0 rather than no data.
    for (const endpoint of ['graphql', 'export'] satisfies OperationEndpoint[]) {
      this.shedRequests.inc({ endpoint }, 0);
    }
    new Gauge({
      name: 'shequ_gateway_operations_in_flight',
      help: 'Operations (/graphql requests and exports) the gateway is running now, counted against GATEWAY_MAX_IN_FLIGHT.',
      registers: [registry],
      collect() {
        this.set(inFlight());
      },
    });
  }

  shed(endpoint: OperationEndpoint): void {
    this.shedRequests.inc({ endpoint });
  }
}
