import { auditLogMigration, defineSubgraph, type SubgraphDefinition } from '@shequ/kit';
import { assessmentModule } from './assessment/assessment.module';
import { auditModule } from './audit/audit.module';
import { catalogueModule } from './catalogue/catalogue.module';
import { communityModule } from './community/community.module';
import type { StatisticsLoaders } from './context';
import { StatisticsStore1765000000000 } from './migrations/1765000000000-statistics-store';
import { MonthFigures1766000000000 } from './migrations/1766000000000-month-figures';
import { AssessmentSnapshots1767000000000 } from './migrations/1767000000000-assessment-snapshots';
import type { FeedFactory } from './refresh/feed-source';
import { refreshModule } from './refresh/refresh.module';
import { tableModule } from './table/table.module';
import { trendsModule } from './trends/trends.module';

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
    migrations: [StatisticsStore1765000000000, MonthFigures1766000000000, auditLogMigration('statistics'), AssessmentSnapshots1767000000000],
    modules: [catalogueModule, tableModule, trendsModule, refreshModule(feeds), assessmentModule, auditModule, communityModule],
  });
}

/** The definition without feeds: for the schema file and anything that never refreshes. */
export const statisticsSubgraph = createStatisticsSubgraph(() => {
  throw new Error('this statistics process has no department feeds configured');
});
