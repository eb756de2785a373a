import { significantPrefix } from '../codes/division-codes';
import { codeWithinPrefix } from '../codes/code-range';

/**
 * A batch of scopes — community and region codes asked for together — as
 * the rows of a statement: `FROM ${SCOPES}` gives `scope.code` (as asked)
 * and `scope.prefix` for the parameters `scopeParameters(codes)` makes
 * (`$1` codes, `$2` prefixes). Every department's stats loaders read their
 * batches this way, so a figure means the same at every level.
 */
export const SCOPES = 'unnest($1::text[], $2::text[]) AS scope(code, prefix)';

/** `$1` and `$2` of a statement over `SCOPES`: the codes, and the prefix each one's rows start with (a community's is its own code). */
export function scopeParameters(codes: readonly string[]): [string[], string[]] {
  return [[...codes], codes.map(significantPrefix)];
}

/** SQL: the code in `column` lies within the scope row's prefix (index-served; see `codeWithinPrefix`). */
export function withinScope(column: string): string {
  return codeWithinPrefix(column, 'scope.prefix');
}
