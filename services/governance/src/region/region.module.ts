import { defineModule } from '@shequ/kit';
import type { GovernanceContext } from '../context';
import { Region } from './region.entity';
import { createRegionLoaders } from './region.loader';
// Before the division codes, so that schema.graphql keeps region and regions first.
import { RegionResolver } from './region.resolver';
import { DivisionCodesResolver } from './division-codes.resolver';

/** The province's divisions, the key every other subgraph extends, and the code registry the gateway checks codes against. */
export const regionModule = defineModule({
  name: 'region',
  entities: [Region],
  resolvers: [RegionResolver, DivisionCodesResolver],
  references: {
    // The representation may carry figures other subgraphs resolved for a @requires; keep them beside the row.
    Region: async (reference: { code: string }, context: GovernanceContext) => {
      const region = await context.loaders.region.regionByCode.load(reference.code);
      return region && { ...region, ...reference };
    },
  },
  loaders: createRegionLoaders,
});
