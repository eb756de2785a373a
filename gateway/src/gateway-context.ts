import type { Viewer } from '@shequ/kit';

export interface GatewayContext {
  viewer: Viewer | null;
  requestId: string;
  /** The verified header, forwarded unchanged to the subgraphs. */
  authorization: string | null;
  /** Aborted when the caller goes before the answer is sent: subgraph fetches made only for them stop. */
  signal: AbortSignal;
}
