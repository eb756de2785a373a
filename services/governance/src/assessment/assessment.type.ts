import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { AssessmentComponentName, Comparison, Indicator } from './indicators';

// The statistics store's snapshots serve the same type.
@Directive('@shareable')
@ObjectType({ description: 'One part of the assessment, scored 0–100 against the tier targets; missing when no figure for it exists.' })
export class AssessmentComponent {
  @Field(() => AssessmentComponentName)
  name: AssessmentComponentName;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field()
  missing: boolean;
}

@ObjectType({ description: 'One target of the assessment, with the figure it was measured against.' })
export class AssessmentTargetResult {
  @Field(() => Indicator)
  indicator: Indicator;

  @Field(() => AssessmentComponentName)
  component: AssessmentComponentName;

  @Field(() => Comparison)
  comparison: Comparison;

  @Field(() => Float)
  target: number;

  @Field(() => Float, { nullable: true, description: 'null when the figure is missing.' })
  actual: number | null;
}

@ObjectType({
  description:
    'The harmonious-community assessment: 0–100, the mean of the components that have figures (see the README for the formula and a worked example).',
})
export class Assessment {
  @Field(() => Float, { nullable: true, description: 'null only when every component is missing.' })
  score: number | null;

  @Field(() => [AssessmentComponent])
  components: AssessmentComponent[];

  @Field(() => [AssessmentTargetResult])
  targetsMet: AssessmentTargetResult[];

  @Field(() => [AssessmentTargetResult])
  targetsMissed: AssessmentTargetResult[];

  @Field(() => [AssessmentComponentName])
  missingComponents: AssessmentComponentName[];
}
