import { Field, ID, InputType, Int } from 'type-graphql';
import { assertCommunityCode, assertDistinct, assertIntegerBetween, assertOptionalDate, assertRegionCode, assertText, badUserInput, assertId } from '@shequ/kit';
import { OrganizationFunction, OrganizationKind, OrganizationStage } from './organization.entity';

const REGISTRATION_NUMBER = /^[0-9A-Z]{8,30}$/;

@InputType({ description: 'A new organisation starts INCUBATING.' })
export class RegisterOrganizationInput {
  @Field()
  name: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => [OrganizationFunction])
  functions: OrganizationFunction[];

  @Field(() => [String], { description: 'Codes of the communities it serves (1 to 50).' })
  communityCodes: string[];

  @Field(() => Int, { defaultValue: 0 })
  staffCount: number;

  @Field(() => Int, { defaultValue: 0 })
  volunteerCount: number;
}

export interface OrganizationDraft {
  name: string;
  kind: OrganizationKind;
  functions: OrganizationFunction[];
  communityCodes: string[];
  staffCount: number;
  volunteerCount: number;
}

export function readRegisterOrganization(input: RegisterOrganizationInput): OrganizationDraft {
  const communityCodes = assertDistinct(input.communityCodes, 'input.communityCodes', { max: 50 });
  communityCodes.forEach((code) => assertCommunityCode(code, 'input.communityCodes'));
  return {
    name: assertText(input.name, 'input.name', 200),
    kind: input.kind,
    functions: assertDistinct(input.functions, 'input.functions', { max: Object.keys(OrganizationFunction).length }),
    communityCodes,
    staffCount: assertIntegerBetween(input.staffCount, 'input.staffCount', 0, 100_000),
    volunteerCount: assertIntegerBetween(input.volunteerCount, 'input.volunteerCount', 0, 1_000_000),
  };
}

@InputType()
export class AdvanceOrganizationStageInput {
  @Field(() => ID)
  id: string;

  @Field(() => OrganizationStage)
  stage: OrganizationStage;

  @Field(() => String, { nullable: true, description: 'Required when moving to REGISTERED for the first time.' })
  registrationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today when omitted on registration.' })
  registeredOn?: string | null;
}

export function readAdvanceOrganizationStage(input: AdvanceOrganizationStageInput): AdvanceOrganizationStageInput {
  const registrationNumber = input.registrationNumber == null ? null : input.registrationNumber.trim().toUpperCase();
  if (registrationNumber !== null && !REGISTRATION_NUMBER.test(registrationNumber)) {
    throw badUserInput('input.registrationNumber', 'expected 8 to 30 digits or capital letters');
  }
  return {
    id: assertId(input.id, 'input.id'),
    stage: input.stage,
    registrationNumber,
    registeredOn: assertOptionalDate(input.registeredOn, 'input.registeredOn'),
  };
}

@InputType({ description: 'Narrows a list of organisations; the fields combine with AND.' })
export class OrganizationFilter {
  @Field(() => String, { nullable: true, description: 'Organisations serving at least one community in this region.' })
  regionCode?: string | null;

  @Field(() => OrganizationStage, { nullable: true })
  stage?: OrganizationStage | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => OrganizationFunction, { nullable: true })
  function?: OrganizationFunction | null;
}

export interface OrganizationCriteria {
  stage: OrganizationStage | null;
  kind: OrganizationKind | null;
  function: OrganizationFunction | null;
}

export function readOrganizationFilter(filter: OrganizationFilter | null | undefined): { regionCode: string | null; criteria: OrganizationCriteria } {
  const regionCode = filter?.regionCode == null ? null : assertRegionCode(filter.regionCode, 'filter.regionCode');
  return { regionCode, criteria: { stage: filter?.stage ?? null, kind: filter?.kind ?? null, function: filter?.function ?? null } };
}
