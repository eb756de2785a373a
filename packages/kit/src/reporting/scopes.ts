import { significantPrefix } from '../codes/division-codes';
import type { ChinaWindow } from '../time/china-time';
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

/** A prefix of a batch that is a community's own code rather than a region's. */
export const isCommunityPrefix = (prefix: string) => prefix.length === 12;

/**
 * All a statement over a batch's scopes takes from the batch itself: whether
 * it holds communities, and each region depth it holds with whether one
 * region or more (a lone region reads its facts whole). The codes go as
 * parameters, so batches of one shape share one statement text.
 */
export function batchShape(prefixes: readonly string[]): string {
  let communities = false;
  const regionsByDepth = new Map<number, number>();
  for (const prefix of prefixes) {
    if (isCommunityPrefix(prefix)) {
      communities = true;
    } else {
      regionsByDepth.set(prefix.length, (regionsByDepth.get(prefix.length) ?? 0) + 1);
    }
  }
  const depths = [...regionsByDepth].sort(([a], [b]) => a - b).map(([depth, count]) => `${depth}${count > 1 ? '+' : ''}`);
  return `${communities ? 'c' : ''}|${depths.join(',')}`;
}

/** Statement texts kept per source: a few shapes times the windows of a day or two, so a cap is only a safeguard. */
const MOST_KEPT_PER_SOURCE = 64;

/**
 * A statement builder over a batch's scopes (see `batchShape`), building each
 * text once per source, window and shape instead of once per request: the
 * text of a roll-up or a median runs to kilobytes, and a dashboard's batches
 * asked for the same few texts many times a second.
 */
export function builtOncePerShape<Source extends object, Window extends [window?: ChinaWindow]>(
  build: (source: Source, prefixes: readonly string[], ...window: Window) => string,
): (source: Source, prefixes: readonly string[], ...window: Window) => string {
  const kept = new WeakMap<Source, Map<string, string>>();
  return (source, prefixes, ...rest) => {
    const window = rest[0];
    const key = `${batchShape(prefixes)}|${window ? `${window.first}|${window.last}|${window.since.getTime()}|${window.until.getTime()}` : ''}`;
    let texts = kept.get(source);
    if (!texts) {
      texts = new Map();
      kept.set(source, texts);
    }
    let text = texts.get(key);
    if (text === undefined) {
      text = build(source, prefixes, ...rest);
      if (texts.size >= MOST_KEPT_PER_SOURCE) {
        texts.clear();
      }
      texts.set(key, text);
    }
    return text;
  };
}
