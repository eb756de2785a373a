import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@shequ/kit';

type OutgoingRequest = GraphQLDataSourceProcessOptions['request'];

/**
 * The body exactly as RemoteGraphQLDataSource sends it (`sendRequest`
 * serialises the request with `query` first and without `http`): the
 * subgraph checks the signature against the bytes it receives, so this must
 * match them to the byte. The gateway's tests send signed requests through
 * every subgraph and would fail the day it does not.
 */
function bodyAsSent(request: OutgoingRequest): string {
  const { http: _http, query, ...rest } = request;
  return JSON.stringify({ query, ...rest });
}

/**
 * Signs one subgraph request with SUBGRAPH_SIGNING_KEY (see the kit's
 * gateway-signature): the subgraph then adopts its request id and accepts
 * the figures its entity representations carry. Call it last, after every
 * header and the body are final.
 */
export function signSubgraphRequest(request: OutgoingRequest, signingKey: string | undefined, requestId: string): void {
  if (signingKey) {
    request.http?.headers.set(GATEWAY_SIGNATURE_HEADER, signGatewayRequest(signingKey, { requestId, body: bodyAsSent(request) }));
  }
}
