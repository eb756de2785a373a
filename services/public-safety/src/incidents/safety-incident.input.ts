import { Field, InputType } from 'type-graphql';
import { assertCommunityCode, assertRegionCode, badUserInput, currentInstant, Granularity } from '@shequ/kit';
import { assertText } from '../common/input';
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

const EARLIEST = new Date('2000-01-01T00:00:00Z');
/** Clocks drift; a report a few minutes "in the future" is still a report of the present. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** A summary that looks like it carries a mobile or ID number is refused: incidents hold no personal data. */
const PERSONAL_NUMBER = /1\d{10}|\d{17}[\dXx]/;

export function readReportSafetyIncident(input: ReportSafetyIncidentInput): ReportSafetyIncidentInput {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  const occurredAt = input.occurredAt;
  if (Number.isNaN(occurredAt.getTime()) || occurredAt < EARLIEST || occurredAt.getTime() > currentInstant().getTime() + CLOCK_SKEW_MS) {
    throw badUserInput('input.occurredAt', 'must lie between 2000-01-01 and now');
  }
  const summary = assertText(input.summary, 'input.summary');
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

const MAX_TREND_YEARS = 20;

export interface TrendWindow {
  prefix: string;
  from: Date;
  to: Date;
  granularity: Granularity;
}

export function readTrendWindow(regionCode: string, from: Date, to: Date, granularity: Granularity): Omit<TrendWindow, 'prefix'> & { regionCode: string } {
  assertRegionCode(regionCode, 'regionCode');
  if (Number.isNaN(from.getTime())) {
    throw badUserInput('from', 'not a date');
  }
  if (Number.isNaN(to.getTime()) || to <= from) {
    throw badUserInput('to', 'must come after from');
  }
  const limit = new Date(from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_TREND_YEARS);
  if (to > limit) {
    throw badUserInput('to', `a trend spans at most ${MAX_TREND_YEARS} years`);
  }
  return { regionCode, from, to, granularity };
}
