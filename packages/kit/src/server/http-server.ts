import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { StartupError } from '../environment/parse-environment';
import type { RequestObservation } from '../observability/request-observation';
import { requestTraceContext, type TraceContext } from '../observability/trace-context';
import { stopTracing } from '../observability/tracing-state';
import { requestObservation, serveRequest } from './caller-scope';
import { applyExposure, mayReadMetrics, type HttpExposure } from './http-exposure';
import type { ProcessMetrics } from './metrics';

/** What a GraphQL request carries into the context function. */
export interface RequestInfo {
  request: IncomingMessage;
  requestId: string;
  logger: Logger;
  /** Aborted when the caller goes (the connection closes) before the answer is sent. */
  signal: AbortSignal;
  /** The request carries a valid signature of the gateway (see `isSignedByGateway`). */
  signedByGateway: boolean;
  /** The platform service that signed the request as its own (see `serviceOf`), or null. */
  service: string | null;
  /** The trace the request belongs to (see `requestTraceContext`); its id is on every log line of the request. */
  trace: TraceContext;
}

export interface HttpServerOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  context: (info: RequestInfo) => Promise<Context>;
  /**
   * Resolves true when the process can serve (database reachable, migrations
   * applied), or a verdict with detail for `/ready`'s body (the gateway names
   * the subgraphs that are not ready).
   */
  ready: () => Promise<boolean | Readiness>;
  logger: Logger;
  metrics: ProcessMetrics;
  /**
   * Only with SQL_CAPTURE=true (the benchmark), `/debug/sql`: the statements
   * kept so far; `?reset` starts keeping anew, `?stop` stops keeping them (a
   * soak must not grow on them).
   */
  sqlCapture?: (then: 'keep' | 'reset' | 'stop') => unknown;
  maxBodyBytes?: number;
  /**
   * Decides, before the body is read, whether a GraphQL request may start
   * now: it gives back a release to call when the request ends, or a refusal
   * (429 with Retry-After, say) sent as is.
   */
  admit?: (request: IncomingMessage) => Promise<Admission>;
  /** Security headers, CORS and who may read `/metrics`. */
  exposure: HttpExposure;
  /**
   * Looks at a parsed GraphQL request before Apollo does: it may replace the
   * body (a trusted document's text for its hash) or refuse it with an error,
   * so that costly or hostile operations never reach parsing, validation or a
   * subgraph.
   */
  preflight?: (body: unknown, request: IncomingMessage, signedByGateway: boolean) => { body: unknown } | { error: GraphQLError; status: number };
  /**
   * A subgraph's check of the gateway's signature over the body as received.
   * Only a signed request's x-request-id is adopted; without this option (the
   * gateway itself) every request gets an id of this process's own.
   */
  isSignedByGateway?: (request: IncomingMessage, body: string) => boolean;
  /** A subgraph's check of a platform service's own signature (`serviceRequestHeaders`): the service, or null. Its x-request-id is adopted too. */
  serviceOf?: (request: IncomingMessage, body: string) => string | null;
  /**
   * Endpoints of the process's own beside `/graphql` (the gateway's
   * `/export`), by path: they get the request id, the security headers and
   * CORS of every request, and a body read under the same limits.
   */
  routes?: Record<string, RouteHandler>;
  /** Where a browser asking for `/graphql` as a page (GET, text/html, no query) is sent: the IDE. None: no page. */
  landingPage?: string;
}

/** What a route of its own (`routes`) gets besides the request and the response. */
export interface RouteInfo {
  requestId: string;
  logger: Logger;
  /** Aborted when the caller goes before the answer is finished. */
  signal: AbortSignal;
  /** The body as text, with the same size limit and UTF-8 check as a GraphQL request's. */
  readBody(): Promise<string>;
}

export type RouteHandler = (request: IncomingMessage, response: ServerResponse, info: RouteInfo) => Promise<void>;

/** `/ready`'s verdict with what it found: `detail` goes into the JSON body beside `status`. */
export interface Readiness {
  ready: boolean;
  detail?: Record<string, unknown>;
}

export type Admission = { release: () => void } | { status: number; headers: Record<string, string>; message: string; code: string };

const REQUEST_ID = /^[\w.:-]{1,100}$/;
const DEFAULT_MAX_BODY_BYTES = 1_000_000;

class BodyTooLarge extends Error {}
// Decoding leniently would turn the bad bytes into U+FFFD and store text nobody sent.
class BodyNotUtf8 extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep reading (and discarding) so the client gets the 413 instead of a reset connection.
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(UTF8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new BodyNotUtf8());
      }
    });
    request.on('error', reject);
  });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A string PostgreSQL could not store as sent: NUL, which text cannot hold,
 * or a lone surrogate, which would silently become U+FFFD. Keys count too.
 */
function holdsUnstorableText(root: unknown): boolean {
  // A loop, not recursion: JSON nested thousands deep must not exhaust the stack.
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
        return true;
      }
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        pending.push(key, item);
      }
    }
  }
  return false;
}

/**
 * Aborted when the caller leaves before the answer is finished (`onClose`
 * runs either way). Every statement and fetch in flight for the request
 * listens to it, many at once for a page of entities, each removing its
 * listener when it settles: so no cap on listeners, whose default of ten
 * warned of a leak there is not.
 */
function abortedWhenCallerLeaves(response: ServerResponse, onClose?: () => void): AbortSignal {
  const callerGone = new AbortController();
  setMaxListeners(0, callerGone.signal);
  response.once('close', () => {
    onClose?.();
    if (!response.writableFinished) {
      callerGone.abort();
    }
  });
  return callerGone.signal;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function graphqlErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** A GraphQL request the server refuses itself, before Apollo: the code is counted with the request's metrics. */
function refuse(response: ServerResponse, status: number, message: string, code: string): void {
  requestObservation()?.refused(code);
  sendJson(response, status, graphqlErrorBody(message, code));
}

/**
 * One HTTP server per process: `/graphql` through Apollo Server, `/health`
 * (the process is alive) and `/ready` (it can serve). Every request gets an
 * id that is logged, echoed back and stored in audit rows. The gateway makes
 * its own; a subgraph takes the gateway's `x-request-id` from a request the
 * gateway (or a platform service) signed, so one id follows a request through
 * every subgraph, and makes its own for anyone else. A caller's id that is not adopted is logged
 * beside it as `clientRequestId`, never stored as the request's id.
 */
export function createHttpServer<Context extends BaseContext>(options: HttpServerOptions<Context>): Server {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const handleGraphql = async (request: IncomingMessage, response: ServerResponse, url: URL, identify: (signed: boolean, service: string | null) => RequestInfo) => {
    let body: unknown;
    let text = '';
    if (request.method === 'POST') {
      text = await readBody(request, maxBodyBytes);
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        refuse(response, 400, 'request body is not valid JSON', 'BAD_REQUEST');
        return;
      }
    }
    const info = identify(options.isSignedByGateway?.(request, text) ?? false, options.serviceOf?.(request, text) ?? null);
    if (holdsUnstorableText(body) || holdsUnstorableText(Object.fromEntries(url.searchParams))) {
      refuse(response, 400, 'strings must be well-formed Unicode without NUL (\\u0000) characters', 'BAD_REQUEST');
      return;
    }
    if (Array.isArray(body)) {
      refuse(response, 400, 'batched requests are not supported: send one operation per request', 'BAD_REQUEST');
      return;
    }
    if (options.preflight) {
      const verdict = options.preflight(body ?? Object.fromEntries(url.searchParams), request, info.signedByGateway);
      if ('error' in verdict) {
        const code = verdict.error.extensions?.code;
        requestObservation()?.refused(typeof code === 'string' ? code : 'BAD_REQUEST');
        sendJson(response, verdict.status, { errors: [{ message: verdict.error.message, extensions: verdict.error.extensions }] });
        return;
      }
      body = request.method === 'POST' ? verdict.body : body;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) {
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: () => options.context(info),
    });
    // Answers carry personal and restricted fields: nothing between here and the caller may keep them. (A subgraph runs
    // without Apollo's cache-control plugin, which used to set this.)
    response.setHeader('cache-control', 'no-store');
    for (const [name, value] of result.headers) {
      response.setHeader(name, value);
    }
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) {
      response.write(chunk);
    }
    response.end();
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const offered = request.headers['x-request-id'];
    const clientRequestId = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : undefined;
    // Read now, while the request's span (when tracing) is the active one.
    const trace = requestTraceContext(request);
    // Replaced once a /graphql request's body shows whether the gateway signed it.
    let logger = options.logger;
    const ownId = randomUUID();
    const identify = (signed: boolean, service: string | null = null): Omit<RequestInfo, 'signal'> => {
      const requestId = (signed || service !== null) && clientRequestId ? clientRequestId : ownId;
      if (requestId !== ownId || logger === options.logger) {
        logger = options.logger.child(clientRequestId && clientRequestId !== requestId ? { requestId, clientRequestId, traceId: trace.traceId } : { requestId, traceId: trace.traceId });
        response.setHeader('x-request-id', requestId);
      }
      return { request, requestId, logger, signedByGateway: signed, service, trace };
    };
    // The /graphql request's metrics, also when it fails outside its handler (a body too large).
    let observation: RequestObservation | undefined;
    identify(false);
    if (url.pathname === '/graphql') {
      const started = process.hrtime.bigint();
      response.once('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.info({ method: request.method, status: response.statusCode, ms: Math.round(ms * 10) / 10 }, 'graphql request');
      });
    }

    const handle = async (): Promise<void> => {
      if (applyExposure(options.exposure, request, response)) {
        return;
      }
      switch (url.pathname) {
        case '/health':
          sendJson(response, 200, { status: 'ok' });
          return;
        case '/ready': {
          const verdict = await options.ready().catch(() => false);
          const { ready, detail } = typeof verdict === 'boolean' ? { ready: verdict, detail: {} } : verdict;
          sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...detail });
          return;
        }
        case '/debug/sql':
          if (options.sqlCapture) {
            sendJson(response, 200, options.sqlCapture(url.searchParams.has('stop') ? 'stop' : url.searchParams.has('reset') ? 'reset' : 'keep'));
            return;
          }
          sendJson(response, 404, { error: 'not found' });
          return;
        case '/metrics': {
          if (!mayReadMetrics(options.exposure, request)) {
            sendJson(response, 404, { error: 'not found' });
            return;
          }
          const page = await options.metrics.render().catch((error: unknown) => {
            logger.warn({ err: error }, 'metrics could not be gathered');
            return null;
          });
          if (!page) {
            // A partial scrape would show counters going backwards: none at all is the honest answer.
            sendJson(response, 503, { error: 'the metrics of every worker could not be gathered' });
            return;
          }
          response.writeHead(200, { 'content-type': page.contentType });
          response.end(page.text);
          return;
        }
        case '/graphql': {
          if (options.landingPage && request.method === 'GET' && !url.searchParams.has('query') && /\btext\/html\b/.test(request.headers.accept ?? '')) {
            response.writeHead(302, { location: options.landingPage });
            response.end();
            return;
          }
          const observed = options.metrics.startRequest();
          observation = observed;
          response.once('close', () => observed.end(response.statusCode, !response.writableFinished));
          const admission = options.admit ? await options.admit(request) : { release: () => undefined };
          if (!('release' in admission)) {
            observed.refused(admission.code);
            response.writeHead(admission.status, { 'content-type': 'application/json', ...admission.headers });
            response.end(JSON.stringify(graphqlErrorBody(admission.message, admission.code)));
            return;
          }
          // 'close' follows both a finished answer and a caller who left: the slot is freed either way.
          const callerGone = abortedWhenCallerLeaves(response, () => admission.release());
          await serveRequest({ callerGone, observation: observed }, () =>
            handleGraphql(request, response, url, (signed, service) => ({ ...identify(signed, service), signal: callerGone })),
          );
          return;
        }
        default: {
          const route = options.routes && Object.hasOwn(options.routes, url.pathname) ? options.routes[url.pathname] : undefined;
          if (!route) {
            sendJson(response, 404, { error: 'not found' });
            return;
          }
          const { requestId } = identify(false);
          await route(request, response, { requestId, logger, signal: abortedWhenCallerLeaves(response), readBody: () => readBody(request, maxBodyBytes) });
        }
      }
    };
    handle().catch((error: unknown) => {
      if (error instanceof BodyNotUtf8) {
        observation?.refused('BAD_REQUEST');
        sendJson(response, 400, graphqlErrorBody('request body is not valid UTF-8', 'BAD_REQUEST'));
        return;
      }
      if (error instanceof BodyTooLarge) {
        observation?.refused('BAD_REQUEST');
        response.setHeader('connection', 'close');
        sendJson(response, 413, graphqlErrorBody(`request body is larger than ${maxBodyBytes} bytes`, 'BAD_REQUEST'));
        return;
      }
      observation?.refused('INTERNAL_SERVER_ERROR');
      logger.error({ err: error }, 'request failed');
      if (!response.headersSent) {
        sendJson(response, 500, graphqlErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      } else {
        response.end();
      }
    });
  });
  server.once('listening', () => options.metrics.serving());
  return server;
}

/**
 * Listens and resolves the base URL, e.g. http://127.0.0.1:4001 (port 0
 * picks a free one). A port another program holds is a startup error that
 * says so, not a stack trace.
 */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StartupError(`port ${port} on ${host} is already in use by another program: stop it, or set PORT to another port`) : error),
    );
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve(`http://${shownHost}:${address.port}`);
    });
  });
}

/** How long a stop waits for requests in flight before it cuts the connections still open. */
export const DRAIN_GRACE_MS = 20_000;

/**
 * Stops accepting connections, lets in-flight requests finish, then
 * resolves. A caller that keeps a connection alive (the gateway, a load
 * balancer) would keep sending on it: so each answer given while stopping
 * closes its connection. Idle kept-alive connections are not closed at once
 * (http.Server.close would): a client may be sending a request on one at
 * that very moment, which then fails unanswered, and a write cannot safely
 * be sent again. They end at the keep-alive timeout the server announces in
 * every answer (`Keep-Alive: timeout=5`), past which clients no longer use
 * them. Whatever is still open after `graceMs` is cut.
 */
export function closeServer(server: Server, graceMs = DRAIN_GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    const closeWhenAnswered = (_request: IncomingMessage, response: ServerResponse) => {
      if (!response.headersSent) {
        response.setHeader('connection', 'close');
      }
    };
    server.prependListener('request', closeWhenAnswered);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    // net.Server's own close: stop listening and wait for the connections, without http.Server's closing of idle ones.
    NetServer.prototype.close.call(server, () => {
      clearTimeout(cut);
      server.off('request', closeWhenAnswered);
      resolve();
    });
  });
}

/**
 * Runs `stop` once on the first SIGTERM or SIGINT, sends the spans still
 * buffered (when tracing), then exits; a second signal exits at once.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => stopTracing().then(() => process.exit(0)),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
