import { Field, ID, InputType, Int } from 'type-graphql';
import { assertCommunityCode, badUserInput, assertId } from '@shequ/kit';
import { assertIntegerBetween, assertText } from '../common/validation';
import { ServiceRequestChannel, ServiceRequestStatus } from './service-request.entity';

export const MAX_DESCRIPTION = 2000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;
const PHONE = /^\+?[0-9-]{5,20}$/;
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

  @Field(() => String, { nullable: true, description: 'Digits, optional leading + and dashes, 5–20 characters.' })
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
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    throw badUserInput('input.idempotencyKey', 'expected 8–100 characters of letters, digits and . _ : -');
  }
  const contactPhone = assertText(input.contactPhone, 'input.contactPhone', 20, true);
  if (contactPhone !== null && !PHONE.test(contactPhone)) {
    throw badUserInput('input.contactPhone', 'expected digits, an optional leading + and dashes');
  }
  return {
    communityCode: assertCommunityCode(input.communityCode, 'input.communityCode'),
    serviceCode: input.serviceCode,
    description: assertText(input.description, 'input.description', MAX_DESCRIPTION),
    channel: input.channel ?? ServiceRequestChannel.APP,
    idempotencyKey: input.idempotencyKey,
    contactName: assertText(input.contactName, 'input.contactName', 50, true),
    contactPhone,
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
  return { id: assertId(input.id, 'input.id'), note: assertText(input.note, 'input.note', 1000, true) };
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
