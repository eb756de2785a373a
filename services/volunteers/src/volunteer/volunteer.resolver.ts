import { Arg, Ctx, Float, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertId, assertTransition, auditedWrite, authorize, found, maskIdNumber, maskName, maskPhone } from '@shequ/kit';
import { volunteersPolicy } from '../access-policy';
import { CommunityReference } from '../community/community.entity';
import type { VolunteersContext } from '../loaders';
import { conflictOnDuplicate } from '../common/conflict';
import { selfOrAllowed, selfOrAuthorize } from '../common/self-or-policy';
import { Volunteer, VOLUNTEER_TRANSITIONS, VolunteerStatus } from './volunteer.entity';
import { readRegisterVolunteer, readUpdateVolunteer, RegisterVolunteerInput, UpdateVolunteerInput } from './volunteer.input';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Query(() => Volunteer, { nullable: true, description: 'One volunteer (personal fields masked unless you may see them); null when no such volunteer.' })
  async volunteer(@Arg('id', () => ID) id: string, @Ctx() context: VolunteersContext): Promise<Volunteer | null> {
    const volunteer = await context.loaders.volunteerById.load(assertId(id, 'id'));
    if (volunteer) {
      selfOrAuthorize('readVolunteers', context.viewer, volunteer);
    }
    return volunteer;
  }

  @FieldResolver(() => CommunityReference)
  community(@Root() volunteer: Volunteer): Pick<CommunityReference, 'code'> {
    return { code: volunteer.communityCode };
  }

  @FieldResolver(() => String, { description: 'Masked (e.g. 张*) unless you are the volunteer or volunteers-department staff over their community.' })
  name(@Root() volunteer: Volunteer, @Ctx() context: VolunteersContext): string {
    return selfOrAllowed('readVolunteerPersonalData', context.viewer, volunteer) ? volunteer.name : maskName(volunteer.name);
  }

  @FieldResolver(() => String, { description: 'Masked (e.g. 138****5678) under the same rule as name.' })
  phone(@Root() volunteer: Volunteer, @Ctx() context: VolunteersContext): string {
    return selfOrAllowed('readVolunteerPersonalData', context.viewer, volunteer) ? volunteer.phone : maskPhone(volunteer.phone);
  }

  @FieldResolver(() => String, { description: 'Masked (e.g. 6201**********1234) under the same rule as name.' })
  idNumber(@Root() volunteer: Volunteer, @Ctx() context: VolunteersContext): string {
    return selfOrAllowed('readVolunteerPersonalData', context.viewer, volunteer) ? volunteer.idNumber : maskIdNumber(volunteer.idNumber);
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
    const draft = readRegisterVolunteer(input, today());
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
      const volunteer = found(await manager.findOne(Volunteer, { where: { id: changes.id }, lock: { mode: 'pessimistic_write' } }), `volunteer ${changes.id}`);
      authorize(volunteersPolicy, 'updateVolunteer', context.viewer, volunteer.communityCode);
      if (changes.status && changes.status !== volunteer.status) {
        assertTransition(VOLUNTEER_TRANSITIONS, volunteer.status, changes.status, 'the volunteer');
      }
      Object.assign(volunteer, changes);
      return { result: await manager.save(volunteer), targetIds: [volunteer.id] };
    });
  }
}
