import type { SubgraphContext } from '@shequ/kit';
import type { createActivityLoaders } from './activity/activity.loader';
import type { createVolunteerStatsLoaders } from './community/volunteer-stats.loader';
import type { createOrganizationLoaders } from './organization/organization.loader';
import type { createTeamLoaders } from './team/team.loader';
import type { createVolunteerLoaders } from './volunteer/volunteer.loader';

/** Every loader one volunteers request may use, under the module that builds it; built fresh for each request. */
export interface VolunteersLoaders {
  volunteer: ReturnType<typeof createVolunteerLoaders>;
  team: ReturnType<typeof createTeamLoaders>;
  activity: ReturnType<typeof createActivityLoaders>;
  organization: ReturnType<typeof createOrganizationLoaders>;
  community: ReturnType<typeof createVolunteerStatsLoaders>;
}

export type VolunteersContext = SubgraphContext<VolunteersLoaders>;
