import { defineModule } from '@shequ/kit';
import type { GovernanceContext } from '../context';
import { Community } from './community.entity';
import { createCommunityLoaders } from './community.loader';
import { CommunityResolver } from './community.resolver';

/** Residents' communities, the key every department's work is recorded against. */
export const communityModule = defineModule({
  name: 'community',
  entities: [Community],
  resolvers: [CommunityResolver],
  references: {
    // The representation may carry figures other subgraphs resolved for a @requires; keep them beside the row.
    Community: async (reference: { code: string }, context: GovernanceContext) => {
      const community = await context.loaders.community.communityByCode.load(reference.code);
      return community && { ...community, ...reference };
    },
  },
  loaders: createCommunityLoaders,
});
