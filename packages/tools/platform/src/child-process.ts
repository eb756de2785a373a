import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `node script [...args]` with extra environment; its output lines are printed with the process's name. */
export function startNodeProcess(name: string, script: string, env: Record<string, string>, args: string[] = [], quiet = false, nodeFlags: string[] = []): ManagedProcess {
  // Children inherit the launcher's environment, with their own settings on top.
  // eslint-disable-next-line no-process-env
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (!quiet) {
        process.stdout.write(`${name.padEnd(12)}| ${line}\n`);
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/** Polls `url` until it answers 200; fails when the process exits first or the deadline passes. */
export async function waitUntilReady(managed: ManagedProcess, url: string, timeoutMs = 60_000): Promise<void> {
  let exitCode: number | null | undefined;
  void managed.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${managed.name} exited with code ${exitCode} before it was ready`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${managed.name} was not ready at ${url} within ${timeoutMs / 1000} s`);
}

/** Asks the process to stop (SIGTERM: it finishes in-flight requests) and waits for it. */
export async function stopProcess(managed: ManagedProcess): Promise<void> {
  if (managed.child.exitCode === null && managed.child.signalCode === null) {
    managed.child.kill('SIGTERM');
  }
  await managed.exited;
}
