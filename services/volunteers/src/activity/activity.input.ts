import { Field, ID, InputType, Int } from 'type-graphql';
import { ANY_TIME, assertCommunityCode, assertInstant, assertIntegerBetween, assertText, badUserInput, assertId } from '@shequ/kit';
import { VolunteerActivityCategory } from './activity.entity';

const MAX_ACTIVITY_HOURS = 72;
/** A client's clock may run a little behind ours: a start this recent still counts as now. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** How far back the department may enter an activity from paper records: a year, a leap day included. */
export const PAST_ACTIVITY_DAYS = 366;

@InputType({ description: 'Give exactly one organiser: a team or an organisation.' })
export class CreateVolunteerActivityInput {
  @Field()
  title: string;

  @Field(() => VolunteerActivityCategory)
  category: VolunteerActivityCategory;

  @Field()
  communityCode: string;

  @Field(() => ID, { nullable: true })
  organiserTeamId?: string | null;

  @Field(() => ID, { nullable: true })
  organiserOrganizationId?: string | null;

  @Field(() => Date, { description: 'Not in the past, except for volunteers department staff entering paper records (at most 366 days back).' })
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => Int, { description: '1 to 10,000.' })
  places: number;
}

export interface ActivityDraft {
  title: string;
  category: VolunteerActivityCategory;
  communityCode: string;
  organiserTeamId: string | null;
  organiserOrganizationId: string | null;
  startsAt: Date;
  endsAt: Date;
  places: number;
}

export function readCreateActivity(input: CreateVolunteerActivityInput): ActivityDraft {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  const teamId = input.organiserTeamId == null ? null : assertId(input.organiserTeamId, 'input.organiserTeamId');
  const organizationId = input.organiserOrganizationId == null ? null : assertId(input.organiserOrganizationId, 'input.organiserOrganizationId');
  if ((teamId === null) === (organizationId === null)) {
    throw badUserInput('input.organiserTeamId', 'give exactly one organiser: organiserTeamId or organiserOrganizationId');
  }
  const startsAt = assertInstant(input.startsAt, 'input.startsAt');
  const endsAt = assertInstant(input.endsAt, 'input.endsAt');
  const hours = (endsAt.getTime() - startsAt.getTime()) / 3_600_000;
  if (hours <= 0 || hours > MAX_ACTIVITY_HOURS) {
    throw badUserInput('input.endsAt', `must be after startsAt and at most ${MAX_ACTIVITY_HOURS} hours later`);
  }
  return {
    title: assertText(input.title, 'input.title', 200),
    category: input.category,
    communityCode: input.communityCode,
    organiserTeamId: teamId,
    organiserOrganizationId: organizationId,
    startsAt,
    endsAt,
    places: assertIntegerBetween(input.places, 'input.places', 1, 10_000),
  };
}

/**
 * An activity may start in the past only for callers the policy lets record
 * past activities (`mayRecordPast`), and then at most PAST_ACTIVITY_DAYS
 * back: otherwise anyone could make up an activity and credit hours for it.
 */
export function assertStartAllowed(startsAt: Date, mayRecordPast: boolean, now: number): void {
  if (startsAt.getTime() >= now - CLOCK_SKEW_MS) {
    return;
  }
  if (!mayRecordPast) {
    throw badUserInput('input.startsAt', 'must not be in the past: only volunteers department staff enter activities that have already started');
  }
  if (startsAt.getTime() < now - PAST_ACTIVITY_DAYS * 86_400_000) {
    throw badUserInput('input.startsAt', `must lie within the last ${PAST_ACTIVITY_DAYS} days`);
  }
}

@InputType({ description: "Narrows a community's activities; the fields combine with AND." })
export class VolunteerActivityFilter {
  @Field(() => VolunteerActivityCategory, { nullable: true })
  category?: VolunteerActivityCategory | null;

  @Field(() => Date, { nullable: true, description: 'Activities starting at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Activities starting before this instant.' })
  to?: Date | null;
}

export interface ActivityCriteria {
  category: VolunteerActivityCategory | null;
  from: string | null;
  to: string | null;
}

export function readActivityFilter(filter: VolunteerActivityFilter | null | undefined): ActivityCriteria {
  // A far bound merely matches nothing.
  const from = filter?.from == null ? null : assertInstant(filter.from, 'filter.from', ANY_TIME).toISOString();
  const to = filter?.to == null ? null : assertInstant(filter.to, 'filter.to', ANY_TIME).toISOString();
  if (from && to && from >= to) {
    throw badUserInput('filter.to', 'must be after filter.from');
  }
  return { category: filter?.category ?? null, from, to };
}
