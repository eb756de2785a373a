import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, postmasterPid, startEmbeddedServer, type EmbeddedServer } from '@shequ/database';
import { DatabaseSupervisor, startNodeProcess, Supervisor, waitUntilReady, type ManagedProcess } from '@shequ/platform';
import { REPOSITORY_ROOT, SUBGRAPHS } from '@shequ/schema';
import { seedDatabase } from '@shequ/seed';
import { DelayProxy } from './delay-proxy';

/** The subgraph whose answers the drill can make late (through a DelayProxy); the others are reached directly. */
export const SLOW_SUBGRAPH = 'volunteers';

/** The drill's own secrets: tokens it signs are accepted by its processes only, whatever the shell exports. */
export const DRILL_JWT_SECRET = 'shequ-drill-jwt-secret-0123456789abcdef';
const DRILL_SIGNING_KEY = 'shequ-drill-signing-key-0123456789abcdef';

export interface DrillPlatform {
  gatewayUrl: string;
  databaseUrl: string;
  supervisor: Supervisor;
  databaseSupervisor: DatabaseSupervisor;
  /** Subgraph names, in the list's order. */
  subgraphs: string[];
  slowProxy: DelayProxy;
  /**
   * Starts a second replica of each subgraph named (its process named
   * `<subgraph>#2`). The gateway knows both replicas' URLs from the start;
   * until a second one runs, each request sent to it is refused and goes to
   * the first.
   */
  startSecondReplicas(subgraphs: string[]): Promise<string[]>;
  /** The embedded PostgreSQL's postmaster now (it changes with each restart). */
  postmasterPid(): number | null;
  /** A subgraph's own /ready status, or the gateway's /health (0 when it does not answer). */
  readyStatus(name: string): Promise<number>;
  stop(): Promise<void>;
}

interface StartOptions {
  subgraphTimeoutMs: number;
  /** Every process's output goes here, not to the drill's console. */
  logFile: string;
  log(line: string): void;
}

/**
 * The platform as `pnpm start` runs it, on this machine only and colliding
 * with nothing: its own embedded PostgreSQL (a throwaway cluster on a free
 * port, under the database supervisor), demo data, every subgraph and the
 * gateway as separate processes on free ports under the launcher's
 * Supervisor, which restarts any that dies. Differences, each for the
 * drill's sake: its own JWT secret and signing key; the statistics store's
 * scheduled refresh off (it would read every department at random moments);
 * a subgraph deadline of the drill's choosing; and the gateway reaches
 * SLOW_SUBGRAPH through a DelayProxy.
 */
export async function startDrillPlatform(options: StartOptions): Promise<DrillPlatform> {
  const { log } = options;
  const output = createWriteStream(options.logFile, { flags: 'a' });
  // Not inside a 0700 temporary folder: PostgreSQL runs as the postgres user when the drill runs as root.
  const dataDir = join(tmpdir(), `shequ-drill-${process.pid}-${Date.now().toString(36)}`);
  const supervisor = new Supervisor({ log: (line) => log(`launcher: ${line}`) });
  let server: EmbeddedServer | undefined;
  let databaseSupervisor: DatabaseSupervisor | undefined;
  let slowProxy: DelayProxy | undefined;
  let stopped: Promise<void> | undefined;
  // Interrupted, even while starting, the drill leaves nothing running behind it.
  const interrupted = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  // Once, however often asked: a signal and the drill's own end may both ask.
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      // A process the drill stopped (SIGSTOP) cannot act on the SIGTERM that stops it.
      for (const name of [...SUBGRAPHS.flatMap((entry) => [entry.name, secondReplica(entry.name)]), 'gateway']) {
        supervisor.process(name)?.child.kill('SIGCONT');
      }
      await databaseSupervisor?.stop();
      await supervisor.stop();
      await slowProxy?.close();
      await server?.stop();
      output.end();
      rmSync(dataDir, { recursive: true, force: true });
    })());
  try {
    server = await startEmbeddedServer({ dataDir, temporary: true, log: (line) => !output.writableEnded && output.write(`${'postgres'.padEnd(17)}| ${line}\n`) });
    databaseSupervisor = new DatabaseSupervisor(server, { log: (line) => log(`database: ${line}`) });
    const databaseUrl = server.url;
    log(`PostgreSQL (embedded, throwaway) on port ${server.port}; loading demo data`);
    await seedDatabase({ databaseUrl, scale: 'demo', seed: 1, log: () => undefined });

    // Each process's port, the second replicas' included.
    const ports = new Map<string, number>();
    for (const entry of SUBGRAPHS) {
      ports.set(entry.name, await freePort());
      ports.set(secondReplica(entry.name), await freePort());
    }
    const urlOf = (name: string) => `http://127.0.0.1:${ports.get(name)}/graphql`;
    slowProxy = await DelayProxy.start(ports.get(SLOW_SUBGRAPH) as number);
    const gatewayPort = await freePort();
    const directUrls = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.urlVariable, urlOf(entry.name)]));
    const gatewayUrls = Object.fromEntries(
      SUBGRAPHS.map((entry) => [entry.urlVariable, `${entry.name === SLOW_SUBGRAPH ? `http://127.0.0.1:${slowProxy?.port}/graphql` : urlOf(entry.name)},${urlOf(secondReplica(entry.name))}`]),
    );
    const common = { NODE_ENV: 'development', JWT_SECRET: DRILL_JWT_SECRET, SUBGRAPH_SIGNING_KEY: DRILL_SIGNING_KEY, LOG_LEVEL: 'warn' };
    const addSubgraph = (entry: (typeof SUBGRAPHS)[number], name: string) => {
      const port = ports.get(name) as number;
      return supervisor.add({
        name,
        start: () =>
          logged(
            output,
            startNodeProcess(
              name,
              join(REPOSITORY_ROOT, entry.directory, 'dist', 'main.js'),
              // Statistics finds the departments' feeds by the same URL variables the gateway reads (the first replicas).
              { ...common, ...directUrls, DATABASE_URL: databaseUrl, PORT: String(port), STATISTICS_REFRESH_INTERVAL: '0' },
              [],
              true,
            ),
          ),
        waitUntilReady: (managed) => waitUntilReady(managed, `http://127.0.0.1:${port}/ready`, 150_000),
      });
    };

    log(`starting ${SUBGRAPHS.length} subgraphs and the gateway`);
    await Promise.all(SUBGRAPHS.map((entry) => addSubgraph(entry, entry.name)));
    await supervisor.add({
      name: 'gateway',
      start: () =>
        logged(
          output,
          startNodeProcess(
            'gateway',
            join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js'),
            { ...common, ...gatewayUrls, PORT: String(gatewayPort), SUBGRAPH_TIMEOUT_MS: String(options.subgraphTimeoutMs) },
            [],
            true,
          ),
        ),
      // Ready: every subgraph it routes to answers, so the first fault starts from a whole platform.
      waitUntilReady: (managed) => waitUntilReady(managed, `http://127.0.0.1:${gatewayPort}/ready`, 150_000),
    });
    const readyStatus = async (name: string) => {
      // The gateway's /ready follows every subgraph's; whether the gateway itself serves is its /health.
      const url = name === 'gateway' ? `http://127.0.0.1:${gatewayPort}/health` : `http://127.0.0.1:${ports.get(name)}/ready`;
      try {
        return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
      } catch {
        return 0;
      }
    };
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      databaseUrl,
      supervisor,
      databaseSupervisor,
      subgraphs: SUBGRAPHS.map((entry) => entry.name),
      slowProxy,
      startSecondReplicas: async (subgraphs) => {
        const entries = SUBGRAPHS.filter((entry) => subgraphs.includes(entry.name));
        await Promise.all(entries.map((entry) => addSubgraph(entry, secondReplica(entry.name))));
        return entries.map((entry) => secondReplica(entry.name));
      },
      postmasterPid: () => postmasterPid(dataDir),
      readyStatus,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The process name of a subgraph's second replica, and the subgraph of a process. */
const secondReplica = (subgraph: string) => `${subgraph}#2`;
export const subgraphOf = (processName: string) => processName.replace(/#2$/, '');

/** Copies a process's output, each line under its name, into the drill's log file. */
function logged(output: WriteStream, managed: ManagedProcess): ManagedProcess {
  for (const stream of [managed.child.stdout, managed.child.stderr]) {
    if (stream) {
      // Lines after the drill closed its log (a process's last words on stopping) are dropped.
      createInterface({ input: stream }).on('line', (line) => !output.writableEnded && output.write(`${managed.name.padEnd(17)}| ${line}\n`));
    }
  }
  return managed;
}
