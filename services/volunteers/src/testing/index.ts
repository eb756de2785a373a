export { insertVolunteersFixture, VOLUNTEERS_FIXTURE } from './fixture';
export { volunteersMatrixCases } from './access-matrix';
export { subgraphTesting } from './subgraph-testing';
