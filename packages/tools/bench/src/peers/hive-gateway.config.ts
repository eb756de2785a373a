import { signedSubgraphRequests } from '@shequ/routers';

/**
 * Hive Gateway's configuration as the benchmark starts it: its defaults,
 * plus the two settings every deployment of this graph needs — the caller's
 * token forwarded to the subgraphs, which check it themselves, and each
 * subgraph request signed with SUBGRAPH_SIGNING_KEY, without which the
 * subgraphs refuse the figures a @requires carries. The signing is
 * @shequ/routers' (the same plugin its production configuration runs); the
 * rest of that configuration (token checks, limits, trusted documents, its
 * own request ids) stays out, so the benchmark measures Hive's defaults.
 */
export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs({ request }: { request: Request }): Record<string, string> {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
  // eslint-disable-next-line no-process-env
  plugins: () => [signedSubgraphRequests(process.env.SUBGRAPH_SIGNING_KEY ?? '')],
};
