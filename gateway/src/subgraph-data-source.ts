import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GatewayContext } from './gateway-context';

/**
 * Calls one subgraph over Node's own fetch (keep-alive connections), with a
 * deadline, passing on the caller's Authorization header — every subgraph
 * verifies the token again — and the request id, so one id follows the
 * request through every log.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, timeoutMs: number) {
    const timedFetch = ((input: string, init: RequestInit) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
    super({ url, fetcher: timedFetch });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context?.requestId) {
      return;
    }
    request.http?.headers.set('x-request-id', context.requestId);
    if (context.authorization) {
      request.http?.headers.set('authorization', context.authorization);
    }
  }
}
