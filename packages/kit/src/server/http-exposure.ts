import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a process shows of itself beyond GraphQL, and to whom. */
export interface HttpExposure {
  /** Development: `/metrics` open, no content security policy (the IDE loads its page). */
  development: boolean;
  /**
   * METRICS_TOKEN: outside development `/metrics` answers only to
   * `Authorization: Bearer <token>`, and not at all (404) without one configured.
   */
  metricsToken?: string;
  /** Browser origins allowed to call the process (CORS); none by default. */
  corsOrigins?: readonly string[];
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** Outside development nothing the processes serve is a page: no script, style, frame or form may come from it. */
const PRODUCTION_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

const CORS_ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';

/**
 * Sets the usual security headers and, for an allowed origin, CORS; answers
 * a CORS preflight itself. Returns true when the response is complete.
 */
export function applyExposure(exposure: HttpExposure, request: IncomingMessage, response: ServerResponse): boolean {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    response.setHeader(name, value);
  }
  if (!exposure.development) {
    for (const [name, value] of Object.entries(PRODUCTION_HEADERS)) {
      response.setHeader(name, value);
    }
  }
  const origin = request.headers.origin;
  const allowed = typeof origin === 'string' && (exposure.corsOrigins ?? []).includes(origin);
  if (origin !== undefined) {
    response.setHeader('vary', 'Origin');
  }
  if (allowed) {
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
  }
  if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
    if (allowed) {
      response.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': CORS_ALLOWED_HEADERS, 'access-control-max-age': '600' });
    } else {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.write(JSON.stringify({ errors: [{ message: 'this origin may not call the graph (CORS_ORIGINS)', extensions: { code: 'FORBIDDEN' } }] }));
    }
    response.end();
    return true;
  }
  return false;
}

/** Whether this request may read `/metrics`: anyone in development, else the bearer of METRICS_TOKEN. */
export function mayReadMetrics(exposure: HttpExposure, request: IncomingMessage): boolean {
  if (exposure.development) {
    return true;
  }
  if (!exposure.metricsToken) {
    return false;
  }
  const offered = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${exposure.metricsToken}`);
  return offered.length === expected.length && timingSafeEqual(offered, expected);
}
