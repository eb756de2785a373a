import { Client } from 'pg';

const POLL_MS = 200;

/**
 * Waits until no other session runs a statement (at most `limitMs`), so the
 * SQL a gateway left behind — requests its clients gave up on — does not
 * weigh on the next gateway's turn. Returns how long it waited. (A gateway
 * that gave up on a heavy operation may leave minutes of it queued in the
 * subgraphs; each statement stops at the subgraphs' statement timeout.)
 */
export async function waitForIdleDatabase(databaseUrl: string, limitMs = 180_000): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  try {
    while (Date.now() - started < limitMs) {
      const { rows } = await client.query(`SELECT count(*)::int AS busy FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
      if (rows[0].busy === 0) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return Date.now() - started;
  } finally {
    await client.end();
  }
}
