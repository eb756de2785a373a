import { auditLogMigration, AuditEntry, defineSubgraph } from '@shequ/kit';
import { CommunityReference, RegionReference } from './community/community.entity';
import { Schema1764500000000 } from './migrations/1764500000000-volunteers-schema';
import { PlaceholderResolver } from './placeholder.resolver';

export const volunteersSubgraph = defineSubgraph({
  name: 'volunteers',
  databaseSchema: 'volunteers',
  entities: [AuditEntry],
  migrations: [auditLogMigration('volunteers'), Schema1764500000000],
  resolvers: [PlaceholderResolver],
  entityTypes: [CommunityReference, RegionReference],
  references: {
    Community: (reference: CommunityReference) => reference,
    Region: (reference: RegionReference) => reference,
  },
  createLoaders: () => ({}),
});
