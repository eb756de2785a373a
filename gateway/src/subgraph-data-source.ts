import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { GatewayContext } from './gateway-context';

/**
 * Calls one subgraph over Node's own fetch (keep-alive connections), with a
 * deadline, passing on the caller's Authorization header — every subgraph
 * verifies the token again — and the request id, so one id follows the
 * request through every log.
 */
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Identical query fetches in flight right now, shared instead of sent again. */
  private readonly inFlight = new Map<string, Promise<SubgraphResponse>>();

  constructor(url: string, timeoutMs: number) {
    const timedFetch = ((input: string, init: RequestInit) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
    super({ url, fetcher: timedFetch });
  }

  /**
   * Many clients asking the same thing at once (a dashboard everyone has
   * open) cost one subgraph fetch: a query identical in document, variables
   * and caller's Authorization to one in flight waits for that one's answer,
   * each getting its own copy. Mutations are never shared.
   */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { request, context } = options;
    if (!request.query || /^\s*mutation\b/.test(request.query)) {
      return super.process(options);
    }
    const key = JSON.stringify([request.query, request.variables ?? null, context?.authorization ?? null]);
    let shared = this.inFlight.get(key);
    if (!shared) {
      shared = super.process(options).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, shared);
    }
    // The gateway merges answers into its own result tree: each caller gets its own data.
    return shared.then((response) => ({ ...response, data: structuredClone(response.data), errors: structuredClone(response.errors) }));
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
