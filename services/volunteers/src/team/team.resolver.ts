import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { auditedWrite, authorize, badUserInput, found } from '@shequ/kit';
import { volunteersPolicy } from '../access-policy';
import { CommunityReference } from '../community/community.reference';
import type { VolunteersContext } from '../context';
import { Organization, OrganizationCommunity } from '../organization/organization.entity';
import { conflictOnDuplicate } from '../common/conflict';
import { authorizedVolunteerAndRecord } from '../common/volunteer-and-record';
import { Volunteer, VolunteerStatus } from '../volunteer/volunteer.entity';
import { VolunteerTeam, VolunteerTeamMember } from './team.entity';
import { CreateVolunteerTeamInput, JoinVolunteerTeamInput, readCreateTeam, readJoinTeam } from './team.input';

@Resolver(() => VolunteerTeam)
export class VolunteerTeamResolver {
  @FieldResolver(() => CommunityReference)
  community(@Root() team: VolunteerTeam): Pick<CommunityReference, 'code'> {
    return { code: team.communityCode };
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() team: VolunteerTeam, @Ctx() context: VolunteersContext): Promise<Organization | null> | null {
    return team.organizationId ? context.loaders.organization.organizationById.load(team.organizationId) : null;
  }

  @FieldResolver(() => Int)
  async memberCount(@Root() team: VolunteerTeam, @Ctx() context: VolunteersContext): Promise<number> {
    return (await context.loaders.team.teamMemberCount.load(team.id))?.members ?? 0;
  }

  @Mutation(() => VolunteerTeam, { description: 'Creates a volunteer team in a community, optionally run by an organisation serving it.' })
  createTeam(@Arg('input', () => CreateVolunteerTeamInput) input: CreateVolunteerTeamInput, @Ctx() context: VolunteersContext): Promise<VolunteerTeam> {
    const draft = readCreateTeam(input);
    authorize(volunteersPolicy, 'createTeam', context.viewer, draft.communityCode);
    return auditedWrite(context, { operation: 'createTeam', targetType: 'VolunteerTeam' }, async (manager) => {
      if (draft.organizationId) {
        found(await manager.findOneBy(Organization, { id: draft.organizationId }), `organization ${draft.organizationId}`);
        if (!(await manager.findOneBy(OrganizationCommunity, { organizationId: draft.organizationId, communityCode: draft.communityCode }))) {
          throw badUserInput('input.organizationId', `the organisation does not serve community ${draft.communityCode}`);
        }
      }
      const saved = await manager.save(manager.create(VolunteerTeam, draft));
      return { result: saved, targetIds: [saved.id] };
    });
  }

  @Mutation(() => VolunteerTeamMember, { description: 'Adds a volunteer to a team with a role.' })
  joinTeam(@Arg('input', () => JoinVolunteerTeamInput) input: JoinVolunteerTeamInput, @Ctx() context: VolunteersContext): Promise<VolunteerTeamMember> {
    const membership = readJoinTeam(input);
    return conflictOnDuplicate('the volunteer is already in this team', () =>
      auditedWrite(context, { operation: 'joinTeam', targetType: 'VolunteerTeam' }, async (manager) => {
        const { volunteer, record: team } = await authorizedVolunteerAndRecord(manager, context.viewer, 'joinTeam', membership.volunteerId, {
          party: 'team',
          id: membership.teamId,
          load: () => manager.findOneBy(VolunteerTeam, { id: membership.teamId }),
        });
        if (volunteer.status === VolunteerStatus.WITHDRAWN) {
          throw badUserInput('input.volunteerId', 'the volunteer has withdrawn');
        }
        // insert, not save: a repeated join must hit the primary key and be a CONFLICT, not an update
        const member = manager.create(VolunteerTeamMember, { ...membership, joinedAt: new Date() });
        await manager.insert(VolunteerTeamMember, member);
        return { result: member, targetIds: [team.id, volunteer.id] };
      }),
    );
  }
}

@Resolver(() => VolunteerTeamMember)
export class VolunteerTeamMemberResolver {
  @FieldResolver(() => VolunteerTeam)
  async team(@Root() member: VolunteerTeamMember, @Ctx() context: VolunteersContext): Promise<VolunteerTeam> {
    return (await context.loaders.team.teamById.load(member.teamId)) as VolunteerTeam;
  }

  @FieldResolver(() => Volunteer)
  async volunteer(@Root() member: VolunteerTeamMember, @Ctx() context: VolunteersContext): Promise<Volunteer> {
    return (await context.loaders.volunteer.volunteerById.load(member.volunteerId)) as Volunteer;
  }
}
