export * from './subgraphs';
export { API_SCHEMA_PATH, apiSchemaOf, composeSupergraph, readCommittedSupergraph, subgraphSchemaPath, SUPERGRAPH_PATH, REPOSITORY_ROOT, CompositionError } from './compose';
