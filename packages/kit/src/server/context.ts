import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';

/**
 * What every resolver receives for one request. Loaders are built per
 * request, so nothing cached outlives it or leaks between viewers.
 */
export interface SubgraphContext<Loaders = unknown> {
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
  dataSource: DataSource;
  loaders: Loaders;
  /** The composed graph, for a subgraph that must query it as a client, with a short-lived service token. */
  graph: { url(): string; serviceToken(jurisdiction: string): string };
}
