import {
  auditLogMigration,
  defineSubgraph,
  histogramDaysMigration,
  histogramTables,
  monthHistogramsMigration,
  regionLevelSummariesMigration,
  streetMonthSummariesMigration,
  summaryTable,
  writerStripesMigration,
  type SubgraphDefinition,
} from '@shequ/kit';
import { auditModule } from './audit/audit.module';
import { catalogueModule } from './catalogue/catalogue.module';
import { communityModule } from './community/community.module';
import { INVESTMENT_BY_YEAR, LATER_SERVICE_SUMMARIES, SERVICE_HISTOGRAMS, SERVICE_SUMMARIES } from './community/service-summaries';
import type { ServiceDeliveryLoaders } from './context';
import { facilitiesModule } from './facilities/facilities.module';
import { investmentModule } from './investment/investment.module';
import { ServiceDelivery1764500000000 } from './migrations/1764500000000-service-delivery-schema';
import { InvestmentByYear1767300000000 } from './migrations/1767300000000-investment-by-year';
// Out of alphabetical order on purpose: type-graphql lists Query fields in the order their resolvers load, and schema.graphql has serviceRequest before the rankings.
import { requestsModule } from './requests/requests.module';
import { reportingModule } from './reporting/reporting.module';
import { statisticsModule } from './statistics/statistics.module';

/** Service delivery: facilities, the service catalogue, residents' requests and investment, and their stats on Community and Region. */
export const serviceDeliverySubgraph: SubgraphDefinition<ServiceDeliveryLoaders> = defineSubgraph({
  name: 'service-delivery',
  migrations: [
    auditLogMigration('service_delivery'),
    ServiceDelivery1764500000000,
    streetMonthSummariesMigration(SERVICE_SUMMARIES),
    monthHistogramsMigration(SERVICE_HISTOGRAMS),
    streetMonthSummariesMigration(LATER_SERVICE_SUMMARIES, 1767100000000),
    regionLevelSummariesMigration([...SERVICE_SUMMARIES, ...LATER_SERVICE_SUMMARIES], 1767200000000),
    InvestmentByYear1767300000000,
    histogramDaysMigration(SERVICE_HISTOGRAMS, 1767400000000),
    writerStripesMigration([...[...SERVICE_SUMMARIES, ...LATER_SERVICE_SUMMARIES, INVESTMENT_BY_YEAR].map(summaryTable), ...SERVICE_HISTOGRAMS.flatMap(histogramTables)], 1767500000000),
  ],
  modules: [communityModule, facilitiesModule, catalogueModule, requestsModule, investmentModule, reportingModule, auditModule, statisticsModule],
});
