import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway';

/**
 * GraphQL Armor's limit rules (`Syntax Error: Query depth limit of 15
 * exceeded, found 16.`) and the JWT plugin (`Unauthenticated`) refuse with
 * a message and no code, the limits with HTTP 200. Every refusal of the
 * platform carries a code a client can act on, so this names them with the
 * platform's codes and statuses — BAD_USER_INPUT (400) with `limit`,
 * `maximum` and `actual` like the platform's, UNAUTHENTICATED (401) — and
 * keeps Hive's messages. Hive's own coded errors pass unchanged. The
 * messages are matched as the pinned versions write them; the tests send
 * each refusal and fail when a new version words one differently.
 */
const LIMITS: { pattern: RegExp; limit: string }[] = [
  { pattern: /^Syntax Error: Query depth limit of (\d+) exceeded, found (\d+)\.$/, limit: 'depth' },
  { pattern: /^Syntax Error: Aliases limit of (\d+) exceeded, found (\d+)\.$/, limit: 'alias count' },
  { pattern: /^Syntax Error: Directives limit of (\d+) exceeded, found (\d+)\.$/, limit: 'directive count' },
  { pattern: /^Syntax Error: Token limit of (\d+) exceeded\.$/, limit: 'token count' },
];

/** What Hive's JWT plugin (and its header parsing) says about a token it refuses. */
const TOKEN_REFUSALS = new Set(['Unauthenticated', 'Invalid authentication token provided', 'Invalid JWT authentication token prefix.', 'Authentication header was set, but token is missing.']);

function withExtensions(error: GraphQLError, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, ...extensions },
  });
}

export function codedError(error: GraphQLError): GraphQLError {
  if (!(error instanceof GraphQLError) || (error.extensions?.code !== undefined && error.extensions.code !== 'GRAPHQL_PARSE_FAILED')) {
    return error;
  }
  for (const { pattern, limit } of LIMITS) {
    const match = pattern.exec(error.message);
    if (match) {
      const actual = match[2] === undefined ? {} : { actual: Number(match[2]) };
      return withExtensions(error, { code: 'BAD_USER_INPUT', limit, maximum: Number(match[1]), ...actual, http: { status: 400 } });
    }
  }
  if (TOKEN_REFUSALS.has(error.message) && error.extensions?.code === undefined) {
    return withExtensions(error, { code: 'UNAUTHENTICATED', http: { status: 401 } });
  }
  return error;
}

export function codedRefusals(): GatewayPlugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result || !result.errors?.length) {
        return;
      }
      setResult({ ...result, errors: result.errors.map((error) => codedError(error as GraphQLError)) });
    },
  };
}
