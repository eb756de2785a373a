import type { SubgraphTesting } from '@shequ/kit/testing';
import { volunteersPolicy } from '../access-policy';
import { volunteersSubgraph } from '../subgraph';
import { volunteersMatrixCases } from './access-matrix';
import { insertVolunteersFixture } from './fixture';
import { volunteersInputs } from './hostile-inputs';
import { volunteersPartyAbuse } from './hostile-parties';
import { seedVolunteers } from './seed';

/** Volunteer and NGO cultivation in the platform's tests and seed: its subgraph, fixture, access rules, matrix cases, hostile inputs and seeder. */
export const subgraphTesting: SubgraphTesting = {
  subgraph: () => volunteersSubgraph,
  fixture: (dataSource) => insertVolunteersFixture(dataSource),
  policy: volunteersPolicy,
  matrixCases: volunteersMatrixCases,
  hostileInputs: () => [...volunteersInputs(), ...volunteersPartyAbuse()],
  seed: seedVolunteers,
};
