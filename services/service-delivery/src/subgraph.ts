import { auditLogMigration, AuditEntry, defineSubgraph } from '@shequ/kit';
import { CommunityReference, RegionReference } from './community/community.entity';
import { Schema1764500000000 } from './migrations/1764500000000-service-delivery-schema';
import { PlaceholderResolver } from './placeholder.resolver';

export const serviceDeliverySubgraph = defineSubgraph({
  name: 'service-delivery',
  databaseSchema: 'service_delivery',
  entities: [AuditEntry],
  migrations: [auditLogMigration('service_delivery'), Schema1764500000000],
  resolvers: [PlaceholderResolver],
  entityTypes: [CommunityReference, RegionReference],
  references: {
    Community: (reference: CommunityReference) => reference,
    Region: (reference: RegionReference) => reference,
  },
  createLoaders: () => ({}),
});
