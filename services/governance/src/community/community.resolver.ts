import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { assertCommunityCode, readPage, significantPrefix, PageArgs, type Connection } from '@shequ/kit';
import type { GovernanceContext } from '../context';
import { Region } from '../region/region.entity';
import { CommunityConnection } from './community-connection.type';
import { Community } from './community.entity';
import { communityCursorShape } from './community.loader';
import { CommunityFilter, CommunitySort, readCommunityCriteria } from './community.input';

@Resolver(() => Community)
export class CommunityResolver {
  @Query(() => Community, { nullable: true, description: 'A community by its 12-digit code; null when no community has it.' })
  community(@Arg('code') code: string, @Ctx() context: GovernanceContext): Promise<Community | null> {
    return context.loaders.community.communityByCode.load(assertCommunityCode(code));
  }

  @Query(() => CommunityConnection, { description: 'Communities in the province, narrowed by the filter.' })
  communities(
    @Ctx() context: GovernanceContext,
    @Args() page: PageArgs,
    @Arg('filter', () => CommunityFilter, { nullable: true }) filter?: CommunityFilter | null,
    @Arg('sort', () => CommunitySort, { nullable: true }) sort?: CommunitySort | null,
  ): Promise<Connection<Community>> {
    const criteria = readCommunityCriteria(filter, sort);
    const prefix = filter?.regionCode ? significantPrefix(filter.regionCode) : '';
    return context.loaders.community.communityPages.load({ prefix, criteria, page: readPage(page, communityCursorShape(criteria.sort)) });
  }

  @FieldResolver(() => Region, { description: 'The street or township the community lies in.' })
  async region(@Root() community: Community, @Ctx() context: GovernanceContext): Promise<Region> {
    return (await context.loaders.region.regionByCode.load(community.streetCode)) as Region;
  }
}
