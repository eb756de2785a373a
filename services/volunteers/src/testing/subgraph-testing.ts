import type { SubgraphTesting } from '@shequ/kit/testing';
import { volunteersPolicy } from '../access-policy';
import { volunteersSubgraph } from '../subgraph';
import { volunteersMatrixCases } from './access-matrix';
import { insertVolunteersFixture } from './fixture';

/** Volunteer and NGO cultivation in the platform's tests: its subgraph, fixture, access rules and matrix cases. */
export const subgraphTesting: SubgraphTesting = {
  subgraph: () => volunteersSubgraph,
  fixture: (dataSource) => insertVolunteersFixture(dataSource),
  policy: volunteersPolicy,
  matrixCases: volunteersMatrixCases,
};
