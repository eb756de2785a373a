import { Field, Float, ID, InputType } from 'type-graphql';
import { assertId, assertIdempotencyKey, assertIds, assertText, badUserInput } from '@shequ/kit';

/** Hours one volunteer may be credited for one activity. */
export const MAX_HOURS_PER_ACTIVITY = 24;
/** Hours one redemption may take. */
export const MAX_HOURS_PER_REDEMPTION = 1000;

/** Hours in quarter-hour steps, as the time bank keeps them (0 < hours ≤ max). */
export function assertHours(value: number, argument: string, max: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > max || Math.round(value * 4) !== value * 4) {
    throw badUserInput(argument, `must be more than 0 and at most ${max} hours, in steps of 0.25`);
  }
  return value;
}

@InputType()
export class SignUpVolunteerInput {
  @Field(() => ID)
  activityId: string;

  @Field(() => ID)
  volunteerId: string;
}

export function readSignUp(input: SignUpVolunteerInput): SignUpVolunteerInput {
  return { activityId: assertId(input.activityId, 'input.activityId'), volunteerId: assertId(input.volunteerId, 'input.volunteerId') };
}

@InputType({ description: 'Attendance of one signed-up volunteer; hours are required when attended and not allowed otherwise.' })
export class RecordAttendanceInput {
  @Field(() => ID)
  activityId: string;

  @Field(() => ID)
  volunteerId: string;

  @Field()
  attended: boolean;

  @Field(() => Float, { nullable: true, description: 'Service hours, more than 0, at most 24 and at most the activity\'s length, in steps of 0.25.' })
  hours?: number | null;
}

export function readRecordAttendance(input: RecordAttendanceInput): { activityId: string; volunteerId: string; attended: boolean; hours: number | null } {
  const activityId = assertId(input.activityId, 'input.activityId');
  const volunteerId = assertId(input.volunteerId, 'input.volunteerId');
  if (!input.attended) {
    if (input.hours != null) {
      throw badUserInput('input.hours', 'must be omitted when the volunteer did not attend');
    }
    return { activityId, volunteerId, attended: false, hours: null };
  }
  if (input.hours == null) {
    throw badUserInput('input.hours', 'is required when the volunteer attended');
  }
  return { activityId, volunteerId, attended: true, hours: assertHours(input.hours, 'input.hours', MAX_HOURS_PER_ACTIVITY) };
}

@InputType()
export class ConfirmHoursInput {
  @Field(() => ID)
  activityId: string;

  @Field(() => [ID], { description: 'Volunteers whose recorded hours are confirmed (1 to 500).' })
  volunteerIds: string[];
}

export function readConfirmHours(input: ConfirmHoursInput): ConfirmHoursInput {
  return { activityId: assertId(input.activityId, 'input.activityId'), volunteerIds: assertIds(input.volunteerIds, 'input.volunteerIds', { max: 500 }) };
}

@InputType()
export class RedeemHoursInput {
  @Field(() => ID)
  volunteerId: string;

  @Field(() => Float, { description: 'More than 0, at most 1000, in steps of 0.25; at most the balance.' })
  hours: number;

  @Field({ description: 'The service the hours are exchanged for.' })
  service: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Chosen by the client, 8–100 characters of letters, digits and . _ : -; sending the same redemption again with the same key (after a lost answer, say) returns the first redemption instead of redeeming twice. Reusing a key for a different redemption is CONFLICT.',
  })
  idempotencyKey?: string | null;
}

export interface Redemption {
  volunteerId: string;
  hours: number;
  service: string;
  idempotencyKey: string | null;
}

export function readRedeemHours(input: RedeemHoursInput): Redemption {
  return {
    volunteerId: assertId(input.volunteerId, 'input.volunteerId'),
    hours: assertHours(input.hours, 'input.hours', MAX_HOURS_PER_REDEMPTION),
    service: assertText(input.service, 'input.service', 200),
    idempotencyKey: input.idempotencyKey == null ? null : assertIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey'),
  };
}
