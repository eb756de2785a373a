export { subgraphNames, assertSubgraphName, MAX_NAME_LENGTH, type SubgraphNames } from './subgraph-names';
export { readSubgraphList, nextFreePort, withSubgraphEntry, SUBGRAPH_LIST_PATH, type SubgraphList, type ListedSubgraph } from './subgraph-list';
export { renderTemplate, renderSubgraph, placeholdersOf, TEMPLATE_FOLDER, TEMPLATE_SUFFIX, type Placeholders, type GeneratedFile } from './template';
export { planSubgraph, writeSubgraph, type ScaffoldRequest, type SubgraphPlan } from './scaffold';
export { runNewSubgraph, USAGE } from './new-subgraph';
export { ScaffoldError, type ScaffoldErrorCode } from './scaffold-error';

/** The command line, from the package's folder: what a check runs in a copy of the repository. */
export const NEW_SUBGRAPH_CLI = 'dist/new-subgraph.cli.js';
