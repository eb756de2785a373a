import type { IncomingMessage } from 'node:http';
import { GraphQLError, Kind, Lexer, parse, Source, TokenKind, type DocumentNode, type OperationTypeNode } from 'graphql';
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
/**
 * The operation the request names, checked the way the gateway's planner
 * would otherwise fail on: a missing or ambiguous name, or an operation type
 * the graph does not have.
 */
function operationProblem(document: DocumentNode, operationName: unknown, rootTypes: ReadonlySet<OperationTypeNode>): string | null {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return '"operationName" must be a string';
  }
  const chosen = operationName ? operations.find((operation) => operation.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!chosen) {
    return operationName ? `the document has no operation named "${operationName}"` : operations.length > 1 ? 'the document holds several operations: name one in "operationName"' : null;
  }
  if (!rootTypes.has(chosen.operation)) {
    return `this graph does not serve ${chosen.operation}s`;
  }
  return null;
}

export function createPreflight(limits: OperationLimits, trusted: TrustedDocuments, rootTypes: ReadonlySet<OperationTypeNode>) {
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
    const problem = operationProblem(document, resolved.body.operationName, rootTypes);
    if (problem) {
      return { error: badRequest(problem), status: 400 };
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
