export { statisticsMatrixCases } from './access-matrix';
export { subgraphTesting } from './subgraph-testing';
