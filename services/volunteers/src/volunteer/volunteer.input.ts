import { Field, ID, InputType } from 'type-graphql';
import { assertCommunityCode, assertDistinct, assertId, assertIdCardNumber, assertOptionalDate, assertPhone, assertText } from '@shequ/kit';
import { VolunteerSkill, VolunteerStatus } from './volunteer.entity';

@InputType()
export class RegisterVolunteerInput {
  @Field()
  communityCode: string;

  @Field()
  name: string;

  @Field({ description: 'A mobile number (11 digits starting with 1) or a landline with its area code (e.g. 0931-8123456).' })
  phone: string;

  @Field({ description: 'Resident identity card number, 18 characters.' })
  idNumber: string;

  @Field(() => [VolunteerSkill])
  skills: VolunteerSkill[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when omitted.' })
  registeredOn?: string | null;

  @Field(() => String, { nullable: true, description: "The volunteer's own account (token `sub`), so they can sign up and see their data." })
  accountSub?: string | null;
}

export interface VolunteerDraft {
  communityCode: string;
  name: string;
  phone: string;
  idNumber: string;
  skills: VolunteerSkill[];
  registeredOn: string;
  accountSub: string | null;
}

function assertSkills(skills: VolunteerSkill[], argument: string): VolunteerSkill[] {
  return assertDistinct(skills, argument, { max: Object.keys(VolunteerSkill).length });
}

export function readRegisterVolunteer(input: RegisterVolunteerInput, today: string): VolunteerDraft {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  const registeredOn = assertOptionalDate(input.registeredOn, 'input.registeredOn', { notAfterToday: true }) ?? today;
  return {
    communityCode: input.communityCode,
    name: assertText(input.name, 'input.name', 50),
    phone: assertPhone(input.phone, 'input.phone'),
    idNumber: assertIdCardNumber(input.idNumber, 'input.idNumber'),
    skills: assertSkills(input.skills, 'input.skills'),
    registeredOn,
    accountSub: input.accountSub == null ? null : assertText(input.accountSub, 'input.accountSub', 200),
  };
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateVolunteerInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => [VolunteerSkill], { nullable: true })
  skills?: VolunteerSkill[] | null;

  @Field(() => VolunteerStatus, { nullable: true })
  status?: VolunteerStatus | null;
}

export interface VolunteerChanges {
  id: string;
  name?: string;
  phone?: string;
  skills?: VolunteerSkill[];
  status?: VolunteerStatus;
}

export function readUpdateVolunteer(input: UpdateVolunteerInput): VolunteerChanges {
  const changes: VolunteerChanges = { id: assertId(input.id, 'input.id') };
  if (input.name != null) {
    changes.name = assertText(input.name, 'input.name', 50);
  }
  if (input.phone != null) {
    changes.phone = assertPhone(input.phone, 'input.phone');
  }
  if (input.skills != null) {
    changes.skills = assertSkills(input.skills, 'input.skills');
  }
  if (input.status != null) {
    changes.status = input.status;
  }
  return changes;
}

@InputType({ description: "Narrows a community's volunteers; the fields combine with AND." })
export class VolunteerFilter {
  @Field(() => VolunteerStatus, { nullable: true })
  status?: VolunteerStatus | null;

  @Field(() => VolunteerSkill, { nullable: true })
  skill?: VolunteerSkill | null;
}

export interface VolunteerCriteria {
  status: VolunteerStatus | null;
  skill: VolunteerSkill | null;
}

export function readVolunteerFilter(filter: VolunteerFilter | null | undefined): VolunteerCriteria {
  return { status: filter?.status ?? null, skill: filter?.skill ?? null };
}
