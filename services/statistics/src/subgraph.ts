import { AuditEntry, auditLogMigration, defineSubgraph, type SubgraphDefinition } from '@shequ/kit';
import { AssessmentSnapshotResolver, RegionAssessmentHistoryResolver } from './assessment/assessment-snapshot.resolver';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { CatalogueResolver } from './catalogue/catalogue.resolver';
import { statisticsLoaders, type FeedFactory, type StatisticsLoaders } from './loaders';
import { StatisticsStore1765000000000 } from './migrations/1765000000000-statistics-store';
import { MonthFigures1766000000000 } from './migrations/1766000000000-month-figures';
import { AssessmentSnapshots1767000000000 } from './migrations/1767000000000-assessment-snapshots';
import { RefreshResolver } from './refresh/refresh.resolver';
import { IndicatorTableResolver } from './table/indicator-table.resolver';
import { CommunityReference, RegionReference } from './table/indicator-table.type';
import { IndicatorTrendResolver } from './trends/indicator-trend.resolver';

/**
 * Statistics: the provincial statistics office's analytical store of every
 * department's figures, collected through their published feeds; the
 * indicator table, trends and catalogue over it; and the yearly assessment
 * snapshots taken from it. `feeds` opens the department feeds for a refresh
 * (HTTP in the process, fixtures in tests).
 */
export function createStatisticsSubgraph(feeds: FeedFactory): SubgraphDefinition<StatisticsLoaders> {
  return defineSubgraph({
    name: 'statistics',
    databaseSchema: 'statistics',
    entities: [AuditEntry],
    migrations: [StatisticsStore1765000000000, MonthFigures1766000000000, auditLogMigration('statistics'), AssessmentSnapshots1767000000000],
    resolvers: [CatalogueResolver, IndicatorTableResolver, IndicatorTrendResolver, RefreshResolver, AssessmentSnapshotResolver, RegionAssessmentHistoryResolver, AuditLogResolver],
    entityTypes: [RegionReference, CommunityReference],
    references: { Region: (reference: RegionReference) => reference },
    createLoaders: (dataSource) => statisticsLoaders(dataSource, feeds),
  });
}

/** The definition without feeds: for the schema file and anything that never refreshes. */
export const statisticsSubgraph = createStatisticsSubgraph(() => {
  throw new Error('this statistics process has no department feeds configured');
});
