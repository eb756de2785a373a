import type { SubgraphTesting } from '@shequ/kit/testing';
import { publicSafetyPolicy } from '../access-policy';
import { publicSafetySubgraph } from '../subgraph';
import { publicSafetyMatrixCases } from './access-matrix';
import { insertPublicSafetyFixture } from './fixture';
import { publicSafetyInputs } from './hostile-inputs';
import { seedPublicSafety } from './seed';

/** Public safety in the platform's tests and seed: its subgraph, fixture, access rules, matrix cases, hostile inputs and seeder. */
export const subgraphTesting: SubgraphTesting = {
  subgraph: () => publicSafetySubgraph,
  fixture: (dataSource) => insertPublicSafetyFixture(dataSource),
  policy: publicSafetyPolicy,
  matrixCases: publicSafetyMatrixCases,
  hostileInputs: publicSafetyInputs,
  seed: seedPublicSafety,
};
