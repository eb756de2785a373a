export { insertPublicSafetyFixture } from './fixture';
export { publicSafetyMatrixCases } from './access-matrix';
export { subgraphTesting } from './subgraph-testing';
