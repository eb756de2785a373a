import { defineModule } from '@shequ/kit';
import { CommunityReference, RegionReference } from './community.reference';
import { CommunityVolunteersResolver, RegionVolunteersResolver } from './community.resolver';
import { createVolunteerStatsLoaders } from './volunteer-stats.loader';

/** What volunteering adds to governance's Community and Region: their volunteers, activities, organisations and stats. */
export const communityModule = defineModule({
  name: 'community',
  resolvers: [CommunityVolunteersResolver, RegionVolunteersResolver],
  entityTypes: [CommunityReference, RegionReference],
  references: {
    // The representation carries the population a @requires asked the gateway for.
    Community: (reference: CommunityReference) => reference,
    Region: (reference: RegionReference) => reference,
  },
  loaders: createVolunteerStatsLoaders,
});
