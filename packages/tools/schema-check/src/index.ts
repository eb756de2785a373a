export { checkSubgraphs, failuresOf, assertKnownSubgraph, type CheckOptions, type CheckReport, type SubgraphCheck, type SubgraphState, type BreakingChange, type CompositionOutcome } from './check';
export { formatCheckReport } from './check-report';
export { releaseSubgraphs, ReleaseRefused, type ReleaseOptions, type ReleaseResult } from './release';
export { runCheckCommand, runReleaseCommand, type CommandContext } from './commands';
export { schemaChangesBetween, type SchemaChange, type SchemaChanges } from './schema-changes';
export { buildSubgraph, type SubgraphSchema } from './subgraph-schema';
export { readAcknowledgements, type Acknowledgement } from './acknowledgements';
export { subgraphFiles, ACKNOWLEDGEMENTS_FILE, CHANGELOG_FILE, RELEASED_SCHEMA_FILE, WORKING_SCHEMA_FILE, type SubgraphFiles } from './subgraph-files';
export { SchemaCheckError, type SchemaCheckErrorCode } from './schema-check-error';
