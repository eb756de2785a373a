import { Directive, Field, ObjectType } from 'type-graphql';

/** Governance's Region: statistics adds its assessment history. */
@Directive('@key(fields: "code")')
@ObjectType('Region')
export class RegionReference {
  @Field()
  code: string;
}

/** Governance's Community, referenced by key only. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Community')
export class CommunityReference {
  @Field()
  code: string;
}
