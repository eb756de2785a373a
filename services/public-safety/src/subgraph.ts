import { auditLogMigration, defineSubgraph, histogramDaysMigration, histogramTables, monthHistogramsMigration, monthSummariesMigration, regionLevelSummariesMigration, regionMembersMigration, streetMonthSummariesMigration, summaryTable, writerStripesMigration, type SubgraphDefinition } from '@shequ/kit';
// Imported first: type-graphql lists root fields and types in the order their classes load, which keeps the feed's at the top of schema.graphql.
import { statisticsModule } from './statistics/statistics.module';
import { auditModule } from './audit/audit.module';
import { communityModule } from './community/community.module';
import { COMMUNITIES_WITH_LIAISON, LATER_SAFETY_SUMMARIES, REGION_LEVEL_SAFETY_SUMMARIES, SAFETY_HISTOGRAMS, SAFETY_SUMMARIES } from './community/safety-summaries';
import type { PublicSafetyLoaders } from './context';
import { incidentsModule } from './incidents/incidents.module';
import { inspectionsModule } from './inspections/inspections.module';
import { legalModule } from './legal/legal.module';
import { mediationModule } from './mediation/mediation.module';
import { PublicSafetySchema1764500000000 } from './migrations/1764500000000-public-safety-schema';
import { policingModule } from './policing/policing.module';
import { preventionModule } from './prevention/prevention.module';
import { reportingModule } from './reporting/reporting.module';
import { supervisionModule } from './supervision/supervision.module';

/** Public safety: policing, mass prevention, incidents, mediation, legal services, inspections and (restricted) supervised persons. */
export const publicSafetySubgraph: SubgraphDefinition<PublicSafetyLoaders> = defineSubgraph({
  name: 'public-safety',
  migrations: [
    auditLogMigration('public_safety'),
    PublicSafetySchema1764500000000,
    streetMonthSummariesMigration(SAFETY_SUMMARIES),
    monthHistogramsMigration(SAFETY_HISTOGRAMS),
    streetMonthSummariesMigration(LATER_SAFETY_SUMMARIES, 1767100000000),
    regionLevelSummariesMigration([...SAFETY_SUMMARIES, ...LATER_SAFETY_SUMMARIES], 1767200000000),
    monthSummariesMigration(REGION_LEVEL_SAFETY_SUMMARIES, 1767300000000),
    regionMembersMigration([COMMUNITIES_WITH_LIAISON], 1767350000000),
    histogramDaysMigration(SAFETY_HISTOGRAMS, 1767400000000),
    writerStripesMigration([...[...SAFETY_SUMMARIES, ...LATER_SAFETY_SUMMARIES, ...REGION_LEVEL_SAFETY_SUMMARIES].map(summaryTable), ...SAFETY_HISTOGRAMS.flatMap(histogramTables)], 1767500000000),
  ],
  modules: [communityModule, policingModule, preventionModule, incidentsModule, mediationModule, legalModule, inspectionsModule, supervisionModule, auditModule, reportingModule, statisticsModule],
});
