import { Field, InputType } from 'type-graphql';
import { assertCommunityCode, assertDate, assertIdCardNumber, assertOptionalDate, assertPhone, assertText, badUserInput } from '@shequ/kit';
import { SupervisionCategory } from './supervised-person.entity';

@InputType()
export class RegisterSupervisedPersonInput {
  @Field()
  communityCode: string;

  @Field(() => SupervisionCategory)
  category: SupervisionCategory;

  @Field()
  fullName: string;

  @Field({ description: '18-character resident identity number.' })
  idNumber: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field({ description: 'YYYY-MM-DD, not in the future.' })
  supervisedFrom: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, on or after supervisedFrom; null when open-ended.' })
  supervisedUntil?: string | null;

  @Field()
  caseworker: string;

  @Field({ description: 'The assistance plan (employment, housing, subsistence); 1–2000 characters.' })
  assistancePlan: string;

  @Field({ description: 'The education plan; 1–2000 characters.' })
  educationPlan: string;
}

export function readRegisterSupervisedPerson(input: RegisterSupervisedPersonInput): Required<RegisterSupervisedPersonInput> {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  const supervisedFrom = assertDate(input.supervisedFrom, 'input.supervisedFrom', { notAfterToday: true });
  const until = assertOptionalDate(input.supervisedUntil, 'input.supervisedUntil');
  if (until !== null && until < supervisedFrom) {
    throw badUserInput('input.supervisedUntil', 'must not precede supervisedFrom');
  }
  return {
    communityCode: input.communityCode,
    category: input.category,
    fullName: assertText(input.fullName, 'input.fullName', 50),
    idNumber: assertIdCardNumber(input.idNumber, 'input.idNumber'),
    phone: input.phone == null ? null : assertPhone(input.phone, 'input.phone'),
    supervisedFrom,
    supervisedUntil: until,
    caseworker: assertText(input.caseworker, 'input.caseworker', 50),
    assistancePlan: assertText(input.assistancePlan, 'input.assistancePlan', 2000),
    educationPlan: assertText(input.educationPlan, 'input.educationPlan', 2000),
  };
}

@InputType({ description: 'Changes to a supervised person\'s plan; omitted fields stay as they are.' })
export class UpdateAssistancePlanInput {
  @Field(() => String, { nullable: true })
  assistancePlan?: string | null;

  @Field(() => String, { nullable: true })
  educationPlan?: string | null;

  @Field(() => String, { nullable: true })
  caseworker?: string | null;
}

export function readUpdateAssistancePlan(input: UpdateAssistancePlanInput): { assistancePlan?: string; educationPlan?: string; caseworker?: string } {
  const changes: { assistancePlan?: string; educationPlan?: string; caseworker?: string } = {};
  if (input.assistancePlan != null) {
    changes.assistancePlan = assertText(input.assistancePlan, 'input.assistancePlan', 2000);
  }
  if (input.educationPlan != null) {
    changes.educationPlan = assertText(input.educationPlan, 'input.educationPlan', 2000);
  }
  if (input.caseworker != null) {
    changes.caseworker = assertText(input.caseworker, 'input.caseworker', 50);
  }
  if (Object.keys(changes).length === 0) {
    throw badUserInput('input', 'change at least one of assistancePlan, educationPlan, caseworker');
  }
  return changes;
}
