import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDevOnly } from './production-closure';

/** Folders a copy of the workspace leaves out: what install and the build recreate, and the local database. */
const NOT_COPIED = new Set(['node_modules', '.git', '.turbo', '.data', 'coverage']);

/**
 * Copies the built workspace to `into` and installs it there. `pnpm deploy
 * --legacy` rewrites the workspace state it runs in (pnpm 10.34 narrowed the
 * checkout's node_modules state to the deployed project, and a concurrent
 * install then wrote injected workspace packages into pnpm-lock.yaml), so it
 * never runs in the checkout itself: the image build runs it in its own
 * stage, this check in a copy.
 */
export function copyWorkspace(repositoryRoot: string, into: string, pnpm: string[]): void {
  cpSync(repositoryRoot, into, { recursive: true, filter: (source) => !NOT_COPIED.has(basename(source)) });
  run(pnpm, ['install', '--frozen-lockfile', '--prefer-offline'], into);
}

function run(command: string[], args: string[], cwd: string): void {
  const result = spawnSync(command[0], [...command.slice(1), ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${[...command, ...args].join(' ')} failed in ${cwd} (exit ${result.status}):\n${(result.stderr || result.stdout).slice(-2000)}`);
  }
}

/** What the Dockerfile's deploy stage runs: the package, its workspace dependencies' built files and its production dependencies. */
export function deployPackage(workspace: string, packageName: string, out: string, pnpm: string[]): void {
  run(pnpm, ['--filter', packageName, '--prod', 'deploy', '--legacy', out], workspace);
}

/** The package names in a deployed folder's virtual store (`node_modules/.pnpm/<name>@<version>…`, `/` written `+`). */
export function installedPackages(out: string): string[] {
  const store = join(out, 'node_modules', '.pnpm');
  if (!existsSync(store)) {
    return [];
  }
  return readdirSync(store)
    .map((entry) => /^(@[^+]+\+[^@]+|[^@]+)@/.exec(entry)?.[1]?.replace('+', '/'))
    .filter((name): name is string => Boolean(name));
}

export function devOnlyPackagesIn(out: string): string[] {
  return [...new Set(installedPackages(out).filter(isDevOnly))].sort();
}

/** `du -sh` of a folder (hard-linked files counted once, as in an image layer). */
export function diskUsage(folder: string): string {
  const result = spawnSync('du', ['-sh', folder], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\t')[0] : 'unknown';
}

export interface StartOutcome {
  /** Whether the process got as far as the check wanted. */
  ok: boolean;
  detail: string;
}

/**
 * Starts `node dist/main.js` in the deployed folder with `env` and waits
 * until it exits or `url` answers 2xx (then stops it). Without a url, the
 * process is expected to exit 1 naming an invalid variable: every module it
 * imports at the top was found in the folder, and its environment was read.
 */
export function startDeployed(out: string, env: NodeJS.ProcessEnv, url: string | null, timeoutMs = 120_000): Promise<StartOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: out, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let settled = false;
    const finish = (outcome: StartOutcome) => {
      if (!settled) {
        settled = true;
        clearInterval(poll);
        clearTimeout(deadline);
        child.kill('SIGTERM');
        resolve(outcome);
      }
    };
    const deadline = setTimeout(() => finish({ ok: false, detail: `no answer within ${timeoutMs / 1000} s:\n${output.slice(-1500)}` }), timeoutMs);
    const poll = setInterval(() => {
      if (url) {
        void fetch(url).then(
          (response) => response.ok && finish({ ok: true, detail: `${url} answered ${response.status}` }),
          () => undefined,
        );
      }
    }, 500);
    child.on('exit', (code) => {
      const invalidEnvironment = /Invalid environment/.test(output);
      finish(
        url
          ? { ok: false, detail: `exited ${code} before ${url} answered:\n${output.slice(-1500)}` }
          : { ok: code === 1 && invalidEnvironment, detail: invalidEnvironment ? `validated its environment and stopped: ${output.trim().split('\n').slice(0, 2).join(' ')}` : `exited ${code}:\n${output.slice(-1500)}` },
      );
    });
  });
}

export function ensureEmptyFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
  if (readdirSync(folder).length > 0) {
    throw new Error(`${folder} is not empty`);
  }
}
