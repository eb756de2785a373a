import { defineModule } from '@shequ/kit';
import { CatalogueResolver } from './catalogue.resolver';

/** The indicator catalogue and the labels of every enum value analysts meet. */
export const catalogueModule = defineModule({ name: 'catalogue', resolvers: [CatalogueResolver] });
