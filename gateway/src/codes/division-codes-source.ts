import { randomUUID } from 'node:crypto';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { buildASTSchema, parse } from 'graphql';
import type { GatewayContext } from '../gateway-context';
import { SubgraphDataSource } from '../subgraph-data-source';

/** The URL the supergraph gives a subgraph (`@join__graph(name:, url:)`), for one the environment does not override. */
export function supergraphUrlOf(supergraphSdl: string, subgraph: string): string | undefined {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const graphs = schema.getType('join__Graph');
  for (const value of graphs && 'getValues' in graphs ? graphs.getValues() : []) {
    const directive = value.astNode?.directives?.find((candidate) => candidate.name.value === 'join__graph');
    const argument = (name: string) => directive?.arguments?.find((candidate) => candidate.name.value === name)?.value;
    const name = argument('name');
    const url = argument('url');
    if (name?.kind === 'StringValue' && name.value === subgraph && url?.kind === 'StringValue') {
      return url.value;
    }
  }
  return undefined;
}

/** The longest the registry waits for governance: a governance that hangs must not hold up the gateway's start for the subgraph deadline. */
const LOAD_DEADLINE_MS = 5_000;

/**
 * Reads governance's `divisionCodes` the way the gateway reaches any
 * subgraph — the same data source, deadline and signature — as the gateway
 * itself, with no caller's token (the field is public).
 */
export function divisionCodesFrom(urls: readonly string[], timeoutMs: number, signingKey: string | undefined): () => Promise<string[]> {
  const source = new SubgraphDataSource(urls, Math.min(timeoutMs, LOAD_DEADLINE_MS));
  return async () => {
    const context: GatewayContext = { viewer: null, requestId: randomUUID(), authorization: null, signal: new AbortController().signal, callerKey: 'gateway', subgraphSigningKey: signingKey };
    // Not an incoming operation: no client's request stands behind it (the gateway does not export the enum's values).
    const kind = 'loading schema' as Exclude<GraphQLDataSourceProcessOptions['kind'], 'incoming operation'>;
    const response = await source.process({ kind, request: { query: '{ divisionCodes }' }, context });
    const codes = (response.data as { divisionCodes?: unknown } | undefined)?.divisionCodes;
    if (response.errors?.length || !Array.isArray(codes)) {
      throw new Error(`governance answered no divisionCodes: ${response.errors?.[0]?.message ?? 'no data'}`);
    }
    return codes as string[];
  };
}
