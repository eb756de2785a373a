import type { SubgraphTesting } from '@shequ/kit/testing';
import { governancePolicy } from '../access-policy';
import { governanceSubgraph } from '../subgraph';
import { governanceMatrixCases } from './access-matrix';
import { insertGovernanceFixture } from './fixture';
import { governanceInputs } from './hostile-inputs';

/** Governance in the platform's tests: its subgraph, fixture, access rules, matrix cases and hostile inputs. */
export const subgraphTesting: SubgraphTesting = {
  subgraph: () => governanceSubgraph,
  ownsCommunities: true,
  fixture: (dataSource, { extraCommunities }) => insertGovernanceFixture(dataSource, extraCommunities),
  policy: governancePolicy,
  matrixCases: governanceMatrixCases,
  hostileInputs: governanceInputs,
};
