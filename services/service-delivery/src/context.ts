import type { SubgraphContext } from '@shequ/kit';
import type { createCatalogueLoaders } from './catalogue/catalogue.loader';
import type { createServiceStatsLoaders } from './community/service-stats.loader';
import type { createFacilityLoaders } from './facilities/service-facility.loader';
import type { createServiceRequestLoaders } from './requests/service-request.loader';

/** The loaders a service-delivery request may use, under the name of the module that builds them; built fresh for each request. */
export interface ServiceDeliveryLoaders {
  community: ReturnType<typeof createServiceStatsLoaders>;
  facilities: ReturnType<typeof createFacilityLoaders>;
  catalogue: ReturnType<typeof createCatalogueLoaders>;
  requests: ReturnType<typeof createServiceRequestLoaders>;
}

export type ServiceDeliveryContext = SubgraphContext<ServiceDeliveryLoaders>;
