import { defineModule } from '@shequ/kit';
import { VolunteersFigureFeed } from './volunteers-figures';

/** The volunteers figures the provincial statistics store collects. */
export const statisticsModule = defineModule({
  name: 'statistics',
  resolvers: [VolunteersFigureFeed],
});
