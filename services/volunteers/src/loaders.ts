import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@shequ/kit';
import { createActivityLoaders } from './activity/activity.loader';
import { createVolunteerStatsLoaders } from './community/volunteer.stats';
import { createOrganizationLoaders } from './organization/organization.loader';
import { createTeamLoaders } from './team/team.loader';
import { createVolunteerLoaders } from './volunteer/volunteer.loader';

/** Every loader one volunteers request may use; built fresh for each request. */
export function createVolunteersLoaders(dataSource: DataSource) {
  return {
    ...createVolunteerLoaders(dataSource),
    ...createTeamLoaders(dataSource),
    ...createActivityLoaders(dataSource),
    ...createOrganizationLoaders(dataSource),
    ...createVolunteerStatsLoaders(dataSource),
  };
}

export type VolunteersLoaders = ReturnType<typeof createVolunteersLoaders>;
export type VolunteersContext = SubgraphContext<VolunteersLoaders>;
