export { insertGovernanceFixture } from './fixture';
export { governanceMatrixCases } from './access-matrix';
export { subgraphTesting } from './subgraph-testing';
