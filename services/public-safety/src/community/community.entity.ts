import { Directive, Field, ObjectType } from 'type-graphql';

/** Governance's Community, as this subgraph sees it: its key. Add `population` marked @external when a field @requires it. */
@Directive('@key(fields: "code")')
@ObjectType('Community')
export class CommunityReference {
  @Field()
  code: string;
}

/** Governance's Region, as this subgraph sees it. */
@Directive('@key(fields: "code")')
@ObjectType('Region')
export class RegionReference {
  @Field()
  code: string;
}
