import type { SubgraphContext } from '@shequ/kit';
import type { FeedSource } from './refresh/feed-source';

/** Opens the department feeds for one refresh (the request id travels with its calls). */
export type FeedFactory = (requestId: string) => FeedSource;

/** What a statistics request may use: the table and trends are one statement each, so only the feeds for a refresh. */
export function statisticsLoaders(feeds: FeedFactory) {
  return { feeds };
}

export type StatisticsLoaders = ReturnType<typeof statisticsLoaders>;
export type StatisticsContext = SubgraphContext<StatisticsLoaders>;
