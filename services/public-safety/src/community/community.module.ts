import { defineModule } from '@shequ/kit';
import { CommunityReference, RegionReference } from './community.reference';
import { CommunitySafetyResolver, RegionSafetyResolver } from './community.resolver';
import { createSafetyStatsLoader } from './safety-stats.loader';

/** What public safety adds to governance's Community and Region: its lists per community and the safety figures at every level. */
export const communityModule = defineModule({
  name: 'community',
  resolvers: [CommunitySafetyResolver, RegionSafetyResolver],
  entityTypes: [CommunityReference, RegionReference],
  references: {
    Community: (reference: CommunityReference) => reference,
    Region: (reference: RegionReference) => reference,
  },
  loaders: (dataSource) => ({ safetyStats: createSafetyStatsLoader(dataSource) }),
});
