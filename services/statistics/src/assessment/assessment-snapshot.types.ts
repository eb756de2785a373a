import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ASSESSED_FIGURES, ASSESSMENT_COMPONENTS } from '../catalogue/assessment-indicators';
import { CommunityReference } from '../community/community.reference';

/*
 * The snapshot types keep the names and fields governance's assessment has
 * always served, so a client's query reads the same whichever subgraph
 * answers it. Governance defines the same enums and `AssessmentComponent`
 * for its live assessment: the values come from the one method both hold.
 */

export const AssessmentComponentName = Object.fromEntries(ASSESSMENT_COMPONENTS.map((name) => [name, name])) as Record<(typeof ASSESSMENT_COMPONENTS)[number], string>;
registerEnumType(AssessmentComponentName, { name: 'AssessmentComponentName' });

/** Governance's assessed indicators, and FREE_TEXT, the target measured by hand that is never assessed. */
export const AssessedIndicator = Object.fromEntries([...Object.keys(ASSESSED_FIGURES), 'FREE_TEXT'].map((name) => [name, name])) as Record<string, string>;
registerEnumType(AssessedIndicator, { name: 'Indicator', description: 'What a target measures. All but FREE_TEXT are read from figures in the graph.' });

@Directive('@shareable')
@ObjectType({ description: 'One part of the assessment, scored 0–100 against the tier targets; missing when no figure for it exists.' })
export class AssessmentComponent {
  @Field(() => AssessmentComponentName)
  name: string;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field()
  missing: boolean;
}

@ObjectType({ description: "The outcome of one run: how many of the region's communities were assessed, and their mean score." })
export class AssessmentRun {
  @Field()
  regionCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  communitiesAssessed: number;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;
}

@ObjectType({ description: "A community's place in a year's assessment snapshot." })
export class AssessmentRanking {
  @Field(() => Int)
  rank: number;

  @Field(() => CommunityReference)
  community: CommunityReference;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => [AssessmentComponent])
  components: AssessmentComponent[];

  @Field(() => [AssessedIndicator])
  targetsMissed: string[];
}

@ObjectType({ description: "One year's snapshot of a region's communities." })
export class AssessmentYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  communitiesAssessed: number;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;
}
