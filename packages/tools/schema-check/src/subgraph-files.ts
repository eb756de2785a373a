import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphEntry } from '@shequ/schema';

/**
 * Where a subgraph's schema files live. Everything a department releases sits
 * in its own service folder, next to the schema it works on, so the folder
 * (and whoever owns it) holds the whole history of its contract.
 */
export interface SubgraphFiles {
  /** The schema as the code emits it today (`pnpm compose`). */
  working: string;
  /** The schema as last released (`pnpm release <name>`). */
  released: string;
  /** Breaking changes the department accepts for its next release, each with a reason. */
  acknowledgements: string;
  /** What each release changed. */
  changelog: string;
}

export const WORKING_SCHEMA_FILE = 'schema.graphql';
export const RELEASED_SCHEMA_FILE = 'schema.released.graphql';
export const ACKNOWLEDGEMENTS_FILE = 'schema-changes.acknowledged.json';
export const CHANGELOG_FILE = 'CHANGELOG.md';

/** The files of `entry` under the repository root `root` (the real checkout, or a test's copy). */
export function subgraphFiles(root: string, entry: SubgraphEntry): SubgraphFiles {
  const folder = join(root, entry.directory);
  return {
    working: join(folder, WORKING_SCHEMA_FILE),
    released: join(folder, RELEASED_SCHEMA_FILE),
    acknowledgements: join(folder, ACKNOWLEDGEMENTS_FILE),
    changelog: join(folder, CHANGELOG_FILE),
  };
}

/** A file's text, or null when there is no such file. */
export function readOptional(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** A path as the repository names it (`services/volunteers/schema.graphql`), for messages. */
export function repositoryPath(root: string, path: string): string {
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}
