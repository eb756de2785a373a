import type { SubgraphTesting } from '@shequ/kit/testing';
import { serviceDeliveryPolicy } from '../access-policy';
import { serviceDeliverySubgraph } from '../subgraph';
import { serviceDeliveryMatrixCases } from './access-matrix';
import { insertServiceDeliveryFixture } from './fixture';
import { serviceDeliveryInputs } from './hostile-inputs';
import { seedServiceDelivery } from './seed';

/** Service delivery in the platform's tests and seed: its subgraph, fixture, access rules, matrix cases, hostile inputs and seeder. */
export const subgraphTesting: SubgraphTesting = {
  subgraph: () => serviceDeliverySubgraph,
  fixture: (dataSource) => insertServiceDeliveryFixture(dataSource),
  policy: serviceDeliveryPolicy,
  matrixCases: serviceDeliveryMatrixCases,
  hostileInputs: serviceDeliveryInputs,
  seed: seedServiceDelivery,
};
