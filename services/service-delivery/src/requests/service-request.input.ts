import { Field, ID, InputType, Int } from 'type-graphql';
import { assertCommunityCode, assertIdempotencyKey, assertIntegerBetween, assertOptionalPhone, assertOptionalText, assertText, badUserInput, assertId } from '@shequ/kit';
import { ServiceRequestChannel, ServiceRequestStatus } from './service-request.entity';

export const MAX_DESCRIPTION = 2000;
const SERVICE_CODE = /^[A-Z0-9_]{1,50}$/;

@InputType()
export class SubmitServiceRequestInput {
  @Field({ description: 'The 12-digit code of the community the request is for.' })
  communityCode: string;

  @Field({ description: 'A service code from serviceCatalogue.' })
  serviceCode: string;

  @Field({ description: `What is needed, at most ${MAX_DESCRIPTION} characters.` })
  description: string;

  @Field(() => ServiceRequestChannel, { defaultValue: ServiceRequestChannel.APP })
  channel: ServiceRequestChannel;

  @Field({
    description:
      'Chosen by the client, 8–100 characters of letters, digits and . _ : -; sending the same key again returns the first request instead of creating another.',
  })
  idempotencyKey: string;

  @Field(() => String, { nullable: true, description: 'Whom to contact, when not the submitter (e.g. a worker submitting at the counter); at most 50 characters.' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'A mobile number (11 digits starting with 1) or a landline with its area code (e.g. 0931-8123456).' })
  contactPhone?: string | null;
}

export interface SubmissionValues {
  communityCode: string;
  serviceCode: string;
  description: string;
  channel: ServiceRequestChannel;
  idempotencyKey: string;
  contactName: string | null;
  contactPhone: string | null;
}

export function readSubmission(input: SubmitServiceRequestInput): SubmissionValues {
  if (!SERVICE_CODE.test(input.serviceCode)) {
    throw badUserInput('input.serviceCode', 'expected a service code from serviceCatalogue, e.g. ELDER_MEAL');
  }
  return {
    communityCode: assertCommunityCode(input.communityCode, 'input.communityCode'),
    serviceCode: input.serviceCode,
    description: assertText(input.description, 'input.description', MAX_DESCRIPTION),
    channel: input.channel ?? ServiceRequestChannel.APP,
    idempotencyKey: assertIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey'),
    contactName: assertOptionalText(input.contactName, 'input.contactName', 50),
    contactPhone: assertOptionalPhone(input.contactPhone, 'input.contactPhone'),
  };
}

@InputType({ description: 'Moves a request one step (accept, start, resolve, close).' })
export class ServiceRequestStepInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'What was done or agreed, at most 1000 characters; shown only to those who may read the request.' })
  note?: string | null;
}

export function readStep(input: ServiceRequestStepInput): { id: string; note: string | null } {
  return { id: assertId(input.id, 'input.id'), note: assertOptionalText(input.note, 'input.note', 1000) };
}

@InputType()
export class RejectServiceRequestInput {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Why, at most 500 characters; public, so no personal data.' })
  reason: string;
}

export function readRejection(input: RejectServiceRequestInput): { id: string; reason: string } {
  return { id: assertId(input.id, 'input.id'), reason: assertText(input.reason, 'input.reason', 500) };
}

@InputType()
export class RateServiceRequestInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '1 (very dissatisfied) to 5 (very satisfied).' })
  satisfaction: number;
}

export function readRating(input: RateServiceRequestInput): { id: string; satisfaction: number } {
  return { id: assertId(input.id, 'input.id'), satisfaction: assertIntegerBetween(input.satisfaction, 'input.satisfaction', 1, 5) };
}

@InputType({ description: "Narrows a community's service requests; the fields combine with AND." })
export class ServiceRequestFilter {
  @Field(() => ServiceRequestStatus, { nullable: true })
  status?: ServiceRequestStatus | null;

  @Field(() => String, { nullable: true })
  serviceCode?: string | null;

  @Field(() => ServiceRequestChannel, { nullable: true })
  channel?: ServiceRequestChannel | null;
}

export interface RequestCriteria {
  status: ServiceRequestStatus | null;
  serviceCode: string | null;
  channel: ServiceRequestChannel | null;
}

export function readRequestFilter(filter: ServiceRequestFilter | null | undefined): RequestCriteria {
  if (filter?.serviceCode != null && !SERVICE_CODE.test(filter.serviceCode)) {
    throw badUserInput('filter.serviceCode', 'expected a service code from serviceCatalogue, e.g. ELDER_MEAL');
  }
  return { status: filter?.status ?? null, serviceCode: filter?.serviceCode ?? null, channel: filter?.channel ?? null };
}
