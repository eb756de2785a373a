export { graphqlRequest, type GraphqlResponse, type GraphqlRequestOptions } from './graphql-client';
export { startTestSubgraph, testToken, TEST_JWT_SECRET, TEST_SIGNING_KEY, type TestSubgraph } from './test-subgraph';
export {
  matrixViewers,
  matrixViewerSub,
  expectedOutcome,
  actualOutcome,
  withUnknownId,
  UNKNOWN_RECORD_ID,
  rootFieldsOf,
  mutationFieldsOf,
  type InputRule,
  type MatrixCase,
  type MatrixOutcome,
  type MatrixViewer,
  type ProtectedRead,
} from './access-matrix';
export { blockValues, figureBlock, figurePage, figureMonths, wholeFeed, valuesByCommunity, type FeedPage } from './figure-feed-client';
export { subgraphTestingOf, type SubgraphTesting } from './subgraph-testing';
export { admin as corpusAdmin, analyst as corpusAnalyst, otherJurisdiction as corpusStaffElsewhere, staff as corpusStaff } from './hostile/callers';
export { INPUT_REFUSALS, TOKEN_REFUSALS, json, operationsAs, query, vary, type HostileRequest, type Operation } from './hostile/hostile-request';
export * from './hostile/hostile-values';
export { SCALES, isScaleName, type Scale, type ScaleName } from './seeding/scales';
export { Random, apportion } from './seeding/random';
export { bulkInsert, COMMUNITIES_PER_CHUNK, type ColumnSpec } from './seeding/bulk-insert';
export { migrateSubgraphs } from './seeding/migrate-subgraphs';
export { communityOwner } from './seeding/community-owner';
export { seedDepartmentAfresh } from './seeding/seed-afresh';
export type { CommunityRow, CommunitySeedContext, CommunitySeeder, DepartmentSeeder, SeedContext, Tier } from './seeding/seed-context';
export { metricValue, parsePrometheusText, type PrometheusSample } from '../observability/prometheus-text';
