import { defineModule } from '@shequ/kit';
import { DemonstrationUnit } from './demonstration-unit.entity';
import { createDemonstrationLoaders } from './demonstration-unit.loader';
import { CommunityDemonstrationResolver, DemonstrationUnitResolver } from './demonstration-unit.resolver';

/** Communities and streets designated as demonstration units. */
export const demonstrationModule = defineModule({
  name: 'demonstration',
  entities: [DemonstrationUnit],
  resolvers: [DemonstrationUnitResolver, CommunityDemonstrationResolver],
  loaders: createDemonstrationLoaders,
});
