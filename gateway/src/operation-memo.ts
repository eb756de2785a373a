import { OperationTypeNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** Answers kept per document, by operation name and variables; past this many the oldest go first. */
const KEPT_PER_DOCUMENT = 64;
/** Variables longer than this as JSON are worked out each time rather than kept. */
const LONGEST_KEPT_VARIABLES = 2_000;

/** The operation's name and variables as one string; null for variables too deeply nested to write out (a hostile request), which are then worked out each time. */
export function keyOf(operation: OperationDefinitionNode, variables: Record<string, unknown>): string | null {
  try {
    return `${operation.name?.value ?? ''}\n${JSON.stringify(variables)}`;
  } catch {
    return null;
  }
}

type OperationFunction<T> = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) => T;

/**
 * `compute`, remembering its answers for each schema, document, operation
 * and variables: Apollo hands the same parsed document to every request
 * with the same text, so a dashboard sent a thousand times with the same
 * variables is worked out once. Only for answers that depend on nothing
 * else; they are frozen, since every request shares them. A mutation's are
 * never kept: its variables differ from one request to the next (an
 * idempotency key, the record written), so keeping them would cost a key
 * per request and push out the queries' answers.
 */
export function memoizedPerOperation<T extends object>(compute: OperationFunction<T>): OperationFunction<T> {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, T>>>();
  return (schema, document, operation, variables) => {
    const key = operation.operation === OperationTypeNode.MUTATION ? null : keyOf(operation, variables);
    if (key === null || key.length > LONGEST_KEPT_VARIABLES) {
      return compute(schema, document, operation, variables);
    }
    let byDocument = bySchema.get(schema);
    if (!byDocument) {
      byDocument = new WeakMap();
      bySchema.set(schema, byDocument);
    }
    let answers = byDocument.get(document);
    const known = answers?.get(key);
    if (known) {
      return known;
    }
    const answer = Object.freeze(compute(schema, document, operation, variables));
    if (!answers) {
      answers = new Map();
      byDocument.set(document, answers);
    }
    if (answers.size >= KEPT_PER_DOCUMENT) {
      answers.delete(answers.keys().next().value as string);
    }
    answers.set(key, answer);
    return answer;
  };
}
