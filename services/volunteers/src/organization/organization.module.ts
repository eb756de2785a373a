import { defineModule } from '@shequ/kit';
import { Organization, OrganizationCommunity } from './organization.entity';
import { createOrganizationLoaders } from './organization.loader';
import { OrganizationResolver } from './organization.resolver';

/** Intermediary and social organisations the programme cultivates, and the communities each serves. */
export const organizationModule = defineModule({
  name: 'organization',
  entities: [Organization, OrganizationCommunity],
  resolvers: [OrganizationResolver],
  loaders: createOrganizationLoaders,
});
