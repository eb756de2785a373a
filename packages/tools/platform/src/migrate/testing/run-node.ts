import { spawn } from 'node:child_process';

export interface NodeRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node script …args` with exactly `env` (and PATH) and collects what it printed: what a job or an operator sees. */
export function runNode(script: string, args: readonly string[], env: Record<string, string>): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    // Nothing of the test's own environment leaks in (no DATABASE_URL of the machine's).
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
