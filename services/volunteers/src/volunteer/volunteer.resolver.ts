import { Arg, Ctx, Float, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertId, assertTransition, chinaToday, auditedWrite, authorize, authorizedRecord, personalValue, readableRecord } from '@shequ/kit';
import { volunteersPolicy } from '../access-policy';
import { CommunityReference } from '../community/community.reference';
import type { VolunteersContext } from '../context';
import { conflictOnDuplicate } from '../common/conflict';
import { selfOrAllowed, volunteerScope } from '../common/self-or-policy';
import { Volunteer, VOLUNTEER_TRANSITIONS, VolunteerStatus } from './volunteer.entity';
import { readRegisterVolunteer, readUpdateVolunteer, RegisterVolunteerInput, UpdateVolunteerInput } from './volunteer.input';

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Query(() => Volunteer, {
    nullable: true,
    description: 'One volunteer (personal fields masked unless you may see them); null when there is no such volunteer, or none you may read.',
  })
  async volunteer(@Arg('id', () => ID) id: string, @Ctx() context: VolunteersContext): Promise<Volunteer | null> {
    return readableRecord(volunteersPolicy, 'readVolunteers', context.viewer, await context.loaders.volunteer.volunteerById.load(assertId(id, 'id')), volunteerScope);
  }

  @FieldResolver(() => CommunityReference)
  community(@Root() volunteer: Volunteer): Pick<CommunityReference, 'code'> {
    return { code: volunteer.communityCode };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Masked (e.g. 张*) unless you are the volunteer or volunteers-department staff over their community; null for anonymous callers.',
  })
  name(@Root() volunteer: Volunteer, @Ctx() context: VolunteersContext): string | null {
    return personalValue(volunteer.name, 'name', context.viewer, selfOrAllowed('readVolunteerPersonalData', context.viewer, volunteer));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only the last four digits (e.g. *******5678) under the same rule as name.' })
  phone(@Root() volunteer: Volunteer, @Ctx() context: VolunteersContext): string | null {
    return personalValue(volunteer.phone, 'phone', context.viewer, selfOrAllowed('readVolunteerPersonalData', context.viewer, volunteer));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only the last four characters (e.g. **************1234) under the same rule as name.' })
  idNumber(@Root() volunteer: Volunteer, @Ctx() context: VolunteersContext): string | null {
    return personalValue(volunteer.idNumber, 'idNumber', context.viewer, selfOrAllowed('readVolunteerPersonalData', context.viewer, volunteer));
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Time-bank balance: confirmed hours minus redemptions, never negative. For the volunteer, and community workers and volunteers-department staff over the volunteer's community; null for others.",
  })
  hourBalance(@Root() volunteer: Volunteer, @Ctx() context: VolunteersContext): number | null {
    return selfOrAllowed('readVolunteerHours', context.viewer, volunteer) ? volunteer.hourBalance : null;
  }

  @Mutation(() => Volunteer, { description: 'Registers a volunteer in a community.' })
  registerVolunteer(@Arg('input', () => RegisterVolunteerInput) input: RegisterVolunteerInput, @Ctx() context: VolunteersContext): Promise<Volunteer> {
    const draft = readRegisterVolunteer(input, chinaToday());
    authorize(volunteersPolicy, 'registerVolunteer', context.viewer, draft.communityCode);
    return conflictOnDuplicate('a volunteer with this ID number or account is already registered', () =>
      auditedWrite(context, { operation: 'registerVolunteer', targetType: 'Volunteer' }, async (manager) => {
        const saved = await manager.save(manager.create(Volunteer, { ...draft, status: VolunteerStatus.ACTIVE, hourBalance: 0 }));
        return { result: saved, targetIds: [saved.id] };
      }),
    );
  }

  @Mutation(() => Volunteer, { description: 'Changes a volunteer\'s name, phone, skills or status (ACTIVE ⇄ INACTIVE, → WITHDRAWN, which is final).' })
  updateVolunteer(@Arg('input', () => UpdateVolunteerInput) input: UpdateVolunteerInput, @Ctx() context: VolunteersContext): Promise<Volunteer> {
    const changes = readUpdateVolunteer(input);
    return auditedWrite(context, { operation: 'updateVolunteer', targetType: 'Volunteer' }, async (manager) => {
      const volunteer = authorizedRecord(volunteersPolicy, 'updateVolunteer', context.viewer, await manager.findOne(Volunteer, { where: { id: changes.id }, lock: { mode: 'pessimistic_write' } }), `volunteer ${changes.id}`, (row) => ({
        code: row.communityCode,
      }));
      if (changes.status && changes.status !== volunteer.status) {
        assertTransition(VOLUNTEER_TRANSITIONS, volunteer.status, changes.status, 'the volunteer');
      }
      Object.assign(volunteer, changes);
      return { result: await manager.save(volunteer), targetIds: [volunteer.id] };
    });
  }
}
