import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedUrl, startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { findRepositoryRoot } from './repository-root';

/** Where the platform's own PostgreSQL keeps its data between runs. */
export function localDataDir(): string {
  return join(findRepositoryRoot(), '.data', 'postgres');
}

/** The port of a server already running on `dataDir`, read from its postmaster.pid; null when none runs. */
function runningServerPort(dataDir: string): number | null {
  try {
    const [pid, , , port] = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return null;
  }
}

/** The database the platform keeps its schemas in, on the local server. */
export const LOCAL_DATABASE = 'shequ';

async function ensureLocalDatabase(port: number): Promise<string> {
  const client = new Client({ connectionString: embeddedUrl(port) });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [LOCAL_DATABASE]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${LOCAL_DATABASE}`);
    }
  } finally {
    await client.end();
  }
  return embeddedUrl(port, LOCAL_DATABASE);
}

/**
 * The platform's local PostgreSQL: reuses the server another Shequ process
 * already runs on `.data/postgres` (then `stop` leaves it running), or
 * starts it, initialising the folder on first use. `url` names the
 * platform's own database on it.
 */
export async function startLocalServer(log?: (line: string) => void): Promise<EmbeddedServer & { reused: boolean }> {
  const dataDir = localDataDir();
  const port = runningServerPort(dataDir);
  if (port) {
    // Another process owns this server: it supervises and stops it, not us.
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const isRunning = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const restart = () => Promise.reject(new Error(`the PostgreSQL on ${dataDir} belongs to another Shequ process, which restarts it`));
    return { url: await ensureLocalDatabase(port), port, reused: true, stop: async () => undefined, isRunning, restart };
  }
  const server = await startEmbeddedServer({ dataDir, log });
  return { ...server, url: await ensureLocalDatabase(server.port), reused: false };
}
