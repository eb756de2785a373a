import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditedWrite, authorize, badUserInput, currentInstant, found, assertId, isAllowed } from '@shequ/kit';
import { volunteersPolicy } from '../access-policy';
import { CommunityReference } from '../community/community.reference';
import type { VolunteersContext } from '../context';
import { Organization, OrganizationCommunity } from '../organization/organization.entity';
import { VolunteerTeam } from '../team/team.entity';
import { VolunteerActivity } from './activity.entity';
import { assertStartAllowed, CreateVolunteerActivityInput, readCreateActivity } from './activity.input';

@Resolver(() => VolunteerActivity)
export class VolunteerActivityResolver {
  @Query(() => VolunteerActivity, { nullable: true, description: 'One volunteer activity; null when there is none with this id.' })
  volunteerActivity(@Arg('id', () => ID) id: string, @Ctx() context: VolunteersContext): Promise<VolunteerActivity | null> {
    return context.loaders.activity.activityById.load(assertId(id, 'id'));
  }

  @FieldResolver(() => CommunityReference)
  community(@Root() activity: VolunteerActivity): Pick<CommunityReference, 'code'> {
    return { code: activity.communityCode };
  }

  @FieldResolver(() => VolunteerTeam, { nullable: true, description: 'The organising team, when a team organises it.' })
  organiserTeam(@Root() activity: VolunteerActivity, @Ctx() context: VolunteersContext): Promise<VolunteerTeam | null> | null {
    return activity.organiserTeamId ? context.loaders.team.teamById.load(activity.organiserTeamId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organising organisation, when an organisation organises it.' })
  organiserOrganization(@Root() activity: VolunteerActivity, @Ctx() context: VolunteersContext): Promise<Organization | null> | null {
    return activity.organiserOrganizationId ? context.loaders.organization.organizationById.load(activity.organiserOrganizationId) : null;
  }

  @FieldResolver(() => Int)
  async signUpCount(@Root() activity: VolunteerActivity, @Ctx() context: VolunteersContext): Promise<number> {
    return (await context.loaders.activity.activityTally.load(activity.id))?.signUps ?? 0;
  }

  @FieldResolver(() => Int)
  async attendedCount(@Root() activity: VolunteerActivity, @Ctx() context: VolunteersContext): Promise<number> {
    return (await context.loaders.activity.activityTally.load(activity.id))?.attended ?? 0;
  }

  @FieldResolver(() => Float, { description: 'Service hours confirmed for this activity.' })
  async confirmedHours(@Root() activity: VolunteerActivity, @Ctx() context: VolunteersContext): Promise<number> {
    return (await context.loaders.activity.activityTally.load(activity.id))?.confirmedHours ?? 0;
  }

  @Mutation(() => VolunteerActivity, { description: 'Creates a volunteer activity organised by a team of the community or an organisation serving it.' })
  createActivity(@Arg('input', () => CreateVolunteerActivityInput) input: CreateVolunteerActivityInput, @Ctx() context: VolunteersContext): Promise<VolunteerActivity> {
    const draft = readCreateActivity(input);
    authorize(volunteersPolicy, 'createActivity', context.viewer, draft.communityCode);
    assertStartAllowed(draft.startsAt, isAllowed(volunteersPolicy, 'recordPastActivity', context.viewer, draft.communityCode), currentInstant().getTime());
    return auditedWrite(context, { operation: 'createActivity', targetType: 'VolunteerActivity' }, async (manager) => {
      if (draft.organiserTeamId) {
        const team = found(await manager.findOneBy(VolunteerTeam, { id: draft.organiserTeamId }), `team ${draft.organiserTeamId}`);
        if (team.communityCode !== draft.communityCode) {
          throw badUserInput('input.organiserTeamId', `the team belongs to community ${team.communityCode}, not ${draft.communityCode}`);
        }
      }
      if (draft.organiserOrganizationId) {
        found(await manager.findOneBy(Organization, { id: draft.organiserOrganizationId }), `organization ${draft.organiserOrganizationId}`);
        if (!(await manager.findOneBy(OrganizationCommunity, { organizationId: draft.organiserOrganizationId, communityCode: draft.communityCode }))) {
          throw badUserInput('input.organiserOrganizationId', `the organisation does not serve community ${draft.communityCode}`);
        }
      }
      const saved = await manager.save(manager.create(VolunteerActivity, draft));
      return { result: saved, targetIds: [saved.id] };
    });
  }
}
