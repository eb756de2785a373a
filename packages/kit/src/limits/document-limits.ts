import { GraphQLError, Kind, Lexer, parse, Source, TokenKind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { z } from 'zod';

/**
 * Bounds on the shape of one GraphQL document, the same at the gateway and at
 * every subgraph (so a subgraph reached directly is no softer than the
 * gateway), configured by the same variables everywhere.
 */
export interface DocumentLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { maxDepth: 15, maxAliases: 30, maxTokens: 3000, maxDirectives: 20 };

const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The variables that configure the limits; extend a process's environment schema with them. */
export const documentLimitVariables = {
  MAX_DEPTH: positive(DEFAULT_DOCUMENT_LIMITS.maxDepth),
  MAX_ALIASES: positive(DEFAULT_DOCUMENT_LIMITS.maxAliases),
  MAX_TOKENS: positive(DEFAULT_DOCUMENT_LIMITS.maxTokens),
  MAX_DIRECTIVES: positive(DEFAULT_DOCUMENT_LIMITS.maxDirectives),
};

export function documentLimitsOf(env: { MAX_DEPTH: number; MAX_ALIASES: number; MAX_TOKENS: number; MAX_DIRECTIVES: number }): DocumentLimits {
  return { maxDepth: env.MAX_DEPTH, maxAliases: env.MAX_ALIASES, maxTokens: env.MAX_TOKENS, maxDirectives: env.MAX_DIRECTIVES };
}

/** An operation over a limit: BAD_USER_INPUT saying which limit, the maximum and how far over it is. */
export function limitExceeded(limit: string, maximum: number, actual: number, hint = ''): GraphQLError {
  return new GraphQLError(`operation ${limit} is ${actual}, over the limit of ${maximum} by ${actual - maximum}${hint}`, {
    extensions: { code: 'BAD_USER_INPUT', limit, maximum, actual, http: { status: 400 } },
  });
}

export interface DocumentShape {
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * The federation entry point: the gateway fetches the fields a subgraph adds
 * to an entity as `_entities(representations: …) { … on Community { … } }`.
 * The entity sits at least one level down in the client's operation, so
 * measuring from below `_entities` keeps every plan the gateway makes from an
 * operation within the limits within them at the subgraph too.
 */
const ENTITIES_FIELD = '_entities';

/**
 * Depth, aliases and directives of a document with every fragment expanded
 * where it is used — so a fragment spread a hundred times counts a hundred
 * times — computed once per fragment, and safe against fragment cycles
 * (which validation rejects later; here they must simply not loop).
 */
export function measureDocument(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const memo = new Map<string, DocumentShape>();
  const visiting = new Set<string>();

  const measureSelections = (selectionSet: SelectionSetNode | undefined): DocumentShape => {
    const shape: DocumentShape = { depth: 0, aliases: 0, directives: 0 };
    for (const selection of selectionSet?.selections ?? []) {
      shape.directives += selection.directives?.length ?? 0;
      let inner: DocumentShape;
      if (selection.kind === Kind.FIELD) {
        shape.aliases += selection.alias ? 1 : 0;
        inner = selection.selectionSet ? measureSelections(selection.selectionSet) : { depth: 0, aliases: 0, directives: 0 };
        inner = { ...inner, depth: inner.depth + (selection.name.value === ENTITIES_FIELD ? 0 : 1) };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measureSelections(selection.selectionSet);
      } else {
        inner = measureFragment(selection.name.value);
      }
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.aliases += inner.aliases;
      shape.directives += inner.directives;
    }
    return shape;
  };

  const measureFragment = (name: string): DocumentShape => {
    const known = memo.get(name);
    if (known) {
      return known;
    }
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) {
      return { depth: 0, aliases: 0, directives: 0 };
    }
    visiting.add(name);
    const shape = measureSelections(fragment.selectionSet);
    visiting.delete(name);
    const withOwn = { ...shape, directives: shape.directives + (fragment.directives?.length ?? 0) };
    memo.set(name, withOwn);
    return withOwn;
  };

  const total: DocumentShape = { depth: 0, aliases: 0, directives: 0 };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const shape = measureSelections(definition.selectionSet);
      total.depth = Math.max(total.depth, shape.depth);
      total.aliases += shape.aliases;
      total.directives += shape.directives + (definition.directives?.length ?? 0);
    }
  }
  return total;
}

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
 * Checks a query's tokens (before parsing, so a huge document costs one
 * bounded lexing pass), then its depth, aliases and directives. Gives the
 * parsed document when within the limits, null when it does not parse (Apollo
 * reports syntax errors itself, with their location), or the first limit it
 * exceeds.
 */
export function checkDocumentLimits(query: string, limits: DocumentLimits): { document: DocumentNode | null } | { error: GraphQLError } {
  const tokens = countTokens(query, limits.maxTokens * 10);
  if (tokens > limits.maxTokens) {
    return { error: limitExceeded('token count', limits.maxTokens, tokens) };
  }
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return { document: null };
  }
  const shape = measureDocument(document);
  const checks: [string, number, number][] = [
    ['depth', limits.maxDepth, shape.depth],
    ['alias count', limits.maxAliases, shape.aliases],
    ['directive count', limits.maxDirectives, shape.directives],
  ];
  for (const [limit, maximum, actual] of checks) {
    if (actual > maximum) {
      return { error: limitExceeded(limit, maximum, actual) };
    }
  }
  return { document };
}

/**
 * A preflight for createHttpServer that refuses, with HTTP 400, a query over
 * the limits before Apollo parses it. A request the gateway signed passes:
 * the gateway checked its caller's operation, and its query plan may spell
 * out fragments the caller spread, so the same document can count more
 * tokens here than there.
 */
export function documentLimitsPreflight(limits: DocumentLimits) {
  return (body: unknown, _request: unknown, signedByGateway = false): { body: unknown } | { error: GraphQLError; status: number } => {
    const query = body !== null && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
    if (signedByGateway || typeof query !== 'string') {
      return { body };
    }
    const checked = checkDocumentLimits(query, limits);
    return 'error' in checked ? { error: checked.error, status: 400 } : { body };
  };
}
