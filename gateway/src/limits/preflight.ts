import type { IncomingMessage } from 'node:http';
import { GraphQLError, Kind, type DocumentNode, type OperationTypeNode } from 'graphql';
import { checkDocumentLimits } from '@shequ/kit';
import type { OperationLimits } from './operation-limits';
import type { TrustedDocuments } from './trusted-documents';

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } });

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

/** Documents (with their operation name) already found within the limits; past this many the oldest are checked again. */
const PASSED_DOCUMENTS_KEPT = 500;
/** Longer documents are checked every time rather than kept (the memory they would hold). */
const LONGEST_KEPT_DOCUMENT = 20_000;

/** The texts that passed, so a document sent again is not parsed twice more (here and by Apollo, which keeps its own parse). */
class PassedDocuments {
  private readonly passed = new Set<string>();

  has(key: string): boolean {
    return this.passed.has(key);
  }

  add(key: string): void {
    if (key.length > LONGEST_KEPT_DOCUMENT) {
      return;
    }
    if (this.passed.size >= PASSED_DOCUMENTS_KEPT) {
      this.passed.delete(this.passed.values().next().value as string);
    }
    this.passed.add(key);
  }
}

/**
 * Runs on the raw request before Apollo parses or validates it: resolves
 * trusted-document hashes, enforces "trusted documents only" for anonymous
 * callers when configured, and checks tokens, depth, aliases and directives —
 * so a hostile document costs one bounded parse and nothing else.
 */
export function createPreflight(limits: OperationLimits, trusted: TrustedDocuments, rootTypes: ReadonlySet<OperationTypeNode>) {
  const passed = new PassedDocuments();
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
    // Only what passed is kept: a refusal is worked out again, and costs the sender the same each time.
    const key = `${JSON.stringify(resolved.body.operationName ?? null)}\n${query}`;
    if (passed.has(key)) {
      return resolved;
    }
    // The same document limits as every subgraph applies, from the kit.
    const checked = checkDocumentLimits(query, limits);
    if ('error' in checked) {
      return { error: checked.error, status: 400 };
    }
    if (!checked.document) {
      // Apollo reports syntax errors itself, with their location.
      return resolved;
    }
    const problem = operationProblem(checked.document, resolved.body.operationName, rootTypes);
    if (problem) {
      return { error: badRequest(problem), status: 400 };
    }
    passed.add(key);
    return resolved;
  };
}
