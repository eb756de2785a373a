import { defineModule } from '@shequ/kit';
import { createCatalogueLoaders } from './catalogue.loader';
import { CatalogueResolver } from './catalogue.resolver';
import { ServiceCategory, ServiceOffering } from './service-catalogue.entity';

/** The service catalogue: categories and the services a request names. */
export const catalogueModule = defineModule({
  name: 'catalogue',
  entities: [ServiceCategory, ServiceOffering],
  resolvers: [CatalogueResolver],
  loaders: createCatalogueLoaders,
});
