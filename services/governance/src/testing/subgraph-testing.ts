import type { SubgraphTesting } from '@shequ/kit/testing';
import { governancePolicy } from '../access-policy';
import { governanceSubgraph } from '../subgraph';
import { governanceMatrixCases } from './access-matrix';
import { insertGovernanceFixture } from './fixture';
import { governanceInputs } from './hostile-inputs';
import { seedCommunities } from './seed-communities';
import { seedGovernancePlanning } from './seed-planning';

/** Governance in the platform's tests and seed: its subgraph, fixture, access rules, matrix cases, hostile inputs and seeders. */
export const subgraphTesting: SubgraphTesting = {
  subgraph: () => governanceSubgraph,
  ownsCommunities: true,
  fixture: (dataSource, { extraCommunities }) => insertGovernanceFixture(dataSource, extraCommunities),
  policy: governancePolicy,
  matrixCases: governanceMatrixCases,
  hostileInputs: governanceInputs,
  seedCommunities,
  seed: seedGovernancePlanning,
};
