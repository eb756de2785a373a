export { insertServiceDeliveryFixture, FIXTURE_REQUEST_IDS } from './fixture';
export { serviceDeliveryMatrixCases } from './access-matrix';
export { subgraphTesting } from './subgraph-testing';
