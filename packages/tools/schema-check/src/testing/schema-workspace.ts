import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT, SUBGRAPHS, type SubgraphEntry } from '@shequ/schema';
import { subgraphFiles, type SubgraphFiles } from '../subgraph-files';

/**
 * A throwaway repository root holding copies of every subgraph's committed
 * schema files, released and working alike, so tests change schemas, write
 * acknowledgements and release without touching the checkout.
 */
export interface SchemaWorkspace {
  root: string;
  files(name: string): SubgraphFiles;
  /** Rewrites a subgraph's working schema; fails when `find` is not in it, so a test never silently changes nothing. */
  editWorking(name: string, find: string | RegExp, replacement: string): void;
  acknowledge(name: string, acknowledgements: unknown): void;
  read(path: string): string;
  remove(): void;
}

export function createSchemaWorkspace(entries: readonly SubgraphEntry[] = SUBGRAPHS): SchemaWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'shequ-schema-check-'));
  for (const entry of entries) {
    const committed = subgraphFiles(REPOSITORY_ROOT, entry);
    const copy = subgraphFiles(root, entry);
    mkdirSync(join(root, entry.directory), { recursive: true });
    // The committed working schema is both: tests start from a subgraph with nothing unreleased.
    copyFileSync(committed.working, copy.working);
    copyFileSync(committed.working, copy.released);
    writeFileSync(copy.acknowledgements, '[]\n');
  }
  const files = (name: string) => {
    const entry = entries.find((candidate) => candidate.name === name);
    if (!entry) {
      throw new Error(`no subgraph ${name} in the workspace`);
    }
    return subgraphFiles(root, entry);
  };
  return {
    root,
    files,
    editWorking(name, find, replacement) {
      const path = files(name).working;
      const before = readFileSync(path, 'utf8');
      const after = before.replace(find, replacement);
      if (after === before) {
        throw new Error(`${String(find)} is not in ${name}'s working schema`);
      }
      writeFileSync(path, after);
    },
    acknowledge(name, acknowledgements) {
      writeFileSync(files(name).acknowledgements, typeof acknowledgements === 'string' ? acknowledgements : `${JSON.stringify(acknowledgements, null, 2)}\n`);
    },
    read(path) {
      return existsSync(path) ? readFileSync(path, 'utf8') : '';
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
