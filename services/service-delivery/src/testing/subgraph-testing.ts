import type { SubgraphTesting } from '@shequ/kit/testing';
import { serviceDeliveryPolicy } from '../access-policy';
import { serviceDeliverySubgraph } from '../subgraph';
import { serviceDeliveryMatrixCases } from './access-matrix';
import { insertServiceDeliveryFixture } from './fixture';
import { serviceDeliveryInputs } from './hostile-inputs';

/** Service delivery in the platform's tests: its subgraph, fixture, access rules, matrix cases and hostile inputs. */
export const subgraphTesting: SubgraphTesting = {
  subgraph: () => serviceDeliverySubgraph,
  fixture: (dataSource) => insertServiceDeliveryFixture(dataSource),
  policy: serviceDeliveryPolicy,
  matrixCases: serviceDeliveryMatrixCases,
  hostileInputs: serviceDeliveryInputs,
};
