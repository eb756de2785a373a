import { defineModule } from '@shequ/kit';
import { createCapacityLoaders } from './capacity.loader';
import { CommunityCapacityResolver } from './capacity.resolver';
import { CommunityCapacity } from './community-capacity.entity';

/** A community office's space, staff and residents' self-government. */
export const capacityModule = defineModule({
  name: 'capacity',
  entities: [CommunityCapacity],
  resolvers: [CommunityCapacityResolver],
  loaders: createCapacityLoaders,
});
