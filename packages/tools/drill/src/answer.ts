import type { CallKind } from './operations';

/**
 * What one call came back with, as a caller would tell it apart:
 * - `full`: HTTP 200, everything asked for, no error;
 * - `partial`: data with errors, each coded, naming its department and carrying its path;
 * - `partial-unnamed`: data with an error missing its code, department or path;
 * - `coded-error`: nothing useful answered, every error coded (a 4xx such as 429 included);
 * - `uncoded-error`: nothing useful answered and an error without a code, or a body that is not GraphQL;
 * - `http-5xx`: the gateway answered 5xx, whatever the body;
 * - `transport`: no HTTP answer at all (refused, reset, or the caller's own timeout).
 */
export type Outcome = 'full' | 'partial' | 'partial-unnamed' | 'coded-error' | 'uncoded-error' | 'http-5xx' | 'transport';

export const OUTCOMES: readonly Outcome[] = ['full', 'partial', 'partial-unnamed', 'coded-error', 'uncoded-error', 'http-5xx', 'transport'];

export interface Answer {
  kind: CallKind;
  caller: string;
  /** Milliseconds since the drill's clock started. */
  startedAt: number;
  endedAt: number;
  /** The HTTP status; null when no answer came. */
  status: number | null;
  /** The transport failure's code (ECONNREFUSED, UND_ERR_SOCKET, TimeoutError, …). */
  transport?: string;
  codes: string[];
  departments: string[];
  /** Each error's path, joined with dots. */
  paths: string[];
  retryAfter: string | null;
  outcome: Outcome;
  /** Writes: the idempotency key sent and, when acknowledged, the request's id. */
  key?: string;
  id?: string;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: unknown; department?: unknown } }[];
}

export interface Call {
  kind: CallKind;
  caller: string;
  url: string;
  token: string;
  query: string;
  variables: Record<string, unknown>;
  timeoutMs: number;
  /** Whether the data holds everything asked for. */
  isComplete(data: Record<string, unknown> | null | undefined): boolean;
  /** Whether the data answered anything at all (a partial answer rather than an error). */
  answeredSomething(data: Record<string, unknown> | null | undefined): boolean;
  now(): number;
}

/** The innermost code of a failed fetch: undici wraps the socket's in `cause`. */
function transportCode(error: unknown): string {
  let current = error as { name?: string; code?: string; cause?: unknown } | undefined;
  let code = current?.name ?? 'Error';
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current.name === 'TimeoutError' || current.name === 'AbortError') {
      return current.name;
    }
    if (typeof current.code === 'string') {
      code = current.code;
    }
    current = current.cause as typeof current;
  }
  return code;
}

/** Sends one call and records what came back; it never throws. */
export async function call(request: Call): Promise<Answer & { data?: Record<string, unknown> | null }> {
  const startedAt = request.now();
  const base = { kind: request.kind, caller: request.caller, startedAt, codes: [], departments: [], paths: [], retryAfter: null };
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return { ...base, endedAt: request.now(), status: null, transport: transportCode(error), outcome: 'transport' };
  }
  const endedAt = request.now();
  const retryAfter = response.headers.get('retry-after');
  let body: GraphQLBody | null = null;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    body = null;
  }
  const errors = body?.errors ?? [];
  const codes = errors.map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'NONE'));
  const departments = [...new Set(errors.flatMap((error) => (typeof error.extensions?.department === 'string' ? [error.extensions.department] : [])))];
  const paths = errors.map((error) => (error.path ?? []).join('.'));
  const answer = { ...base, endedAt, status: response.status, retryAfter, codes, departments, paths, data: body?.data };
  if (response.status >= 500) {
    return { ...answer, outcome: 'http-5xx' };
  }
  if (!body || (!body.data && errors.length === 0)) {
    return { ...answer, outcome: 'uncoded-error' };
  }
  if (response.status === 200 && errors.length === 0 && request.isComplete(body.data)) {
    return { ...answer, outcome: 'full' };
  }
  if (request.answeredSomething(body.data)) {
    const named = errors.length > 0 && errors.every((error) => typeof error.extensions?.code === 'string' && typeof error.extensions.department === 'string' && (error.path?.length ?? 0) > 0);
    return { ...answer, outcome: named ? 'partial' : 'partial-unnamed' };
  }
  return { ...answer, outcome: errors.length > 0 && codes.every((code) => code !== 'NONE') ? 'coded-error' : 'uncoded-error' };
}
