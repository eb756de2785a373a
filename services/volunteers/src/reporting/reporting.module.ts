import { defineModule } from '@shequ/kit';
import { VolunteeringRankingResolver } from './volunteering-ranking.resolver';
import { VolunteerHoursTrendResolver } from './volunteer-hours-trend.resolver';

/** Volunteering across the communities of a region: rankings and trends. */
export const reportingModule = defineModule({
  name: 'reporting',
  resolvers: [VolunteeringRankingResolver, VolunteerHoursTrendResolver],
});
