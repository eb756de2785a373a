import { Field, ID, InputType } from 'type-graphql';
import { assertCommunityCode, assertId, assertText } from '@shequ/kit';
import { VolunteerTeamRole } from './team.entity';

@InputType()
export class CreateVolunteerTeamInput {
  @Field()
  name: string;

  @Field()
  communityCode: string;

  @Field(() => ID, { nullable: true, description: 'The organisation that runs the team, if any; it must serve the community.' })
  organizationId?: string | null;
}

export function readCreateTeam(input: CreateVolunteerTeamInput): { name: string; communityCode: string; organizationId: string | null } {
  assertCommunityCode(input.communityCode, 'input.communityCode');
  return {
    name: assertText(input.name, 'input.name', 100),
    communityCode: input.communityCode,
    organizationId: input.organizationId == null ? null : assertId(input.organizationId, 'input.organizationId'),
  };
}

@InputType()
export class JoinVolunteerTeamInput {
  @Field(() => ID)
  teamId: string;

  @Field(() => ID)
  volunteerId: string;

  @Field(() => VolunteerTeamRole, { defaultValue: VolunteerTeamRole.MEMBER })
  role: VolunteerTeamRole;
}

export function readJoinTeam(input: JoinVolunteerTeamInput): JoinVolunteerTeamInput {
  return { teamId: assertId(input.teamId, 'input.teamId'), volunteerId: assertId(input.volunteerId, 'input.volunteerId'), role: input.role };
}
