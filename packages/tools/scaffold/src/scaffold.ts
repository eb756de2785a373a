import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { namesInSupergraph, workspacePackageNamed } from './repository';
import { ScaffoldError } from './scaffold-error';
import { assertNotListed, readPort, readSubgraphList, SUBGRAPH_LIST_PATH, subgraphEntry, withSubgraphEntry } from './subgraph-list';
import { subgraphNames, type SubgraphNames } from './subgraph-names';
import { placeholdersOf, renderSubgraph, TEMPLATE_FOLDER, type GeneratedFile } from './template';

export interface ScaffoldRequest {
  /** The repository to write into. */
  root: string;
  name: string;
  /** `--port` as given; checked here. */
  port: string | undefined;
  /** Orders the subgraph's first migration: the time of scaffolding, as TypeORM names migrations. */
  now?: number;
  templateFolder?: string;
}

/** Everything the scaffold would write, decided before a byte is written. */
export interface SubgraphPlan {
  root: string;
  names: SubgraphNames;
  port: number;
  /** Under `names.directory`. */
  files: GeneratedFile[];
  /** The entry added to the subgraph list, as it reads there. */
  entry: string;
  /** The subgraph list with the entry. */
  listSource: string;
}

/**
 * Checks the request against the repository and renders the subgraph: a
 * bad name or port, or a name, variable, package, folder or port already
 * taken, is refused here with a `ScaffoldError`, so nothing has been written.
 */
export function planSubgraph(request: ScaffoldRequest): SubgraphPlan {
  const names = subgraphNames(request.name);
  const listPath = join(request.root, SUBGRAPH_LIST_PATH);
  if (!existsSync(listPath)) {
    throw new ScaffoldError('NOT_A_REPOSITORY', `${request.root} has no subgraph list (${SUBGRAPH_LIST_PATH})`);
  }
  const source = readFileSync(listPath, 'utf8');
  const list = readSubgraphList(source);
  const port = readPort(request.port, list);
  assertNotListed(list, names, port);
  if (existsSync(join(request.root, names.directory))) {
    throw new ScaffoldError('NAME_TAKEN', `${names.directory} already exists`);
  }
  const holder = workspacePackageNamed(request.root, names.packageName);
  if (holder) {
    throw new ScaffoldError('NAME_TAKEN', `the workspace already has a package ${names.packageName} (${holder})`);
  }
  const defined = namesInSupergraph(request.root, [names.Entity], [names.mutation, names.communityField, names.auditLogField]);
  if (defined.length > 0) {
    throw new ScaffoldError('NAME_TAKEN', `the supergraph already has ${defined.join(', ')}, which ${names.name} would define: choose another name`);
  }
  const files = renderSubgraph(placeholdersOf(names, request.now ?? Date.now()), request.templateFolder ?? TEMPLATE_FOLDER);
  return { root: request.root, names, port, files, entry: subgraphEntry(names, port), listSource: withSubgraphEntry(source, names, port) };
}

/** Writes the planned subgraph's files, then its entry in the list. */
export function writeSubgraph(plan: SubgraphPlan): void {
  for (const file of plan.files) {
    const path = join(plan.root, plan.names.directory, file.path);
    mkdirSync(dirname(path), { recursive: true });
    // "wx": never over a file that appeared since the plan was made.
    writeFileSync(path, file.content, { flag: 'wx' });
  }
  writeFileSync(join(plan.root, SUBGRAPH_LIST_PATH), plan.listSource);
}
