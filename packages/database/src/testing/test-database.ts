import { randomBytes } from 'node:crypto';
import { runOnServer, withDatabase } from '../database-admin';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, on the server the jest global setup
 * started (or the one in TEST_DATABASE_URL). Files run in parallel, so each
 * gets its own name.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error('TEST_DATABASE_URL is not set: add @shequ/database/testing/global-setup to the jest config');
  }
  const name = `shequ_test_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
