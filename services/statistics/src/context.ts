import type { SubgraphContext } from '@shequ/kit';
import type { assessmentHistoryLoader } from './assessment/assessment-history.loader';
import type { FeedFactory } from './refresh/feed-source';

/** What a statistics request may use, by context: the table and trends are one statement each, so only the feeds for a refresh and snapshot years per region. */
export interface StatisticsLoaders {
  refresh: { feeds: FeedFactory };
  assessment: { history: ReturnType<typeof assessmentHistoryLoader> };
}

export type StatisticsContext = SubgraphContext<StatisticsLoaders>;
