export { graphqlRequest, type GraphqlResponse, type GraphqlRequestOptions } from './graphql-client';
export { startTestSubgraph, testToken, TEST_JWT_SECRET, type TestSubgraph } from './test-subgraph';
export {
  matrixViewers,
  matrixViewerSub,
  expectedOutcome,
  actualOutcome,
  rootFieldsOf,
  mutationFieldsOf,
  type InputRule,
  type MatrixCase,
  type MatrixOutcome,
  type MatrixViewer,
  type ProtectedRead,
} from './access-matrix';
