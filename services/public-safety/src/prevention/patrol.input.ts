import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { assertCommunityCode, badUserInput, assertId } from '@shequ/kit';
import { assertIntBetween, assertPastDate } from '../common/input';

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
  if (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 24) {
    throw badUserInput('input.hours', 'must be more than 0 and at most 24');
  }
  return {
    ...input,
    groupId: input.groupId ?? null,
    hours: Math.round(input.hours * 10) / 10,
    patrolledOn: assertPastDate(input.patrolledOn, 'input.patrolledOn'),
    participants: assertIntBetween(input.participants, 'input.participants', 1, 500),
  };
}
