import { defineModule } from '@shequ/kit';
import { VolunteerTeam, VolunteerTeamMember } from './team.entity';
import { createTeamLoaders } from './team.loader';
import { VolunteerTeamMemberResolver, VolunteerTeamResolver } from './team.resolver';

/** Volunteer teams of a community and their members. */
export const teamModule = defineModule({
  name: 'team',
  entities: [VolunteerTeam, VolunteerTeamMember],
  resolvers: [VolunteerTeamResolver, VolunteerTeamMemberResolver],
  loaders: createTeamLoaders,
});
