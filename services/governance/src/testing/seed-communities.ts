import { bulkInsert, type CommunityRow, type CommunitySeeder } from '@shequ/kit/testing';
import { generateRegions, type RegionRow } from './regions';

/** Writes regions and communities into governance's own tables; returns what the departments' seeders key on. */
export const seedCommunities: CommunitySeeder = async (client, context) => {
  const { regions, communities } = generateRegions(context.scale, context.seed);
  await bulkInsert<RegionRow>(client, 'governance.region', [
    { name: 'code', type: 'text[]', value: (r) => r.code },
    { name: 'name', type: 'text[]', value: (r) => r.name },
    { name: 'level', type: 'text[]', value: (r) => r.level },
    { name: 'parent_code', type: 'text[]', value: (r) => r.parentCode },
    { name: 'population', type: 'integer[]', value: (r) => r.population },
    { name: 'households', type: 'integer[]', value: (r) => r.households },
    { name: 'synthetic', type: 'boolean[]', value: (r) => r.synthetic },
  ], regions);
  await bulkInsert<CommunityRow>(client, 'governance.community', [
    { name: 'code', type: 'text[]', value: (c) => c.code },
    { name: 'name', type: 'text[]', value: (c) => c.name },
    { name: 'street_code', type: 'text[]', value: (c) => c.streetCode },
    { name: 'population', type: 'integer[]', value: (c) => c.population },
    { name: 'households', type: 'integer[]', value: (c) => c.households },
    { name: 'tier', type: 'text[]', value: (c) => c.tier },
    { name: 'synthetic', type: 'boolean[]', value: (c) => c.synthetic },
  ], communities);
  return communities;
};
