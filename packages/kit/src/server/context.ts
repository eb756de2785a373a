import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';

/**
 * What every resolver receives for one request. Loaders are built per
 * request, so nothing cached outlives it or leaks between viewers.
 */
export interface SubgraphContext<Loaders = unknown> {
  viewer: Viewer | null;
  /** The gateway's id when it signed the request, else this process's own: what audit rows store. */
  requestId: string;
  /** The gateway signed this request, so figures in its entity representations come from the graph. */
  signedByGateway: boolean;
  logger: Logger;
  dataSource: DataSource;
  loaders: Loaders;
}
