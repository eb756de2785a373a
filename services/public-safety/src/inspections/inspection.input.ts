import { Field, InputType } from 'type-graphql';
import { assertCommunityCode, assertDate, assertText, badUserInput } from '@shequ/kit';
import { InspectionTargetKind } from './inspection.entity';

const MAX_HAZARDS = 50;

@InputType()
export class RecordInspectionInput {
  @Field()
  communityCode: string;

  @Field(() => InspectionTargetKind)
  targetKind: InspectionTargetKind;

  @Field({ description: 'The building, venue or area; 1–200 characters.' })
  targetName: string;

  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  inspectedOn: string;

  @Field(() => [String], { description: `The hazards found, each 1–300 characters; at most ${MAX_HAZARDS}. Empty when none.` })
  hazards: string[];
}

export function readRecordInspection(input: RecordInspectionInput): RecordInspectionInput {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  if (input.hazards.length > MAX_HAZARDS) {
    throw badUserInput('input.hazards', `at most ${MAX_HAZARDS} hazards per inspection`);
  }
  return {
    ...input,
    targetName: assertText(input.targetName, 'input.targetName', 200),
    inspectedOn: assertDate(input.inspectedOn, 'input.inspectedOn', { notAfterToday: true }),
    hazards: input.hazards.map((hazard, index) => assertText(hazard, `input.hazards.${index}`, 300)),
  };
}
