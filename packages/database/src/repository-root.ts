import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout's root: the nearest folder above `from` that holds pnpm-workspace.yaml. */
export function findRepositoryRoot(from: string = __dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'pnpm-workspace.yaml'))) {
    const parent = dirname(folder);
    if (parent === folder) {
      throw new Error(`no pnpm-workspace.yaml above ${from}`);
    }
    folder = parent;
  }
  return folder;
}
