import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { auditedWrite, authorizedRecord, badUserInput, chinaDate, currentInstant, found, graphqlError } from '@shequ/kit';
import { volunteersPolicy } from '../access-policy';
import { VolunteerActivity } from '../activity/activity.entity';
import type { VolunteersContext } from '../context';
import { conflictOnDuplicate } from '../common/conflict';
import { volunteerScope } from '../common/self-or-policy';
import { authorizedVolunteerAndRecord } from '../common/volunteer-and-record';
import { Volunteer, VolunteerStatus } from '../volunteer/volunteer.entity';
import { VolunteerSignUp } from './activity-signup.entity';
import { VolunteerHourRedemption } from './hour-redemption.entity';
import {
  ConfirmHoursInput,
  MAX_HOURS_PER_ACTIVITY,
  readConfirmHours,
  readRecordAttendance,
  readRedeemHours,
  readSignUp,
  RecordAttendanceInput,
  RedeemHoursInput,
  SignUpVolunteerInput,
} from './hours.input';

/** The day an activity is served on is the China date it starts on. */
const localDate = chinaDate;

/** A span in hours, rounded up to the time bank's quarter-hour steps. */
function quarterHoursUpTo(milliseconds: number): number {
  return Math.ceil((milliseconds / 3_600_000) * 4) / 4;
}

@Resolver(() => VolunteerSignUp)
export class VolunteerSignUpResolver {
  @FieldResolver(() => VolunteerActivity)
  async activity(@Root() signUp: VolunteerSignUp, @Ctx() context: VolunteersContext): Promise<VolunteerActivity> {
    return (await context.loaders.activity.activityById.load(signUp.activityId)) as VolunteerActivity;
  }

  @FieldResolver(() => Volunteer)
  async volunteer(@Root() signUp: VolunteerSignUp, @Ctx() context: VolunteersContext): Promise<Volunteer> {
    return (await context.loaders.volunteer.volunteerById.load(signUp.volunteerId)) as Volunteer;
  }

  @Mutation(() => VolunteerSignUp, { description: 'Signs a volunteer up for an activity that has not ended and has places left; a volunteer may sign themself up.' })
  signUp(@Arg('input', () => SignUpVolunteerInput) input: SignUpVolunteerInput, @Ctx() context: VolunteersContext): Promise<VolunteerSignUp> {
    const { activityId, volunteerId } = readSignUp(input);
    return conflictOnDuplicate('the volunteer has already signed up for this activity', () =>
      auditedWrite(context, { operation: 'signUp', targetType: 'VolunteerActivity' }, async (manager) => {
        // The activity row lock serialises sign-ups, so two requests cannot both take the last place.
        // The volunteer owns their sign-up: the rule lets them sign themself up wherever the activity is.
        const { volunteer, record: activity } = await authorizedVolunteerAndRecord(manager, context.viewer, 'signUp', volunteerId, {
          party: 'activity',
          id: activityId,
          load: () => manager.findOne(VolunteerActivity, { where: { id: activityId }, lock: { mode: 'pessimistic_write' } }),
        });
        if (volunteer.status === VolunteerStatus.WITHDRAWN) {
          throw badUserInput('input.volunteerId', 'the volunteer has withdrawn');
        }
        if (activity.endsAt.getTime() <= currentInstant().getTime()) {
          throw badUserInput('input.activityId', 'the activity has already ended');
        }
        if (await manager.existsBy(VolunteerSignUp, { activityId, volunteerId })) {
          throw graphqlError('CONFLICT', 'the volunteer has already signed up for this activity');
        }
        const taken = await manager.countBy(VolunteerSignUp, { activityId });
        if (taken >= activity.places) {
          throw badUserInput('input.activityId', `all ${activity.places} places are taken`);
        }
        const signUp = manager.create(VolunteerSignUp, {
          activityId,
          volunteerId,
          communityCode: activity.communityCode,
          servedOn: localDate(activity.startsAt),
          signedUpAt: new Date(),
          attended: null,
          hours: null,
          confirmedAt: null,
          confirmedBy: null,
        });
        await manager.insert(VolunteerSignUp, signUp);
        return { result: signUp, targetIds: [activityId, volunteerId] };
      }),
    );
  }

  @Mutation(() => VolunteerSignUp, { description: "Records whether a signed-up volunteer attended a started activity and their hours; confirmed hours can no longer change." })
  recordAttendance(@Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput, @Ctx() context: VolunteersContext): Promise<VolunteerSignUp> {
    const attendance = readRecordAttendance(input);
    return auditedWrite(context, { operation: 'recordAttendance', targetType: 'VolunteerActivity' }, async (manager) => {
      const { record: activity } = await authorizedVolunteerAndRecord(manager, context.viewer, 'recordAttendance', attendance.volunteerId, {
        party: 'activity',
        id: attendance.activityId,
        load: () => manager.findOneBy(VolunteerActivity, { id: attendance.activityId }),
      });
      const signUp = found(
        await manager.findOne(VolunteerSignUp, { where: { activityId: attendance.activityId, volunteerId: attendance.volunteerId }, lock: { mode: 'pessimistic_write' } }),
        `sign-up of volunteer ${attendance.volunteerId} for activity ${attendance.activityId}`,
      );
      const now = currentInstant().getTime();
      if (activity.startsAt.getTime() > now) {
        throw badUserInput('input.activityId', 'the activity has not started yet');
      }
      if (signUp.confirmedAt) {
        throw badUserInput('input.volunteerId', 'the hours are already confirmed and can no longer change');
      }
      const lengthHours = quarterHoursUpTo(activity.endsAt.getTime() - activity.startsAt.getTime());
      if (attendance.hours !== null && attendance.hours > Math.min(lengthHours, MAX_HOURS_PER_ACTIVITY)) {
        throw badUserInput('input.hours', `cannot exceed the activity's length of ${lengthHours} hours`);
      }
      // Hours not yet elapsed cannot have been served: recorded during the activity, they may be corrected upward until confirmed.
      const elapsedHours = quarterHoursUpTo(Math.min(activity.endsAt.getTime(), now) - activity.startsAt.getTime());
      if (attendance.hours !== null && attendance.hours > elapsedHours) {
        throw badUserInput('input.hours', `cannot exceed the ${elapsedHours} hours since the activity started`);
      }
      signUp.attended = attendance.attended;
      signUp.hours = attendance.hours;
      await manager.update(VolunteerSignUp, { activityId: signUp.activityId, volunteerId: signUp.volunteerId }, { attended: signUp.attended, hours: signUp.hours });
      return { result: signUp, targetIds: [activity.id, signUp.volunteerId] };
    });
  }

  @Mutation(() => [VolunteerSignUp], {
    description: "The organiser side confirms recorded hours; they then count in the volunteers' time banks. Every listed volunteer must have recorded, unconfirmed hours, else nothing changes.",
  })
  confirmHours(@Arg('input', () => ConfirmHoursInput) input: ConfirmHoursInput, @Ctx() context: VolunteersContext): Promise<VolunteerSignUp[]> {
    const { activityId, volunteerIds } = readConfirmHours(input);
    return auditedWrite(context, { operation: 'confirmHours', targetType: 'VolunteerActivity' }, async (manager) => {
      // Confirming credits each volunteer's time bank, so each volunteer's community is a party. A volunteer unknown
      // and one out of reach read alike: neither says which of the listed volunteers it was.
      const volunteers = await manager.find(Volunteer, { select: { id: true, communityCode: true }, where: { id: In(volunteerIds) } });
      const everyVolunteerKnown = volunteers.length === new Set(volunteerIds).size;
      const unknownVolunteer = `one of the volunteers ${volunteerIds.join(', ')}`;
      authorizedRecord(
        volunteersPolicy,
        'confirmHours',
        context.viewer,
        everyVolunteerKnown ? await manager.findOneBy(VolunteerActivity, { id: activityId }) : null,
        everyVolunteerKnown ? { activity: `activity ${activityId}`, volunteer: unknownVolunteer } : unknownVolunteer,
        (row) => ({ code: { activity: row.communityCode, volunteer: volunteers.map((volunteer) => volunteer.communityCode) } }),
      );
      // The conditional update confirms each sign-up at most once, even when two confirmations race.
      const confirmed: { volunteerId: string; hours: string }[] = await manager.query(
        `WITH confirmed AS (
           UPDATE volunteers.activity_signup SET confirmed_at = now(), confirmed_by = $3
           WHERE activity_id = $1 AND volunteer_id = ANY($2::uuid[]) AND attended AND hours IS NOT NULL AND confirmed_at IS NULL
           RETURNING volunteer_id, hours)
         SELECT volunteer_id AS "volunteerId", hours FROM confirmed`,
        [activityId, volunteerIds, context.viewer?.sub ?? null],
      );
      if (confirmed.length !== volunteerIds.length) {
        const done = new Set(confirmed.map((row) => row.volunteerId));
        const missing = volunteerIds.filter((id) => !done.has(id));
        throw badUserInput('input.volunteerIds', `no recorded, unconfirmed hours for ${missing.join(', ')}`);
      }
      await manager.query(
        `UPDATE volunteers.volunteer v SET hour_balance = v.hour_balance + c.hours
         FROM unnest($1::uuid[], $2::numeric[]) AS c(id, hours) WHERE v.id = c.id`,
        [confirmed.map((row) => row.volunteerId), confirmed.map((row) => row.hours)],
      );
      const rows = await manager.find(VolunteerSignUp, { where: volunteerIds.map((volunteerId) => ({ activityId, volunteerId })), order: { volunteerId: 'ASC' } });
      return { result: rows, targetIds: [activityId, ...volunteerIds] };
    });
  }
}

@Resolver(() => VolunteerHourRedemption)
export class HourRedemptionResolver {
  @FieldResolver(() => Volunteer, { description: 'The volunteer, read after the redemption (hourBalance is the new balance).' })
  async volunteer(@Root() redemption: VolunteerHourRedemption, @Ctx() context: VolunteersContext): Promise<Volunteer> {
    return (await context.loaders.volunteer.volunteerById.load(redemption.volunteerId)) as Volunteer;
  }

  @Mutation(() => VolunteerHourRedemption, {
    description:
      "Takes hours out of a volunteer's time bank for a service. More than the balance is BAD_USER_INPUT and changes nothing; concurrent redemptions cannot overdraw; sent again with the same idempotencyKey, it returns the first redemption and debits nothing.",
  })
  async redeemHours(@Arg('input', () => RedeemHoursInput) input: RedeemHoursInput, @Ctx() context: VolunteersContext): Promise<VolunteerHourRedemption> {
    const redemption = readRedeemHours(input);
    const volunteer = authorizedRecord(
      volunteersPolicy,
      'redeemHours',
      context.viewer,
      await context.dataSource.getRepository(Volunteer).findOneBy({ id: redemption.volunteerId }),
      `volunteer ${redemption.volunteerId}`,
      volunteerScope,
    );
    // authorizedRecord has refused a caller without a token.
    const recordedBy = (context.viewer as NonNullable<VolunteersContext['viewer']>).sub;
    return auditedWrite(context, { operation: 'redeemHours', targetType: 'Volunteer' }, async (manager) => {
      // The redemption is inserted before the debit: with a key, ON CONFLICT waits for a concurrent twin to commit, so
      // two racing retries make one redemption and one debit (a twin refused for the balance rolls back, and so does its row).
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO volunteers.hour_redemption (volunteer_id, community_code, hours, service, redeemed_at, recorded_by, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT ON CONSTRAINT hour_redemption_idempotency_key DO NOTHING
         RETURNING id`,
        [volunteer.id, volunteer.communityCode, redemption.hours, redemption.service, new Date(), recordedBy, redemption.idempotencyKey],
      );
      if (inserted.length === 0) {
        const first = found(
          await manager.findOneBy(VolunteerHourRedemption, { recordedBy, idempotencyKey: redemption.idempotencyKey as string }),
          'the redemption of this idempotency key',
        );
        if (first.volunteerId !== volunteer.id || first.hours !== redemption.hours || first.service !== redemption.service) {
          throw graphqlError('CONFLICT', 'idempotencyKey was already used for a different redemption; use a new key for a new redemption', { argument: 'input.idempotencyKey' });
        }
        // A retry writes nothing, so it is not audited again.
        return { result: first, targetIds: [] };
      }
      // A conditional update: a concurrent redemption waits on the row lock, then re-checks the balance it left.
      const debited: { balance: number }[] = await manager.query(
        `WITH debited AS (
           UPDATE volunteers.volunteer SET hour_balance = hour_balance - $2
           WHERE id = $1 AND hour_balance >= $2 RETURNING hour_balance)
         SELECT hour_balance::float8 AS balance FROM debited`,
        [volunteer.id, redemption.hours],
      );
      if (debited.length === 0) {
        const [{ balance }]: { balance: number }[] = await manager.query(`SELECT hour_balance::float8 AS balance FROM volunteers.volunteer WHERE id = $1`, [volunteer.id]);
        throw badUserInput('input.hours', `${redemption.hours} hours exceed the balance of ${balance} hours`);
      }
      const saved = found(await manager.findOneBy(VolunteerHourRedemption, { id: inserted[0].id }), 'the new redemption');
      return { result: saved, targetIds: [volunteer.id, saved.id] };
    });
  }
}
