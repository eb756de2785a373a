import { defineModule } from '@shequ/kit';
import { ServiceRankingResolver } from './service-ranking.resolver';
import { ServiceTrendResolver } from './service-trend.resolver';

/** Rankings and trends across the communities of a region. */
export const reportingModule = defineModule({
  name: 'reporting',
  resolvers: [ServiceRankingResolver, ServiceTrendResolver],
});
