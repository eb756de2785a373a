import type { IncomingMessage } from 'node:http';
import { GraphQLError, Lexer, parse, Source, TokenKind } from 'graphql';
import { measureDocument } from './document-shape';
import { limitExceeded, type OperationLimits } from './operation-limits';
import type { TrustedDocuments } from './trusted-documents';

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } });

/** Tokens in `query`, counting no further than `stopAt` (the body size bounds it anyway). */
function countTokens(query: string, stopAt: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= stopAt && lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
    }
  } catch {
    // A lexical error: Apollo reports it with its location.
  }
  return count;
}

/**
 * Runs on the raw request before Apollo parses or validates it: resolves
 * trusted-document hashes, enforces "trusted documents only" for anonymous
 * callers when configured, and checks tokens, depth, aliases and directives —
 * so a hostile document costs one bounded parse and nothing else.
 */
export function createPreflight(limits: OperationLimits, trusted: TrustedDocuments) {
  return (body: unknown, request: IncomingMessage): { body: unknown } | { error: GraphQLError; status: number } => {
    if (body === null || typeof body !== 'object') {
      return { error: badRequest('the request must be a JSON object with a "query"'), status: 400 };
    }
    const resolved = trusted.resolve(body as Record<string, unknown>, !!request.headers.authorization);
    if ('error' in resolved) {
      return resolved;
    }
    const query = resolved.body.query;
    if (query === undefined) {
      // Automatic persisted queries send a hash alone; Apollo answers those.
      return resolved;
    }
    if (typeof query !== 'string') {
      return { error: badRequest('"query" must be a string'), status: 400 };
    }
    const tokens = countTokens(query, limits.maxTokens * 10);
    if (tokens > limits.maxTokens) {
      return { error: limitExceeded('token count', limits.maxTokens, tokens), status: 400 };
    }
    let document;
    try {
      document = parse(query);
    } catch {
      // Apollo reports syntax errors itself, with their location.
      return resolved;
    }
    const shape = measureDocument(document);
    const checks: [string, number, number][] = [
      ['depth', limits.maxDepth, shape.depth],
      ['alias count', limits.maxAliases, shape.aliases],
      ['directive count', limits.maxDirectives, shape.directives],
    ];
    for (const [limit, maximum, actual] of checks) {
      if (actual > maximum) {
        return { error: limitExceeded(limit, maximum, actual), status: 400 };
      }
    }
    return resolved;
  };
}
