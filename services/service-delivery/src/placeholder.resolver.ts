import { Query, Resolver } from 'type-graphql';

/** Scaffolding: replaced by the department's own queries. */
@Resolver()
export class PlaceholderResolver {
  @Query(() => Boolean, { deprecationReason: 'scaffolding' })
  serviceDeliveryPlaceholder(): boolean {
    return true;
  }
}
