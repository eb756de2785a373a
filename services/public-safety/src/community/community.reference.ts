import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Governance's Community, as this subgraph sees it: its key, and the population the per-resident rates @require. */
@Directive('@key(fields: "code")')
@ObjectType('Community')
export class CommunityReference {
  @Field()
  code: string;

  @Directive('@external')
  @Field(() => Int)
  population: number;
}

/** Governance's Region, as this subgraph sees it; population and communityCount arrive for safetyStats' @requires. */
@Directive('@key(fields: "code")')
@ObjectType('Region')
export class RegionReference {
  @Field()
  code: string;

  @Directive('@external')
  @Field(() => Int)
  population: number;

  @Directive('@external')
  @Field(() => Int)
  communityCount: number;
}
