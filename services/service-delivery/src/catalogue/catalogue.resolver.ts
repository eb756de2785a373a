import { Ctx, Query, Resolver } from 'type-graphql';
import type { ServiceDeliveryContext } from '../context';
import { ServiceCategory, ServiceOffering } from './service-catalogue.entity';

@Resolver(() => ServiceCategory)
export class CatalogueResolver {
  @Query(() => [ServiceCategory], { description: 'Every category of the service catalogue with its services (public).' })
  async serviceCatalogue(@Ctx() context: ServiceDeliveryContext): Promise<ServiceCategory[]> {
    const [categories, offerings] = await Promise.all([
      context.dataSource.getRepository(ServiceCategory).find({ order: { code: 'ASC' } }),
      context.dataSource.getRepository(ServiceOffering).find({ order: { categoryCode: 'ASC', code: 'ASC' } }),
    ]);
    return categories.map((category) => Object.assign(category, { services: offerings.filter((offering) => offering.categoryCode === category.code) }));
  }
}
