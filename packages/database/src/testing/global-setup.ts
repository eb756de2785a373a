import { join } from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../embedded-server';
import { findRepositoryRoot } from '../repository-root';

declare global {
  var shequTestServer: EmbeddedServer | undefined;
}

/**
 * Jest global setup: without TEST_DATABASE_URL, start a throwaway embedded
 * PostgreSQL for this jest run. Workers inherit the URL through the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    return;
  }
  const dataDir = join(findRepositoryRoot(), '.data', 'test-clusters', `${process.pid}-${Date.now()}`);
  const server = await startEmbeddedServer({ dataDir, temporary: true });
  globalThis.shequTestServer = server;
  process.env.TEST_DATABASE_URL = server.url;
}
