import { defineModule } from '@shequ/kit';
import { CommunityReference, RegionReference } from './community.reference';
import { CommunityServiceResolver, RegionServiceResolver } from './community.resolver';
import { createServiceStatsLoaders } from './service-stats.loader';

/** What service delivery adds to governance's Community and Region: facilities, requests and their stats. */
export const communityModule = defineModule({
  name: 'community',
  resolvers: [CommunityServiceResolver, RegionServiceResolver],
  entityTypes: [CommunityReference, RegionReference],
  references: {
    // The representation carries population when a @requires asked for it; keep it.
    Community: (reference: CommunityReference) => reference,
    Region: (reference: RegionReference) => reference,
  },
  loaders: createServiceStatsLoaders,
});
