import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { assertRegionCode, readPage, significantPrefix, PageArgs, type Connection } from '@shequ/kit';
import { CommunityConnection } from '../community/community-connection.type';
import type { Community } from '../community/community.entity';
import { communityCursorShape } from '../community/community.loader';
import { CommunityFilter, CommunitySort, readCommunityCriteria } from '../community/community.input';
import type { GovernanceContext } from '../context';
import { Region, RegionLevelEnum } from './region.entity';
import type { RegionLevel } from '@shequ/kit';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by its division code; null when no region has it.' })
  region(@Arg('code') code: string, @Ctx() context: GovernanceContext): Promise<Region | null> {
    return context.loaders.region.regionByCode.load(assertRegionCode(code));
  }

  @Query(() => [Region], { description: 'Regions of one level and/or under one parent, in code order.' })
  async regions(
    @Ctx() context: GovernanceContext,
    @Arg('level', () => RegionLevelEnum, { nullable: true }) level?: RegionLevel | null,
    @Arg('parentCode', () => String, { nullable: true }) parentCode?: string | null,
  ): Promise<Region[]> {
    const repository = context.dataSource.getRepository(Region);
    return repository.find({
      where: {
        ...(level ? { level } : {}),
        ...(parentCode != null ? { parentCode: assertRegionCode(parentCode, 'parentCode') } : {}),
      },
      order: { code: 'ASC' },
    });
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region directly above; null for the province.' })
  parent(@Root() region: Region, @Ctx() context: GovernanceContext): Promise<Region | null> | null {
    return region.parentCode ? context.loaders.region.regionByCode.load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region], { description: 'The regions directly below, in code order; empty for a street.' })
  children(@Root() region: Region, @Ctx() context: GovernanceContext): Promise<Region[]> {
    return context.loaders.region.childrenByParentCode.load(region.code);
  }

  @FieldResolver(() => Int, { description: 'How many communities lie within this region; other subgraphs @require it for shares of communities.' })
  communityCount(@Root() region: Region, @Ctx() context: GovernanceContext): Promise<number> {
    return context.loaders.region.communityCountByRegion.load(region.code);
  }

  @FieldResolver(() => CommunityConnection, { description: 'Communities anywhere within this region.' })
  communities(
    @Root() region: Region,
    @Ctx() context: GovernanceContext,
    @Args() page: PageArgs,
    @Arg('filter', () => CommunityFilter, { nullable: true }) filter?: CommunityFilter | null,
    @Arg('sort', () => CommunitySort, { nullable: true }) sort?: CommunitySort | null,
  ): Promise<Connection<Community>> {
    const criteria = readCommunityCriteria({ ...filter, regionCode: null }, sort);
    return context.loaders.community.communityPages.load({ prefix: significantPrefix(region.code), criteria, page: readPage(page, communityCursorShape(criteria.sort)) });
  }
}
