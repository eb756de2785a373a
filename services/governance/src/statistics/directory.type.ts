import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Tier } from '../community/community.entity';
import { AssessmentComponentName, Comparison, Indicator } from '../assessment/indicators';

/** Governance's RegionLevel has no community level; the directory lists communities too. */
export enum DirectoryLevel {
  PROVINCE = 'PROVINCE',
  PREFECTURE = 'PREFECTURE',
  COUNTY = 'COUNTY',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(DirectoryLevel, { name: 'DirectoryLevel', description: 'The level of a directory entry: a region level, or COMMUNITY.' });

@ObjectType({ description: 'A region or community of the directory.' })
export class DirectoryEntry {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => DirectoryLevel)
  level: DirectoryLevel;

  @Field(() => String, { nullable: true, description: 'The region directly above; null for the province.' })
  parentCode: string | null;

  @Field(() => Tier, { nullable: true, description: "A community's tier; null for a region." })
  tier: Tier | null;
}

@ObjectType({ description: 'A page of the directory, in code order.' })
export class DirectoryPage {
  @Field(() => [DirectoryEntry])
  entries: DirectoryEntry[];

  @Field(() => String, { nullable: true, description: 'Null on the last page; pass as `after` for the next.' })
  nextCursor: string | null;
}

@ObjectType({ description: "One tier's target for an indicator." })
export class TierTarget {
  @Field(() => Tier)
  tier: Tier;

  @Field(() => Float)
  target: number;
}

@ObjectType({
  description:
    "How the harmonious-community assessment scores one indicator. A community's target is its tier's. A region's target is its " +
    "communities' tier targets weighted by how many communities of each tier it holds — (Σ communities of the tier × the tier's target) / " +
    '(its communities), rounded to 3 decimals — as governance computes a region\'s assessment. Attainment: AT_LEAST min(1, actual / target) ' +
    '(a target of 0 is always met), AT_MOST 1 when actual ≤ target else target / actual; a component is 100 × the mean attainment of its ' +
    'indicators with a figure, the score the mean of the components present, rounded to 1 decimal.',
})
export class AssessmentTemplate {
  @Field(() => Indicator)
  indicator: Indicator;

  @Field(() => AssessmentComponentName)
  component: AssessmentComponentName;

  @Field(() => Comparison)
  comparison: Comparison;

  @Field()
  unit: string;

  @Field(() => [TierTarget], { description: 'The tier templates in force, ADVANCED, STANDARD, FOUNDATIONAL.' })
  targets: TierTarget[];
}
