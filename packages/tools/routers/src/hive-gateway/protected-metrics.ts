import type { GatewayPlugin } from '@graphql-hive/gateway';

const METRICS_PATH = '/metrics';

/**
 * `/metrics` as on the platform gateway: outside development it answers only
 * to `Authorization: Bearer <METRICS_TOKEN>`, and is 404 to everyone else, so
 * the operation names and subgraph timings it holds stay with the scraper.
 * `token` null: development, open.
 */
export function protectedMetrics(token: string | null): GatewayPlugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (token === null || url.pathname !== METRICS_PATH) {
        return;
      }
      if (request.headers.get('authorization') !== `Bearer ${token}`) {
        endResponse(new fetchAPI.Response('Not Found', { status: 404 }));
      }
    },
  };
}
