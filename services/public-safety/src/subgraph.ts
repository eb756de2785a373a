import { auditLogMigration, AuditEntry, defineSubgraph } from '@shequ/kit';
import { CommunityReference, RegionReference } from './community/community.entity';
import { Schema1764500000000 } from './migrations/1764500000000-public-safety-schema';
import { PlaceholderResolver } from './placeholder.resolver';

export const publicSafetySubgraph = defineSubgraph({
  name: 'public-safety',
  databaseSchema: 'public_safety',
  entities: [AuditEntry],
  migrations: [auditLogMigration('public_safety'), Schema1764500000000],
  resolvers: [PlaceholderResolver],
  entityTypes: [CommunityReference, RegionReference],
  references: {
    Community: (reference: CommunityReference) => reference,
    Region: (reference: RegionReference) => reference,
  },
  createLoaders: () => ({}),
});
