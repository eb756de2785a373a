import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { formatTraceparent, GATEWAY_SIGNATURE_HEADER, signGatewayRequest, tracingEnabled, type Logger } from '@shequ/kit';
import type { GatewayContext } from './gateway-context';
import type { SubgraphFetchFailure, SubgraphFetchMetrics } from './observability/subgraph-fetch-metrics';
import { failedFetchAnswer, PASSED_THROUGH_UNAVAILABLE_CODES, subgraphFailureOf } from './subgraph-failure';
import { createSubgraphHttpClient, type SubgraphAnswer, type SubgraphFetch } from './subgraph-http-client';
import { SubgraphReplicas } from './subgraph-replicas';

/**
 * Calls one subgraph over kept-alive HTTP connections, with a
 * deadline, passing on the caller's Authorization header — every subgraph
 * verifies the token again — and the gateway's request id and trace context,
 * so one id and one trace follow the request through every log, signed so the
 * subgraph knows the request (and the figures in its representations) came
 * from the gateway. Each fetch is timed in the gateway's metrics by subgraph.
 *
 * Its own data source rather than Apollo's RemoteGraphQLDataSource: that one
 * builds a node-fetch Request and Headers for every fetch and leaves the body
 * to be serialised again for the signature. Here the body is written once,
 * signed as written and sent as signed, and the caller's signal reaches the
 * fetch as an argument.
 */
type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** A fetch shared by the callers waiting for it: aborted once every one of them has gone. */
interface SharedFetch {
  response: Promise<SubgraphResponse>;
  abort: AbortController;
  /** Callers still waiting; the fetch is abandoned when none is left. */
  waiting: number;
  /** Callers that have not yet taken their answer: the last one takes the original, the others a copy. */
  unanswered: number;
}

const JSON_CONTENT_TYPES = ['application/json', 'application/graphql-response+json'];

export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  /** Identical query fetches in flight right now, shared instead of sent again. */
  private readonly inFlight = new Map<string, SharedFetch>();
  private readonly replicas: SubgraphReplicas;
  private readonly client: { fetch: SubgraphFetch };

  /**
   * `copyForEachCaller: false` for answers nobody merges into a result tree
   * (an export's pages, read once and written out): a page of millions of
   * fields is not copied. With `metrics`, every fetch is timed under
   * `subgraph` (the subgraph's name in the supergraph). With `subgraph`, a
   * fetch for a caller's operation that fails is answered with coded errors
   * naming it, and `logger` keeps the detail the caller does not see.
   */
  constructor(
    urls: string | readonly string[],
    private readonly timeoutMs: number,
    private readonly options: { copyForEachCaller?: boolean; subgraph?: string; metrics?: SubgraphFetchMetrics; logger?: Logger } = {},
  ) {
    this.replicas = new SubgraphReplicas(typeof urls === 'string' ? [urls] : urls);
    this.client = createSubgraphHttpClient();
  }

  /**
   * Many clients asking the same thing at once (a dashboard everyone has
   * open) cost one subgraph fetch: a query identical in document, variables
   * and caller's Authorization to one in flight waits for that one's answer,
   * each getting its own copy. Mutations are never shared, and never
   * abandoned before their deadline: a write runs to its end once sent.
   * A shared query is abandoned — and the subgraph stops its SQL — when
   * every caller waiting for it has gone.
   */
  process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const subgraph = this.options.subgraph;
    if (!subgraph || options.kind !== 'incoming operation') {
      return this.processShared(options);
    }
    const clock = options.context?.fetchClock;
    clock?.fetchStarted();
    const answered = this.processShared(options).finally(() => clock?.fetchEnded());
    return answered.catch((error: unknown) => {
      const failure = subgraphFailureOf(error, subgraph, this.timeoutMs, options.context?.signal?.aborted ?? false);
      if (!failure) {
        throw error;
      }
      this.options.logger?.warn({ err: error, subgraph, code: failure.code, requestId: options.context?.requestId }, 'subgraph fetch failed');
      // An answer, not a throw: the executor then gives each error the path of the field it left empty.
      return failedFetchAnswer(failure, subgraph, options.request.query, options.request.variables) as unknown as SubgraphResponse;
    });
  }

  private processShared(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { request, context } = options;
    if (!request.query || /^\s*mutation\b/.test(request.query)) {
      return this.send(options);
    }
    const key = JSON.stringify([request.query, request.variables ?? null, context?.authorization ?? null]);
    let shared = this.inFlight.get(key);
    if (!shared) {
      const abort = new AbortController();
      const response = this.send(options, abort.signal).finally(() => this.inFlight.delete(key));
      shared = { response, abort, waiting: 0, unanswered: 0 };
      this.inFlight.set(key, shared);
    }
    const entry = shared;
    entry.waiting += 1;
    entry.unanswered += 1;
    const callerGone = context?.signal;
    const leave = () => {
      entry.waiting -= 1;
      if (entry.waiting === 0) {
        entry.abort.abort();
      }
    };
    if (callerGone?.aborted) {
      // Gone before this fetch was even asked for (a later step of the plan): do not keep it going for them.
      leave();
    } else {
      callerGone?.addEventListener('abort', leave, { once: true });
    }
    // The gateway merges answers into its own result tree: each caller gets its own data. No caller can join once the
    // answer is in (the entry has left the map), so the last to take it may have the original: a fetch nobody shared is never copied.
    return entry.response
      .then((response) => {
        entry.unanswered -= 1;
        return this.options.copyForEachCaller === false || entry.unanswered === 0 ? response : { ...response, data: structuredClone(response.data), errors: structuredClone(response.errors) };
      })
      .finally(() => callerGone?.removeEventListener('abort', leave));
  }

  /**
   * One request: the body written once, signed as written, sent to a
   * replica before the deadline (or until `callers`, the signal of a shared
   * query's callers, says every one of them has gone: the subgraph then
   * cancels its SQL). Only a shared query has `callers`, so only it may be
   * sent again to another replica after its connection closed unanswered.
   */
  private async send({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>, callers?: AbortSignal): Promise<SubgraphResponse> {
    if (!request.query) {
      throw new Error('Missing query');
    }
    const { http: _http, query, ...rest } = request;
    const body = JSON.stringify({ query, ...rest });
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const signal = callers ? AbortSignal.any([deadline, callers]) : deadline;
    const init = { method: 'POST', headers: headersFor(context as GatewayContext | undefined, body), body, signal };
    const started = process.hrtime.bigint();
    const measure = (failure?: SubgraphFetchFailure) => {
      if (this.options.metrics && this.options.subgraph) {
        this.options.metrics.fetched(this.options.subgraph, Number(process.hrtime.bigint() - started) / 1e9, failure);
      }
    };
    let response: SubgraphAnswer;
    try {
      response = await this.replicas.send((url) => this.client.fetch(url, init), callers !== undefined, signal);
    } catch (error) {
      // Reading `deadline` here also holds it until the fetch settles: inside AbortSignal.any a timeout signal nothing
      // else references may be garbage-collected before it fires (nodejs/node#57736), and a hung fetch would never end.
      // Not measured when given up because every caller left: the subgraph did nothing wrong, and the time says nothing of it.
      if (deadline.aborted || !callers?.aborted) {
        measure(deadline.aborted ? 'timeout' : 'unreachable');
      }
      throw error;
    }
    measure(response.ok ? undefined : 'http_error');
    if (!response.ok) {
      throw errorFromResponse(response);
    }
    const answer = bodyOf(response);
    if (typeof answer !== 'object' || answer === null) {
      throw new Error(`Expected JSON response body, but received: ${String(answer)}`);
    }
    return answer as SubgraphResponse;
  }
}

/**
 * The request id, the caller's Authorization and the trace context, and last
 * the signature over the request id and the body as sent (trace headers are
 * not signed). A request without a request id is none of a caller's: it goes
 * without.
 */
function headersFor(context: GatewayContext | undefined, body: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!context?.requestId) {
    return headers;
  }
  headers['x-request-id'] = context.requestId;
  if (context.authorization) {
    headers.authorization = context.authorization;
  }
  // When tracing, OpenTelemetry's HTTP instrumentation writes traceparent itself, its client span the parent.
  if (context.trace && !tracingEnabled()) {
    headers.traceparent = formatTraceparent(context.trace);
    if (context.trace.traceState) {
      headers.tracestate = context.trace.traceState;
    }
  }
  if (context.subgraphSigningKey) {
    headers[GATEWAY_SIGNATURE_HEADER] = signGatewayRequest(context.subgraphSigningKey, { requestId: context.requestId, body });
  }
  return headers;
}

/** The answer as JSON when the subgraph says it is, else as text (which the caller then refuses). Throws on JSON that does not parse. */
function bodyOf(response: SubgraphAnswer): unknown {
  const contentType = response.header('content-type');
  return contentType && JSON_CONTENT_TYPES.some((type) => contentType.startsWith(type)) ? (JSON.parse(response.text) as unknown) : response.text;
}

/**
 * A subgraph refuses a request it cannot even execute (a variable its
 * scalar rejects, say) with a 4xx and a coded GraphQL error: hand that error
 * on as it is, instead of a bare "400: Bad Request" the client cannot act on
 * (and which would carry the subgraph's address). A 5xx is the subgraph
 * being unavailable: SERVICE_UNAVAILABLE as the subgraph coded it (its
 * database is down), SUBGRAPH_UNAVAILABLE otherwise.
 */
function errorFromResponse(response: SubgraphAnswer): GraphQLError {
  let body: unknown = null;
  try {
    body = bodyOf(response);
  } catch {
    // Not JSON: no coded error to hand on.
  }
  const [first] = (typeof body === 'object' && body && 'errors' in body && Array.isArray(body.errors) ? body.errors : []) as { message?: unknown; extensions?: Record<string, unknown> }[];
  const code = first?.extensions?.code;
  if (response.status >= 400 && response.status < 500 && typeof code === 'string' && typeof first.message === 'string') {
    const { http: _http, stacktrace: _stacktrace, ...extensions } = first.extensions ?? {};
    return new GraphQLError(first.message, { extensions: { ...extensions, code } });
  }
  if (response.status >= 500) {
    const passedThrough = typeof code === 'string' && PASSED_THROUGH_UNAVAILABLE_CODES.has(code) && typeof first.message === 'string';
    return new GraphQLError(passedThrough ? (first.message as string) : `${response.status}: ${response.statusText}`, { extensions: { code: passedThrough ? code : 'SUBGRAPH_UNAVAILABLE' } });
  }
  const status = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${response.status}: ${response.statusText}`, status ? { extensions: { code: status } } : {});
}
