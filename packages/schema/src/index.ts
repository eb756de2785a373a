export * from './subgraphs';
export { API_SCHEMA_PATH, apiSchemaOf, composeSubgraphSchemas, composeSupergraph, readCommittedSupergraph, subgraphSchemaPath, SUPERGRAPH_PATH, REPOSITORY_ROOT, CompositionError, type SubgraphSchemaSource } from './compose';
