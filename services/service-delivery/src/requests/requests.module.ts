import { defineModule } from '@shequ/kit';
import { ServiceRequest, ServiceRequestTransition } from './service-request.entity';
import { createServiceRequestLoaders } from './service-request.loader';
import { ServiceRequestResolver, ServiceRequestTransitionResolver } from './service-request.resolver';

/** Residents' service requests and their moves. */
export const requestsModule = defineModule({
  name: 'requests',
  entities: [ServiceRequest, ServiceRequestTransition],
  resolvers: [ServiceRequestResolver, ServiceRequestTransitionResolver],
  loaders: createServiceRequestLoaders,
});
