import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * What the caller is told when a subgraph fetch fails: TIMEOUT when the
 * gateway's deadline passed, SERVICE_UNAVAILABLE when the subgraph said its
 * database is down, SUBGRAPH_UNAVAILABLE for everything else that left no
 * answer (refused or reset connection, HTTP 5xx, a body that is not GraphQL).
 * Never the underlying message: that names hosts and ports.
 */
export type SubgraphFailureCode = 'TIMEOUT' | 'SUBGRAPH_UNAVAILABLE' | 'SERVICE_UNAVAILABLE';

export interface SubgraphFailure {
  code: SubgraphFailureCode;
  message: string;
}

/** The codes a subgraph's own 5xx answer may carry that the gateway hands on as they are. */
export const PASSED_THROUGH_UNAVAILABLE_CODES = new Set(['SERVICE_UNAVAILABLE']);

/**
 * Reads a failed fetch: null when the failure is not the subgraph's being
 * unavailable (a coded 4xx refusal, the caller having gone), which is
 * handled as before.
 */
export function subgraphFailureOf(error: unknown, subgraph: string, timeoutMs: number, callerGone: boolean): SubgraphFailure | null {
  if (error instanceof GraphQLError) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && PASSED_THROUGH_UNAVAILABLE_CODES.has(code)) {
      return { code: code as SubgraphFailureCode, message: error.message };
    }
    if (code === 'SUBGRAPH_UNAVAILABLE') {
      return unavailable(subgraph);
    }
    if (typeof code === 'string') {
      return null;
    }
  }
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
    return { code: 'TIMEOUT', message: `the ${subgraph} subgraph did not answer within ${timeoutMs / 1000} s; its fields are missing from this answer` };
  }
  if (callerGone) {
    return null;
  }
  return unavailable(subgraph);
}

function unavailable(subgraph: string): SubgraphFailure {
  return { code: 'SUBGRAPH_UNAVAILABLE', message: `the ${subgraph} subgraph is unavailable; its fields are missing from this answer` };
}

/** The fetch's operation: the planner keeps only its text unless told to keep the document too. */
function documentOf(query: string | undefined): DocumentNode | undefined {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
}

/** Errors past this many per fetch are left out: a list of hundreds of regions would otherwise carry one for each. */
export const MAX_ERRORS_PER_FETCH = 100;

/**
 * The response names of the fields a selection set asks for, fragments
 * resolved; with `typename`, only those that apply to that type.
 */
function fieldNamesOf(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, typename?: string): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') {
        names.push(selection.alias?.value ?? selection.name.value);
      }
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    const condition = fragment?.typeCondition?.name.value;
    if (fragment && (!typename || !condition || condition === typename)) {
      names.push(...fieldNamesOf(fragment.selectionSet, fragments, typename));
    }
  }
  return [...new Set(names)];
}

/**
 * The answer the gateway's executor gets instead of a thrown error: no data,
 * and one error per field the fetch was to resolve, each with its path as
 * the subgraph would have reported it (`_entities`, the representation's
 * index, the field), which the executor turns into the path in the caller's
 * answer. Thrown, the error would reach the caller with no path at all.
 */
export function failedFetchAnswer(
  failure: SubgraphFailure,
  subgraph: string,
  query: string | undefined,
  variables: Record<string, unknown> | undefined,
): { errors: GraphQLError[] } {
  const document = documentOf(query);
  const extensions = { code: failure.code, department: subgraph };
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!document || !operation || operation.kind !== Kind.OPERATION_DEFINITION) {
    return { errors: [new GraphQLError(failure.message, { extensions })] };
  }
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])));
  const paths: (string | number)[][] = [];
  const entities = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities');
  const representations = variables?.representations;
  if (entities?.kind === Kind.FIELD && entities.selectionSet && Array.isArray(representations)) {
    for (const [index, representation] of representations.entries()) {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      for (const field of fieldNamesOf(entities.selectionSet, fragments, typeof typename === 'string' ? typename : undefined)) {
        paths.push(['_entities', index, field]);
      }
      if (paths.length >= MAX_ERRORS_PER_FETCH) {
        break;
      }
    }
  } else {
    paths.push(...fieldNamesOf(operation.selectionSet, fragments).map((field) => [field]));
  }
  if (paths.length === 0) {
    return { errors: [new GraphQLError(failure.message, { extensions })] };
  }
  return { errors: paths.slice(0, MAX_ERRORS_PER_FETCH).map((path) => new GraphQLError(failure.message, { path, extensions })) };
}
