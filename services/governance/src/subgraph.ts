import { defineSubgraph } from '@shequ/kit';
import { Community } from './community/community.entity';
import { CommunityResolver } from './community/community.resolver';
import { createGovernanceLoaders, type GovernanceContext } from './loaders';
import { RegionsAndCommunities1764400000000 } from './migrations/1764400000000-regions-and-communities';
import { Region } from './region/region.entity';
import { RegionResolver } from './region/region.resolver';

/** Governance planning: owns Region and Community, the keys every other subgraph extends. */
export const governanceSubgraph = defineSubgraph({
  name: 'governance',
  databaseSchema: 'governance',
  entities: [Region, Community],
  migrations: [RegionsAndCommunities1764400000000],
  resolvers: [RegionResolver, CommunityResolver],
  references: {
    Region: (reference: { code: string }, context: GovernanceContext) => context.loaders.regionByCode.load(reference.code),
    Community: (reference: { code: string }, context: GovernanceContext) => context.loaders.communityByCode.load(reference.code),
  },
  createLoaders: createGovernanceLoaders,
});
