import { defineModule } from '@shequ/kit';
import { Volunteer } from './volunteer.entity';
import { createVolunteerLoaders } from './volunteer.loader';
import { VolunteerResolver } from './volunteer.resolver';

/** Volunteers: registration, status, personal data and the hour balance of the time bank. */
export const volunteerModule = defineModule({
  name: 'volunteer',
  entities: [Volunteer],
  resolvers: [VolunteerResolver],
  loaders: createVolunteerLoaders,
});
