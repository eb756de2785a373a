import { z } from 'zod';
import { parseEnvironment, readSubgraphEnvironment, StartupError } from '@shequ/kit';
import { defaultRoutingUrl, subgraphEntry } from '@shequ/schema';
import type { FeedDepartment } from './catalogue/measures';

/** Where each department's feed is read: its subgraph's own /graphql, never the gateway. */
export type DepartmentUrls = Record<FeedDepartment, string>;

export type StatisticsSettings = ReturnType<typeof readSubgraphEnvironment> & {
  /** SUBGRAPH_SIGNING_KEY: the refresh signs its reads of the department feeds with it, as the statistics service's. */
  signingKey: string;
  departmentUrls: DepartmentUrls;
  /** Seconds between scheduled refreshes; 0 = none (refreshStatistics only). */
  refreshIntervalSeconds: number;
};

/** The subgraph that publishes each feed. */
export const FEED_SUBGRAPHS: Record<FeedDepartment, string> = {
  GOVERNANCE: 'governance',
  SERVICE_DELIVERY: 'service-delivery',
  VOLUNTEERS: 'volunteers',
  PUBLIC_SAFETY: 'public-safety',
};

/** The statistics process's settings, read once from the environment at start. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): StatisticsSettings {
  const subgraph = readSubgraphEnvironment(env, 'statistics');
  const signingKey = subgraph.signingKey;
  if (!signingKey) {
    throw new StartupError('Invalid environment:\n  SUBGRAPH_SIGNING_KEY: required by statistics, which signs its reads of the department feeds with it');
  }
  const feeds = Object.values(FEED_SUBGRAPHS).map(subgraphEntry);
  const parsed = parseEnvironment(
    z.object({
      STATISTICS_REFRESH_INTERVAL: z.coerce.number().int().min(0).max(31 * 24 * 3600).default(3600),
      ...Object.fromEntries(feeds.map((feed) => [feed.urlVariable, z.string().url().optional()])),
    }),
    env,
  ) as Record<string, unknown> & { STATISTICS_REFRESH_INTERVAL: number };
  const departmentUrls = Object.fromEntries(
    (Object.keys(FEED_SUBGRAPHS) as FeedDepartment[]).map((department) => {
      const feed = subgraphEntry(FEED_SUBGRAPHS[department]);
      return [department, (parsed[feed.urlVariable] as string | undefined) ?? defaultRoutingUrl(feed)];
    }),
  ) as DepartmentUrls;
  return { ...subgraph, signingKey, departmentUrls, refreshIntervalSeconds: parsed.STATISTICS_REFRESH_INTERVAL };
}
