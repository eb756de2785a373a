import { Field, InputType, Int } from 'type-graphql';
import { assertCommunityCode, assertDate, assertIntegerBetween, assertText } from '@shequ/kit';
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
    heldOn: assertDate(input.heldOn, 'input.heldOn', { notAfterToday: true }),
    peopleReached: assertIntegerBetween(input.peopleReached, 'input.peopleReached', 0, 100_000),
    topic: assertText(input.topic, 'input.topic', 200),
  };
}
