import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@shequ/kit';

/**
 * Hive Gateway's configuration as the benchmark starts it: its defaults,
 * plus the two settings every deployment of this graph needs — the caller's
 * token forwarded to the subgraphs, which check it themselves, and each
 * subgraph request signed with SUBGRAPH_SIGNING_KEY, without which the
 * subgraphs refuse the figures a @requires carries.
 */
export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs({ request }: { request: Request }): Record<string, string> {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
  plugins: () => [
    {
      onFetch({ options, setOptions }: { options: { body?: unknown; headers?: Record<string, string> }; setOptions(options: object): void }) {
        if (typeof options.body !== 'string') {
          return;
        }
        const headers = { ...options.headers };
        // eslint-disable-next-line no-process-env
        const key = process.env.SUBGRAPH_SIGNING_KEY ?? '';
        headers[GATEWAY_SIGNATURE_HEADER] = signGatewayRequest(key, { requestId: headers['x-request-id'] ?? '', body: options.body });
        setOptions({ ...options, headers });
      },
    },
  ],
};
