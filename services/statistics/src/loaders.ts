import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@shequ/kit';
import { assessmentHistoryLoader } from './assessment/assessment-history.loader';
import type { FeedSource } from './refresh/feed-source';

/** Opens the department feeds for one refresh (the request id travels with its calls). */
export type FeedFactory = (requestId: string) => FeedSource;

/** What a statistics request may use: the table and trends are one statement each; the feeds for a refresh; snapshot years per region. */
export function statisticsLoaders(dataSource: DataSource, feeds: FeedFactory) {
  return { feeds, assessmentHistory: assessmentHistoryLoader(dataSource) };
}

export type StatisticsLoaders = ReturnType<typeof statisticsLoaders>;
export type StatisticsContext = SubgraphContext<StatisticsLoaders>;
