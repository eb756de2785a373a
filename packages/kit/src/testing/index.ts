export { graphqlRequest, type GraphqlResponse, type GraphqlRequestOptions } from './graphql-client';
export { startTestSubgraph, testToken, TEST_JWT_SECRET, type TestSubgraph } from './test-subgraph';
export { matrixViewers, expectedOutcome, actualOutcome, type MatrixCase, type MatrixViewer } from './access-matrix';
