import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ScaffoldError } from './scaffold-error';
import { SUBGRAPH_LIST_PATH } from './subgraph-list';

/** The composed graph, from the repository root: names the new subgraph adds must not be there yet. */
const SUPERGRAPH_PATH = 'packages/schema/supergraph.graphql';

/** The Shequ repository holding `from`: the nearest folder up with a pnpm workspace and the subgraph list. */
export function repositoryRootOf(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'pnpm-workspace.yaml')) && existsSync(join(folder, SUBGRAPH_LIST_PATH))) {
      return folder;
    }
    if (dirname(folder) === folder) {
      throw new ScaffoldError('NOT_A_REPOSITORY', `${from} is not inside a Shequ repository (no pnpm-workspace.yaml beside ${SUBGRAPH_LIST_PATH} in it or above it)`);
    }
  }
}

/** The package folders pnpm-workspace.yaml lists (`gateway`, `services/*`…), each as its folders from the root. */
function workspaceFolders(root: string): string[] {
  const lines = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').split('\n');
  const globs: string[] = [];
  for (const line of lines.slice(lines.indexOf('packages:') + 1)) {
    const entry = /^\s+-\s+["']?([^"'\s]+)["']?\s*$/.exec(line);
    if (!entry) {
      break;
    }
    globs.push(entry[1]);
  }
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) {
      return [glob];
    }
    const parent = glob.slice(0, -2);
    return existsSync(join(root, parent))
      ? readdirSync(join(root, parent), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${parent}/${entry.name}`)
      : [];
  });
}

/** Where the workspace already has a package called `packageName`, if it does. */
export function workspacePackageNamed(root: string, packageName: string): string | null {
  for (const folder of workspaceFolders(root)) {
    const manifest = join(root, folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === packageName) {
      return folder;
    }
  }
  return null;
}

/** Which of `typeNames` and `fieldNames` the committed supergraph already defines (none when there is no supergraph yet). */
export function namesInSupergraph(root: string, typeNames: string[], fieldNames: string[]): string[] {
  const path = join(root, SUPERGRAPH_PATH);
  if (!existsSync(path)) {
    return [];
  }
  const supergraph = readFileSync(path, 'utf8');
  return [
    ...typeNames.filter((name) => new RegExp(`^(type|input|enum|interface|union|scalar) ${name}\\b`, 'm').test(supergraph)).map((name) => `type ${name}`),
    ...fieldNames.filter((name) => new RegExp(`^ {2}${name}[(:]`, 'm').test(supergraph)).map((name) => `field ${name}`),
  ];
}
