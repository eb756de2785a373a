import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { assertCommunityCode, assertDate, assertDecimal, assertId, assertIntegerBetween } from '@shequ/kit';

@InputType({ description: 'A patrol held in a community.' })
export class RecordPatrolInput {
  @Field()
  communityCode: string;

  @Field(() => ID, { nullable: true, description: "The community's patrol group or security committee that held it." })
  groupId?: string | null;

  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  patrolledOn: string;

  @Field(() => Float, { description: 'More than 0, at most 24, in steps of 0.1.' })
  hours: number;

  @Field(() => Int, { description: '1–500.' })
  participants: number;

  @Field({ description: 'A police-resident joint patrol.' })
  jointWithPolice: boolean;
}

export function readRecordPatrol(input: RecordPatrolInput): RecordPatrolInput {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  if (input.groupId != null) {
    assertId(input.groupId, 'input.groupId');
  }
  assertDecimal(input.hours, 'input.hours', { min: 0, max: 24, places: 1, exclusiveMin: true });
  return {
    ...input,
    groupId: input.groupId ?? null,
    hours: input.hours,
    patrolledOn: assertDate(input.patrolledOn, 'input.patrolledOn', { notAfterToday: true }),
    participants: assertIntegerBetween(input.participants, 'input.participants', 1, 500),
  };
}
