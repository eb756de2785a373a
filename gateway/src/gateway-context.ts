import type { TraceContext, Viewer } from '@shequ/kit';
import type { FetchClock } from './observability/fetch-clock';

export interface GatewayContext {
  viewer: Viewer | null;
  /** The gateway's own id: a client's x-request-id is only logged beside it (clientRequestId). */
  requestId: string;
  /** The verified header, forwarded unchanged to the subgraphs. */
  authorization: string | null;
  /** Aborted when the caller goes before the answer is sent: subgraph fetches made only for them stop. */
  signal: AbortSignal;
  /** Who the caller is for per-caller bounds: the token's subject, else the address (callerKeyOf). */
  callerKey: string;
  /** SUBGRAPH_SIGNING_KEY: every subgraph request is signed with it. */
  subgraphSigningKey?: string;
  /** The caller's trace (or the gateway's own): forwarded to every subgraph as traceparent, so their logs carry its id. */
  trace?: TraceContext;
  /**
   * Set when the gateway wrote the operation itself (an export's page): its
   * size is the gateway's choice, bounded by the endpoint, so the page-size
   * and cost limits that guard callers' documents do not apply; everything
   * else — the token, codes, the subgraphs' own rules — does.
   */
  writtenByGateway?: boolean;
  /** The time the request's operations waited on subgraphs (`operationTimePlugin`). */
  fetchClock?: FetchClock;
}
