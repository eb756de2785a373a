/**
 * Hive Gateway's configuration as the benchmark starts it: its defaults,
 * plus the one setting every deployment of this graph needs — the caller's
 * token forwarded to the subgraphs, which check it themselves.
 */
export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs({ request }: { request: Request }): Record<string, string> {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
};
