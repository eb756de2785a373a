import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Community } from '../community/community.entity';
import type { GovernanceContext } from '../context';
import { CommunityCapacity } from './community-capacity.entity';

@Resolver(() => Community)
export class CommunityCapacityResolver {
  @FieldResolver(() => CommunityCapacity, { nullable: true, description: 'null until the community office reports its capacity.' })
  capacity(@Root() community: Community, @Ctx() context: GovernanceContext): Promise<CommunityCapacity | null> {
    return context.loaders.capacity.capacityByCode.load(community.code);
  }
}
