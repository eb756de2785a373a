import { Field, InputType, Int } from 'type-graphql';
import { assertCommunityCode } from '@shequ/kit';
import { assertIntBetween, assertPastDate, assertText } from '../common/input';
import { LegalServiceKind } from './legal-service.entity';

@InputType()
export class RecordLegalServiceInput {
  @Field()
  communityCode: string;

  @Field(() => LegalServiceKind)
  kind: LegalServiceKind;

  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  heldOn: string;

  @Field(() => Int, { description: '0–100,000.' })
  peopleReached: number;

  @Field({ description: '1–200 characters.' })
  topic: string;
}

export function readRecordLegalService(input: RecordLegalServiceInput): RecordLegalServiceInput {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  return {
    ...input,
    heldOn: assertPastDate(input.heldOn, 'input.heldOn'),
    peopleReached: assertIntBetween(input.peopleReached, 'input.peopleReached', 0, 100_000),
    topic: assertText(input.topic, 'input.topic', 200),
  };
}
