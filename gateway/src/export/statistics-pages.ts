import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../gateway-context';
import { SubgraphDataSource } from '../subgraph-data-source';

/** What a page operation answers, from the gateway's execution or from the statistics subgraph itself. */
export interface PageAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  status?: number;
  headers?: Record<string, string>;
}

/**
 * Runs an export's later pages on the statistics subgraph itself, as the
 * caller: the caller's Authorization header, the gateway's signature and
 * request id, the subgraph deadline — the subgraph applies its own rules
 * (restricted indicators, jurisdiction) to every page exactly as to the
 * first, which went through all of the gateway's checks. A page of 1,000
 * rows is millions of fields: the gateway's merging of a federated answer
 * would more than double its cost and memory, for an operation that only
 * one subgraph answers.
 */
export function statisticsPagesFrom(urls: readonly string[], timeoutMs: number): (context: GatewayContext, query: string, variables: Record<string, unknown>) => Promise<PageAnswer> {
  const source = new SubgraphDataSource(urls, timeoutMs, { copyForEachCaller: false });
  // Not an incoming operation of the gateway's: the gateway wrote this one (as the code registry's read).
  const kind = 'loading schema' as Exclude<GraphQLDataSourceProcessOptions['kind'], 'incoming operation'>;
  return async (context, query, variables) => {
    const response = await source.process({ kind, request: { query, variables }, context });
    return { data: response.data as Record<string, unknown> | null | undefined, errors: response.errors?.map((error) => ({ message: error.message, extensions: error.extensions })) };
  };
}
