import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function git(cwd: string, args: string[]): string {
  // Errors carry git's own message; a success's hints are noise.
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

function nulSeparated(output: string): string[] {
  return output.split('\0').filter((entry) => entry.length > 0);
}

/**
 * The files of the working tree as a clone would have them plus the new
 * ones not yet added: tracked and untracked, less what .gitignore leaves out
 * (node_modules, dist, .data, .turbo…).
 */
export function repositoryFiles(root: string): string[] {
  return [...new Set(nulSeparated(git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])))];
}

/**
 * Copies `files` from `root` into `target`, as they are in the working tree
 * now. A tracked file deleted from the working tree (and not yet from the
 * index) is left out, as a clone after that deletion would; it is returned.
 */
export function copyFiles(root: string, files: string[], target: string): { copied: string[]; absent: string[] } {
  const copied: string[] = [];
  const absent: string[] = [];
  for (const file of files) {
    const from = join(root, file);
    const to = join(target, file);
    let stats;
    try {
      stats = lstatSync(from);
    } catch {
      absent.push(file);
      continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    if (stats.isSymbolicLink()) {
      symlinkSync(readlinkSync(from), to);
    } else if (stats.isFile()) {
      copyFileSync(from, to);
    } else {
      // A submodule's folder: its contents are another repository's.
      absent.push(file);
      continue;
    }
    copied.push(file);
  }
  return { copied, absent };
}

/**
 * Makes the copy a repository whose index holds the copied files, so that
 * `git diff` and `git status` in it show what the steps after this changed.
 */
export function recordBaseline(copy: string, files: string[], scratch: string): void {
  git(copy, ['init', '--quiet']);
  const list = join(scratch, 'baseline-files');
  writeFileSync(list, files.join('\0'));
  // -f: a file may be tracked although a .gitignore pattern matches it; it is part of the baseline all the same.
  git(copy, ['add', '-f', '--pathspec-from-file', list, '--pathspec-file-nul']);
}

export interface Change {
  status: 'added' | 'modified' | 'deleted';
  path: string;
}

/** What changed in the copy since its baseline: edited or removed baseline files, and new files .gitignore does not leave out. */
export function changesSinceBaseline(copy: string): Change[] {
  const changed = nulSeparated(git(copy, ['diff', '--name-status', '-z', '--no-renames']));
  const changes: Change[] = [];
  for (let index = 0; index + 1 < changed.length; index += 2) {
    changes.push({ status: changed[index] === 'D' ? 'deleted' : 'modified', path: changed[index + 1] });
  }
  for (const path of nulSeparated(git(copy, ['ls-files', '-z', '--others', '--exclude-standard']))) {
    changes.push({ status: 'added', path });
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

/** Lines added and removed in one file since the baseline. */
export function lineCounts(copy: string, path: string): { added: number; removed: number } {
  const [added = '0', removed = '0'] = git(copy, ['diff', '--numstat', '--', path]).split('\t');
  return { added: Number(added), removed: Number(removed) };
}
