import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@shequ/kit';

const REQUEST_ID_HEADER = 'x-request-id';

type HeadersInit = Headers | Record<string, string> | [string, string][] | undefined;

/** A subgraph fetch's headers as a plain object, whatever form the transport built them in. */
function headersRecord(headers: HeadersInit): Record<string, string> {
  if (headers === undefined) {
    return {};
  }
  return headers instanceof Headers || Array.isArray(headers) ? Object.fromEntries(new Headers(headers).entries()) : { ...headers };
}

/**
 * Signs every subgraph request with SUBGRAPH_SIGNING_KEY, as the platform
 * gateway does (the kit's `signGatewayRequest`: HMAC-SHA256 over the time,
 * the request id and the body exactly as sent), so the subgraphs accept the
 * figures a `@requires` hands over and adopt the request id. Runs last among
 * the fetch hooks that change headers or body: Hive's HTTP transport sends
 * `options.body` as it stands here.
 */
export function signedSubgraphRequests(signingKey: string): GatewayPlugin {
  return {
    onFetch({ options, setOptions }) {
      if (typeof options.body !== 'string') {
        return;
      }
      const headers = headersRecord(options.headers as HeadersInit);
      headers[GATEWAY_SIGNATURE_HEADER] = signGatewayRequest(signingKey, { requestId: headers[REQUEST_ID_HEADER] ?? '', body: options.body });
      setOptions({ ...options, headers });
    },
  };
}

/**
 * The gateway's own request id, as on the platform gateway: made here for
 * every client request, sent to every subgraph it calls and back to the
 * client. A client's `x-request-id` goes no further — a subgraph adopts the
 * id of a signed request into its logs and audit rows, so it must be the
 * gateway's. (Hive's own `requestId` option would forward the client's.)
 */
export function gatewayRequestIds(): GatewayPlugin {
  const ids = new WeakMap<Request, string>();
  return {
    onRequest({ request }) {
      ids.set(request, randomUUID());
    },
    onFetch({ context, options, setOptions }) {
      const id = 'request' in context ? ids.get(context.request) : undefined;
      if (id !== undefined) {
        setOptions({ ...options, headers: { ...headersRecord(options.headers as HeadersInit), [REQUEST_ID_HEADER]: id } });
      }
    },
    onResponse({ request, response }) {
      const id = ids.get(request);
      if (id !== undefined) {
        response.headers.set(REQUEST_ID_HEADER, id);
      }
    },
  };
}
