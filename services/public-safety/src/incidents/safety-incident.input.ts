import { Field, InputType } from 'type-graphql';
import { assertCommunityCode, assertInstant, assertText, badUserInput, currentInstant } from '@shequ/kit';
import { SafetyIncidentCategory, SafetyIncidentSeverity, SafetyIncidentStatus } from './safety-incident.entity';

@InputType({ description: 'A safety incident to record. Describe what happened, never who: no names, phone or ID numbers.' })
export class ReportSafetyIncidentInput {
  @Field()
  communityCode: string;

  @Field(() => SafetyIncidentCategory)
  category: SafetyIncidentCategory;

  @Field(() => SafetyIncidentSeverity)
  severity: SafetyIncidentSeverity;

  @Field(() => Date)
  occurredAt: Date;

  @Field({ description: '1–500 characters, no personal data.' })
  summary: string;
}

/** Clocks drift; a report a few minutes "in the future" is still a report of the present. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** A summary that looks like it carries a mobile or ID number is refused: incidents hold no personal data. */
const PERSONAL_NUMBER = /1\d{10}|\d{17}[\dXx]/;

export function readReportSafetyIncident(input: ReportSafetyIncidentInput): ReportSafetyIncidentInput {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  assertInstant(input.occurredAt, 'input.occurredAt', { latest: new Date(currentInstant().getTime() + CLOCK_SKEW_MS) });
  const summary = assertText(input.summary, 'input.summary', 500);
  if (PERSONAL_NUMBER.test(summary)) {
    throw badUserInput('input.summary', 'must not contain phone or ID numbers: incidents hold no personal data');
  }
  return { ...input, summary };
}

@InputType({ description: "Narrows a community's incidents; the fields combine with AND." })
export class SafetyIncidentFilter {
  @Field(() => SafetyIncidentCategory, { nullable: true })
  category?: SafetyIncidentCategory | null;

  @Field(() => SafetyIncidentStatus, { nullable: true })
  status?: SafetyIncidentStatus | null;
}

export interface SafetyIncidentCriteria {
  category: SafetyIncidentCategory | null;
  status: SafetyIncidentStatus | null;
}

export function readSafetyIncidentFilter(filter: SafetyIncidentFilter | null | undefined): SafetyIncidentCriteria {
  return { category: filter?.category ?? null, status: filter?.status ?? null };
}
