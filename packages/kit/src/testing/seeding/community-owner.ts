import { SUBGRAPHS } from '@shequ/schema';
import { subgraphTestingOf, type SubgraphTesting } from '../subgraph-testing';
import type { CommunitySeeder } from './seed-context';

/**
 * The subgraph of the list that owns Region and Community, with how it seeds
 * them. A department's seeder tests take their communities from here, so they
 * seed what `pnpm seed` seeds without importing another service.
 */
export function communityOwner(): SubgraphTesting & { seedCommunities: CommunitySeeder } {
  for (const entry of SUBGRAPHS) {
    const testing = subgraphTestingOf(entry);
    if (testing.ownsCommunities) {
      const { seedCommunities } = testing;
      if (!seedCommunities) {
        throw new Error(`@shequ/${entry.name}/testing owns the communities but offers no seedCommunities`);
      }
      return { ...testing, seedCommunities };
    }
  }
  throw new Error('no subgraph in @shequ/schema owns the communities');
}
