import { defineModule } from '@shequ/kit';
import { ServiceDeliveryFigureFeed } from './service-delivery-figures';

/** The figure feed for the provincial statistics store. */
export const statisticsModule = defineModule({
  name: 'statistics',
  resolvers: [ServiceDeliveryFigureFeed],
});
