import type { IncomingMessage } from 'node:http';
import { RETRY_AFTER_SECONDS, type Admission, type RouteHandler } from '@shequ/kit';

/**
 * Operations one gateway process runs at once (GATEWAY_MAX_IN_FLIGHT). The
 * benchmark's 20 connections (50 by default) already keep two cores busy,
 * and must all pass; a burst of hundreds more would only queue behind them,
 * growing latency and memory until subgraph deadlines expire.
 */
export const DEFAULT_MAX_IN_FLIGHT = 64;

/** Where an operation came in: each is counted apart when shed. */
export type OperationEndpoint = 'graphql' | 'export';

type Refusal = Exclude<Admission, { release: () => void }>;

/**
 * Bounds the operations (`/graphql` requests and exports) the whole
 * gateway process runs at once, whoever sends them: past the bound a
 * request is refused at once with 503 and Retry-After — before its body is
 * read, its token verified or any subgraph called — so that a burst is shed
 * early instead of queueing without bound. The per-caller bounds
 * (`caller-concurrency.ts`) keep one caller from taking every place; this
 * one keeps all callers together from taking more than the process can run.
 */
export class GatewayInFlight {
  private running = 0;

  constructor(
    readonly limit: number,
    private readonly onShed: (endpoint: OperationEndpoint) => void = () => undefined,
  ) {}

  get inFlight(): number {
    return this.running;
  }

  /** A place, with the release to call once the operation has answered (once is enough), or null when full (counted as shed). */
  enter(endpoint: OperationEndpoint): (() => void) | null {
    if (this.running >= this.limit) {
      this.onShed(endpoint);
      return null;
    }
    this.running += 1;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.running -= 1;
      }
    };
  }

  refusal(): Refusal {
    return {
      status: 503,
      headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
      code: 'SERVICE_UNAVAILABLE',
      message: `the gateway is running as many operations as it can; retry in ${RETRY_AFTER_SECONDS} s`,
    };
  }

  /**
   * `/graphql`'s admission: a place here first (refusing costs nothing
   * then), then the caller's own bound, whose refusal gives the place back.
   */
  admitting(admitCaller: (request: IncomingMessage) => Promise<Admission>): (request: IncomingMessage) => Promise<Admission> {
    return async (request) => {
      const leave = this.enter('graphql');
      if (!leave) {
        return this.refusal();
      }
      let admission: Admission;
      try {
        admission = await admitCaller(request);
      } catch (error) {
        leave();
        throw error;
      }
      if (!('release' in admission)) {
        leave();
        return admission;
      }
      return {
        release: () => {
          admission.release();
          leave();
        },
      };
    };
  }

  /** A route of the gateway's own that runs operations (`/export`), held to the same bound until its response closes. */
  route(endpoint: OperationEndpoint, handler: RouteHandler): RouteHandler {
    return async (request, response, info) => {
      const leave = this.enter(endpoint);
      if (!leave) {
        const { status, headers, code, message } = this.refusal();
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
        return;
      }
      response.once('close', leave);
      await handler(request, response, info);
    };
  }
}
