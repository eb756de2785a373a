import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@shequ/kit';
import { createCatalogueLoaders } from './catalogue/catalogue.loader';
import { createFacilityLoaders } from './facilities/service-facility.loader';
import { createServiceRequestLoaders } from './requests/service-request.loader';
import { createServiceStatsLoaders } from './stats/service-stats.loader';

/** Every loader one service-delivery request may use; built fresh for each request. */
export function createLoaders(dataSource: DataSource) {
  return {
    ...createCatalogueLoaders(dataSource),
    ...createFacilityLoaders(dataSource),
    ...createServiceRequestLoaders(dataSource),
    ...createServiceStatsLoaders(dataSource),
  };
}

export type ServiceDeliveryLoaders = ReturnType<typeof createLoaders>;
export type ServiceDeliveryContext = SubgraphContext<ServiceDeliveryLoaders>;
