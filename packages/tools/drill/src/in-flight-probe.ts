import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { Answer } from './answer';

export interface HeldRequest {
  /** False when the request never reached the database within the wait: the probe then says nothing about stopping. */
  waiting: boolean;
  answer: Promise<Answer>;
  /** Lets the held SQL go on. */
  release(): Promise<void>;
  /** Why the lock's connection ended before `release`, if it did: the request was then let go early. */
  lostLock(): string | null;
}

/** How long the probe waits for its request's SQL to queue behind the lock. */
const WAIT_FOR_QUEUE_MS = 5000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Holds one request in flight at a process for as long as the drill wants,
 * so that a stop can be tried on it: every table of `schema` is locked (its
 * migrations table excepted, which `/ready` reads), `send` sends a read that
 * needs them, and the probe returns once that read's SQL is queued behind
 * the lock. A process that stops gracefully still answers it in full after
 * `release`.
 */
export async function holdRequestInFlight(databaseUrl: string, schema: string, send: () => Promise<Answer>): Promise<HeldRequest> {
  const client = new Client({ connectionString: databaseUrl });
  // The lock's connection may be ended under it (the server going away): the probe then simply holds nothing.
  let lost: string | undefined;
  client.on('error', (error) => (lost = error.message));
  const lockError = await lockSchema(client, schema);
  if (lockError) {
    await client.end().catch(() => undefined);
    return { waiting: false, answer: send(), release: async () => undefined, lostLock: () => `could not lock: ${lockError}` };
  }
  const answer = send();
  let waiting = false;
  const deadline = Date.now() + WAIT_FOR_QUEUE_MS;
  while (!waiting && !lost && Date.now() < deadline) {
    const queued = await client
      .query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace s ON s.oid = c.relnamespace WHERE NOT l.granted AND s.nspname = $1`,
        [schema],
      )
      .catch((error: Error) => {
        lost = error.message;
        return { rows: [{ n: 0 }] };
      });
    waiting = queued.rows[0].n > 0;
    if (!waiting) {
      await sleep(50);
    }
  }
  let released = false;
  const release = async () => {
    if (released) {
      return;
    }
    released = true;
    await client.query('COMMIT').catch(() => undefined);
    await client.end().catch(() => undefined);
  };
  return { waiting, answer, release, lostLock: () => lost ?? null };
}

/**
 * Attempts at the lock, each without waiting: a lock that waited for one table while holding another could
 * deadlock with a write holding the first and wanting the second, and abort the write — the drill's doing,
 * not the platform's. Never waiting, the drill is never part of a deadlock.
 */
const LOCK_ATTEMPTS = 200;
const LOCK_RETRY_MS = 25;

/** Locks every table of `schema` but its migrations table in one open transaction; the last error when it could not. */
async function lockSchema(client: Client, schema: string): Promise<string | null> {
  let failure = 'no attempt';
  try {
    await client.connect();
  } catch (error) {
    return (error as Error).message;
  }
  for (let attempt = 1; attempt <= LOCK_ATTEMPTS; attempt += 1) {
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename <> 'migrations'`, [schema]);
      await client.query(`LOCK TABLE ${rows.map((row) => `${quote(schema)}.${quote(row.name)}`).join(', ')} IN ACCESS EXCLUSIVE MODE NOWAIT`);
      return null;
    } catch (error) {
      failure = (error as Error).message;
      await client.query('ROLLBACK').catch(() => undefined);
      await sleep(LOCK_RETRY_MS);
    }
  }
  return failure;
}
