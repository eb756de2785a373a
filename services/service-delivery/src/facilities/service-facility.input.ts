import { Field, InputType, Int } from 'type-graphql';
import { assertCommunityCode, assertIntegerBetween, assertOptionalText, assertText, badUserInput, assertId } from '@shequ/kit';
import { ServiceFacilityKind, ServiceFacilityOwnership, ServiceFacilityStatus } from './service-facility.entity';

const MAX_CAPACITY = 100_000;

@InputType()
export class RegisterFacilityInput {
  @Field()
  communityCode: string;

  @Field({ description: 'At most 200 characters.' })
  name: string;

  @Field(() => ServiceFacilityKind)
  kind: ServiceFacilityKind;

  @Field(() => ServiceFacilityOwnership)
  ownership: ServiceFacilityOwnership;

  @Field({ defaultValue: false, description: "A unit's own facility opened to residents (resource sharing)." })
  sharedByUnit: boolean;

  @Field(() => Int, { description: `0–${MAX_CAPACITY}.` })
  capacity: number;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  openingHours?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 300 characters.' })
  address?: string | null;

  @Field(() => ServiceFacilityStatus, { defaultValue: ServiceFacilityStatus.OPERATING })
  status: ServiceFacilityStatus;
}

export interface FacilityValues {
  communityCode: string;
  name: string;
  kind: ServiceFacilityKind;
  ownership: ServiceFacilityOwnership;
  sharedByUnit: boolean;
  capacity: number;
  openingHours: string | null;
  address: string | null;
  status: ServiceFacilityStatus;
}

export function readRegisterFacility(input: RegisterFacilityInput): FacilityValues {
  return {
    communityCode: assertCommunityCode(input.communityCode, 'input.communityCode'),
    name: assertText(input.name, 'input.name', 200),
    kind: input.kind,
    ownership: input.ownership,
    sharedByUnit: input.sharedByUnit ?? false,
    capacity: assertIntegerBetween(input.capacity, 'input.capacity', 0, MAX_CAPACITY),
    openingHours: assertOptionalText(input.openingHours, 'input.openingHours', 200),
    address: assertOptionalText(input.address, 'input.address', 300),
    status: input.status ?? ServiceFacilityStatus.OPERATING,
  };
}

@InputType({ description: 'The fields to change; those left out keep their value. The community cannot change.' })
export class UpdateFacilityInput {
  @Field()
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ServiceFacilityKind, { nullable: true })
  kind?: ServiceFacilityKind | null;

  @Field(() => ServiceFacilityOwnership, { nullable: true })
  ownership?: ServiceFacilityOwnership | null;

  @Field(() => Boolean, { nullable: true })
  sharedByUnit?: boolean | null;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  openingHours?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  address?: string | null;

  @Field(() => ServiceFacilityStatus, { nullable: true })
  status?: ServiceFacilityStatus | null;
}

export function readUpdateFacility(input: UpdateFacilityInput): { id: string; changes: Partial<FacilityValues> } {
  const changes: Partial<FacilityValues> = {};
  if (input.name != null) {
    changes.name = assertText(input.name, 'input.name', 200);
  }
  if (input.kind != null) {
    changes.kind = input.kind;
  }
  if (input.ownership != null) {
    changes.ownership = input.ownership;
  }
  if (input.sharedByUnit != null) {
    changes.sharedByUnit = input.sharedByUnit;
  }
  if (input.capacity != null) {
    changes.capacity = assertIntegerBetween(input.capacity, 'input.capacity', 0, MAX_CAPACITY);
  }
  if (input.openingHours != null) {
    changes.openingHours = assertOptionalText(input.openingHours, 'input.openingHours', 200);
  }
  if (input.address != null) {
    changes.address = assertOptionalText(input.address, 'input.address', 300);
  }
  if (input.status != null) {
    changes.status = input.status;
  }
  if (Object.keys(changes).length === 0) {
    throw badUserInput('input', 'name at least one field to change');
  }
  return { id: assertId(input.id, 'input.id'), changes };
}

@InputType({ description: "Narrows a community's facilities; the fields combine with AND." })
export class ServiceFacilityFilter {
  @Field(() => ServiceFacilityKind, { nullable: true })
  kind?: ServiceFacilityKind | null;

  @Field(() => ServiceFacilityStatus, { nullable: true })
  status?: ServiceFacilityStatus | null;

  @Field(() => ServiceFacilityOwnership, { nullable: true })
  ownership?: ServiceFacilityOwnership | null;

  @Field(() => Boolean, { nullable: true, description: 'Only (or no) facilities that units share with residents.' })
  sharedByUnit?: boolean | null;
}

export interface FacilityCriteria {
  kind: ServiceFacilityKind | null;
  status: ServiceFacilityStatus | null;
  ownership: ServiceFacilityOwnership | null;
  sharedByUnit: boolean | null;
}

export function readFacilityFilter(filter: ServiceFacilityFilter | null | undefined): FacilityCriteria {
  return { kind: filter?.kind ?? null, status: filter?.status ?? null, ownership: filter?.ownership ?? null, sharedByUnit: filter?.sharedByUnit ?? null };
}
