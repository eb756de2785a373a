import { type HostileRequest } from '@shequ/kit/testing';
import { databaseSchemaOf, SUBGRAPHS } from '@shequ/schema';

/** What a response must never show a client: how the server is built, where it lives, what its database looks like. */
const INTERNALS: [string, RegExp][] = [
  ['a stack trace', /stacktrace|\bat (?:async )?[\w.$<>]+ \(|\n\s+at /i],
  ['a source file and line', /[\w-]+\.(?:[cm]?[jt]s|tsx?|sql):\d+/],
  ['installed packages', /node_modules|@shequ\/|\/dist\//],
  ['a file path', /(?:^|[\s"'(=])(?:\/(?:home|root|usr|var|tmp|work|opt|srv|app|proc)\/|[A-Z]:\\\\)/],
  ['SQL', /\b(?:SELECT\s[\s\S]*\sFROM|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM|RETURNING|WHERE\s+\w+\s*=)\b/],
  ['a database error', /syntax error at or near|violates (?:check|foreign key|unique|not-null) constraint|duplicate key value|invalid input syntax|out of range for type|relation "|column "|current transaction is aborted|canceling statement|QueryFailedError|TypeORM|EntityNotFound|\bpg_\w+|\bSQLSTATE\b|postgres/i],
  ['a department table', new RegExp(`\\b(?:${[...SUBGRAPHS.map((entry) => databaseSchemaOf(entry.name)), 'public'].join('|')})\\.[a-z_]+\\b`)],
  ['an internal error', /Internal server error|INTERNAL_SERVER_ERROR|ECONNREFUSED|ETIMEDOUT|socket hang up|fetch failed/i],
];

/** Every string value in a JSON value, and whether any leaf is not null; a loop, since the corpus nests thousands deep. */
function walk(root: unknown): { strings: string[]; anyLeaf: boolean } {
  const strings: string[] = [];
  let anyLeaf = false;
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value && typeof value === 'object') {
      pending.push(...Object.values(value));
    } else if (value !== null && value !== undefined) {
      anyLeaf = true;
      if (typeof value === 'string') {
        strings.push(value);
      }
    }
  }
  return { strings, anyLeaf };
}

/**
 * The response text less every echo of what the caller sent: error messages
 * may quote the caller's own input (cut at 40 characters), and only what the
 * server adds must be free of internals.
 */
function addedByServer(request: HostileRequest, text: string): string {
  let payload: unknown;
  try {
    payload = typeof request.body === 'string' ? JSON.parse(request.body) : undefined;
  } catch {
    payload = undefined;
  }
  const echoes = walk(payload).strings
    .filter((value) => value.length > 0)
    .flatMap((value) => [value, value.slice(0, 40)].map((part) => JSON.stringify(part).slice(1, -1)))
    .sort((a, b) => b.length - a.length);
  return echoes.reduce((remaining, echoed) => remaining.split(echoed).join(''), text);
}

/** The internals a response shows, by name; empty when it shows none. */
export function leaks(request: HostileRequest, text: string): string[] {
  const added = addedByServer(request, text);
  return INTERNALS.filter(([, pattern]) => pattern.test(added)).map(([name]) => name);
}

export interface ParsedResponse {
  data?: Record<string, unknown> | null;
  errors?: { message?: string; extensions?: { code?: unknown } }[];
}

/** The response's problems as readable lines: a 5xx, an error without a code, an unexpected answer. */
export function problems(request: HostileRequest, status: number, text: string): string[] {
  const found: string[] = [];
  if (status >= 500) {
    found.push(`HTTP ${status}`);
  }
  let body: ParsedResponse | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    if (status < 400) {
      found.push(`HTTP ${status} without a JSON body`);
    }
  }
  const errors = body?.errors ?? [];
  for (const error of errors) {
    if (typeof error.extensions?.code !== 'string') {
      found.push(`an error without extensions.code: ${error.message}`);
    }
    if (!error.message || error.message.length < 8) {
      found.push(`an error without a clear message: ${JSON.stringify(error.message)}`);
    }
  }
  const codes = errors.map((error) => error.extensions?.code);
  // A refusal may leave its parent object in place ({ community: { volunteers: null } }): only a value answers.
  const answered = walk(body?.data ?? null).anyLeaf;
  if (request.refusedWith && !(status >= 400 && body === null)) {
    if (!codes.some((code) => request.refusedWith?.includes(code as string))) {
      found.push(`expected a refusal with ${request.refusedWith.join(' or ')}, got HTTP ${status} ${codes.length ? `codes ${codes.join(', ')}` : 'no error'}`);
    }
    if (answered) {
      found.push('a refused request also answered data');
    }
  } else if ((body?.data === undefined || body.data === null) && errors.length === 0 && status < 400) {
    found.push('neither data nor an error');
  }
  return [...found, ...leaks(request, text).map((name) => `the response shows ${name}`)];
}
