import { defineModule } from '@shequ/kit';
import { VolunteerActivity } from './activity.entity';
import { createActivityLoaders } from './activity.loader';
import { VolunteerActivityResolver } from './activity.resolver';

/** Volunteer activities, each organised by a team or an organisation, with their sign-up tallies. */
export const activityModule = defineModule({
  name: 'activity',
  entities: [VolunteerActivity],
  resolvers: [VolunteerActivityResolver],
  loaders: createActivityLoaders,
});
