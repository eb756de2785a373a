export * from './subgraphs';
export { composeSupergraph, readCommittedSupergraph, subgraphSchemaPath, SUPERGRAPH_PATH, REPOSITORY_ROOT, CompositionError } from './compose';
