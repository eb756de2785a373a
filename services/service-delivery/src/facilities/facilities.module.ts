import { defineModule } from '@shequ/kit';
import { ServiceFacility } from './service-facility.entity';
import { createFacilityLoaders } from './service-facility.loader';
import { ServiceFacilityResolver } from './service-facility.resolver';

/** Service facilities and their register. */
export const facilitiesModule = defineModule({
  name: 'facilities',
  entities: [ServiceFacility],
  resolvers: [ServiceFacilityResolver],
  loaders: createFacilityLoaders,
});
