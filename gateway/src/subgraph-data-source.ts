import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { formatTraceparent, tracingEnabled, type Logger } from '@shequ/kit';
import type { GatewayContext } from './gateway-context';
import type { SubgraphFetchFailure, SubgraphFetchMetrics } from './observability/subgraph-fetch-metrics';
import { failedFetchAnswer, PASSED_THROUGH_UNAVAILABLE_CODES, subgraphFailureOf } from './subgraph-failure';
import { createSubgraphHttpClient } from './subgraph-http-client';
import { SubgraphReplicas } from './subgraph-replicas';
import { signSubgraphRequest } from './subgraph-request-signing';

/**
 * Calls one subgraph over kept-alive HTTP connections, with a
 * deadline, passing on the caller's Authorization header — every subgraph
 * verifies the token again — and the gateway's request id and trace context,
 * so one id and one trace follow the request through every log, signed so the
 * subgraph knows the request (and the figures in its representations) came
 * from the gateway. Each fetch is timed in the gateway's metrics by subgraph.
 */
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** A fetch shared by the callers waiting for it: aborted once every one of them has gone. */
interface SharedFetch {
  response: Promise<SubgraphResponse>;
  abort: AbortController;
  /** Callers still waiting; the fetch is abandoned when none is left. */
  waiting: number;
  /** Callers that have not yet taken their answer: the last one takes the original, the others a copy. */
  unanswered: number;
}

/**
 * The signal that ends the subgraph fetch made within it: Apollo's data source gives its fetcher no other way to receive one.
 * Only shared queries run within it, so a fetch that has one may be sent again to another replica.
 */
const fetchSignal = new AsyncLocalStorage<AbortSignal>();

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Identical query fetches in flight right now, shared instead of sent again. */
  private readonly inFlight = new Map<string, SharedFetch>();

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
    const { subgraph, metrics } = options;
    const replicas = new SubgraphReplicas(typeof urls === 'string' ? [urls] : urls);
    const client = createSubgraphHttpClient();
    // A fetch ends at the deadline or when its callers have gone, whichever comes first: the subgraph then cancels its SQL.
    const timedFetch = ((_url: string, init: FetcherRequestInit) => {
      const callers = fetchSignal.getStore();
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = callers ? AbortSignal.any([deadline, callers]) : deadline;
      const started = process.hrtime.bigint();
      const measure = (failure?: SubgraphFetchFailure) => {
        if (metrics && subgraph) {
          metrics.fetched(subgraph, Number(process.hrtime.bigint() - started) / 1e9, failure);
        }
      };
      // Held until the fetch settles: inside AbortSignal.any a timeout signal nothing else references may be
      // garbage-collected before it fires (nodejs/node#57736), and a fetch to a hung subgraph would then never end.
      return replicas
        .send((url) => client.fetch(url, { ...init, signal }), callers !== undefined, signal)
        .then(
          (response) => {
            measure(response.ok ? undefined : 'http_error');
            return response;
          },
          (error: unknown) => {
            // Given up because every caller left: the subgraph did nothing wrong, and the time says nothing of it.
            if (deadline.aborted || !callers?.aborted) {
              measure(deadline.aborted ? 'timeout' : 'unreachable');
            }
            throw error;
          },
        )
        .finally(() => deadline.aborted);
    }) as unknown as Fetcher;
    super({ url: replicas.urls[0], fetcher: timedFetch });
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
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const subgraph = this.options.subgraph;
    if (!subgraph || options.kind !== 'incoming operation') {
      return this.processShared(options);
    }
    return this.processShared(options).catch((error: unknown) => {
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
      return super.process(options);
    }
    const key = JSON.stringify([request.query, request.variables ?? null, context?.authorization ?? null]);
    let shared = this.inFlight.get(key);
    if (!shared) {
      const abort = new AbortController();
      const response = fetchSignal.run(abort.signal, () => super.process(options)).finally(() => this.inFlight.delete(key));
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
   * A subgraph refuses a request it cannot even execute (a variable its
   * scalar rejects, say) with a 4xx and a coded GraphQL error: hand that error
   * on as it is, instead of a bare "400: Bad Request" the client cannot act on
   * (and which would carry the subgraph's address). A 5xx is the subgraph
   * being unavailable: SERVICE_UNAVAILABLE as the subgraph coded it (its
   * database is down), SUBGRAPH_UNAVAILABLE otherwise.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => null);
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

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context?.requestId) {
      return;
    }
    request.http?.headers.set('x-request-id', context.requestId);
    if (context.authorization) {
      request.http?.headers.set('authorization', context.authorization);
    }
    // When tracing, OpenTelemetry's fetch instrumentation writes traceparent itself, its fetch span the parent.
    if (context.trace && !tracingEnabled()) {
      request.http?.headers.set('traceparent', formatTraceparent(context.trace));
      if (context.trace.traceState) {
        request.http?.headers.set('tracestate', context.trace.traceState);
      }
    }
    // Last: the signature covers the request id and the body, which are final now (trace headers are not signed).
    signSubgraphRequest(request, context.subgraphSigningKey, context.requestId);
  }
}
