import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../embedded-server';

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
  // Under the system temporary folder, which the `postgres` user can reach
  // even when the checkout lies in a folder only root may enter.
  const dataDir = mkdtempSync(join(tmpdir(), 'shequ-test-'));
  const server = await startEmbeddedServer({ dataDir, temporary: true });
  globalThis.shequTestServer = server;
  process.env.TEST_DATABASE_URL = server.url;
}
