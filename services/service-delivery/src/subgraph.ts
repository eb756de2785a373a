import { auditLogMigration, AuditEntry, defineSubgraph, streetMonthSummariesMigration } from '@shequ/kit';
import { SERVICE_SUMMARIES } from './stats/service-summaries';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { CatalogueResolver } from './catalogue/catalogue.resolver';
import { ServiceCategory, ServiceOffering } from './catalogue/service-catalogue.entity';
import { CommunityReference, RegionReference } from './community/community.entity';
import { CommunityServiceResolver, RegionServiceResolver } from './community/community.resolver';
import { ServiceFacility } from './facilities/service-facility.entity';
import { ServiceFacilityResolver } from './facilities/service-facility.resolver';
import { ServiceInvestment } from './investment/service-investment.entity';
import { ServiceInvestmentResolver } from './investment/service-investment.resolver';
import { createLoaders } from './loaders';
import { ServiceDelivery1764500000000 } from './migrations/1764500000000-service-delivery-schema';
import { ServiceRequest, ServiceRequestTransition } from './requests/service-request.entity';
import { ServiceRequestResolver, ServiceRequestTransitionResolver } from './requests/service-request.resolver';
import { ServiceRankingResolver } from './stats/service-ranking.resolver';
import { ServiceTrendResolver } from './stats/service-trend.resolver';
import { ServiceDeliveryFigureFeed } from './statistics/service-delivery-figures';

/** Service delivery: facilities, the service catalogue, residents' requests and investment, and their stats on Community and Region. */
export const serviceDeliverySubgraph = defineSubgraph({
  name: 'service-delivery',
  databaseSchema: 'service_delivery',
  entities: [AuditEntry, ServiceFacility, ServiceCategory, ServiceOffering, ServiceRequest, ServiceRequestTransition, ServiceInvestment],
  migrations: [auditLogMigration('service_delivery'), ServiceDelivery1764500000000, streetMonthSummariesMigration(SERVICE_SUMMARIES)],
  resolvers: [
    CommunityServiceResolver,
    RegionServiceResolver,
    ServiceFacilityResolver,
    CatalogueResolver,
    ServiceRequestResolver,
    ServiceRequestTransitionResolver,
    ServiceInvestmentResolver,
    ServiceRankingResolver,
    ServiceTrendResolver,
    AuditLogResolver,
    ServiceDeliveryFigureFeed,
  ],
  entityTypes: [CommunityReference, RegionReference],
  references: {
    // The representation carries population when a @requires asked for it; keep it.
    Community: (reference: CommunityReference) => reference,
    Region: (reference: RegionReference) => reference,
  },
  createLoaders,
});
