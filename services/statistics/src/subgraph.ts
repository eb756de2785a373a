import { defineSubgraph, type SubgraphDefinition } from '@shequ/kit';
import { CatalogueResolver } from './catalogue/catalogue.resolver';
import { statisticsLoaders, type FeedFactory, type StatisticsLoaders } from './loaders';
import { StatisticsStore1765000000000 } from './migrations/1765000000000-statistics-store';
import { MonthFigures1766000000000 } from './migrations/1766000000000-month-figures';
import { RefreshResolver } from './refresh/refresh.resolver';
import { IndicatorTableResolver } from './table/indicator-table.resolver';
import { CommunityReference, RegionReference } from './table/indicator-table.type';
import { IndicatorTrendResolver } from './trends/indicator-trend.resolver';

/**
 * Statistics: the provincial statistics office's analytical store of every
 * department's figures, collected through their published feeds, and the
 * indicator table, trends and catalogue over it. `feeds` opens the
 * department feeds for a refresh (HTTP in the process, fixtures in tests).
 */
export function createStatisticsSubgraph(feeds: FeedFactory): SubgraphDefinition<StatisticsLoaders> {
  return defineSubgraph({
    name: 'statistics',
    databaseSchema: 'statistics',
    entities: [],
    migrations: [StatisticsStore1765000000000, MonthFigures1766000000000],
    resolvers: [CatalogueResolver, IndicatorTableResolver, IndicatorTrendResolver, RefreshResolver],
    entityTypes: [RegionReference, CommunityReference],
    createLoaders: () => statisticsLoaders(feeds),
  });
}

/** The definition without feeds: for the schema file and anything that never refreshes. */
export const statisticsSubgraph = createStatisticsSubgraph(() => {
  throw new Error('this statistics process has no department feeds configured');
});
