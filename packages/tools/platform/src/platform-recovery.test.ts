import { join } from 'node:path';
import { freePort } from '@shequ/database';
import { REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { startNodeProcess, waitUntilReady, type ManagedProcess } from './child-process';
import { Supervisor } from './supervisor';
import { isRunning, startDatabaseHost, waitFor, type DatabaseHost } from './testing/database-host';

async function readyStatus(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/ready`)).status;
  } catch {
    return 0;
  }
}

/**
 * The launcher's recovery with real parts: two real subgraphs under the
 * supervisor, on a throwaway embedded PostgreSQL watched by the database
 * supervisor (in a plain Node process: see testing/database-host.ts).
 */
describe('the launcher keeps the platform up', () => {
  const supervisorLines: string[] = [];
  const supervisor = new Supervisor({ log: (line) => supervisorLines.push(line), backoff: { initialMs: 200, maxMs: 2000, resetAfterMs: 60_000 } });
  const subgraphs = SUBGRAPHS.filter((entry) => entry.name === 'governance' || entry.name === 'volunteers');
  const ports = new Map<string, number>();
  let database: DatabaseHost | undefined;

  beforeAll(async () => {
    database = await startDatabaseHost('recovery');
    const { url } = database;
    for (const entry of subgraphs) {
      const port = await freePort();
      ports.set(entry.name, port);
      // One after the other: both migrate into the same fresh database.
      await supervisor.add({
        name: entry.name,
        start: () => startNodeProcess(entry.name, join(REPOSITORY_ROOT, entry.directory, 'dist', 'main.js'), { NODE_ENV: 'development', DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn' }, [], true),
        waitUntilReady: (managed) => waitUntilReady(managed, `http://127.0.0.1:${port}/ready`, 150_000),
      });
    }
  });

  afterAll(async () => {
    await supervisor.stop();
    await database?.stop();
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

    const { pid, lines: hostLines } = database as DatabaseHost;
    process.kill(pid, 'SIGKILL');
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
