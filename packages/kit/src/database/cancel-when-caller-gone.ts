import type { Logger } from 'pino';
import { Client, type Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { callerGoneSignal } from '../server/caller-scope';

const WATCHED = Symbol('cancels when its caller has gone');

/** Asks PostgreSQL, over a connection of its own, to cancel what one backend is running. */
async function cancelBackend(connectionString: string, backendPid: number, logger: Logger): Promise<void> {
  const client = new Client({ connectionString });
  try {
    await client.connect();
    await client.query('SELECT pg_cancel_backend($1)', [backendPid]);
  } catch (error) {
    logger.warn({ err: error, backendPid }, 'could not cancel the SQL of a caller who has gone');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A query call answered by a promise: neither a submittable (a cursor, a stream) nor given a callback. */
function answersWithPromise(args: unknown[]): boolean {
  const [first] = args;
  const submittable = typeof first === 'object' && first !== null && typeof (first as { submit?: unknown }).submit === 'function';
  return !submittable && typeof args[args.length - 1] !== 'function';
}

/**
 * A statement sent for a request whose caller has gone is cancelled in
 * PostgreSQL (the statement timeout would otherwise let it run on for
 * seconds, holding a connection and a core for nobody), and no new one
 * starts. Each pooled connection's `query` is watched from the first time
 * it is checked out; statements sent outside a request (migrations, seeds)
 * are untouched.
 */
export function cancelWhenCallerGone(dataSource: DataSource, connectionString: string, logger: Logger): void {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  pool.on('acquire', (client: PoolClient & { [WATCHED]?: true }) => {
    if (client[WATCHED]) {
      return;
    }
    client[WATCHED] = true;
    const send = client.query.bind(client) as (...args: unknown[]) => unknown;
    /**
     * A cancellation on its way: it reaches the backend over another connection moments later, and would cancel
     * whatever statement runs on it then, another caller's, had the first one finished meanwhile. The next
     * statement waits until it has arrived; PostgreSQL ignores a cancellation that finds the backend idle.
     */
    let cancelling: Promise<void> | undefined;
    const watched = (...args: unknown[]): unknown => {
      // Only a call answered by a promise can be put off (a stream or a callback is answered by other means).
      if (cancelling && answersWithPromise(args)) {
        return cancelling.then(() => watched(...args));
      }
      const signal = callerGoneSignal();
      if (!signal) {
        return send(...args);
      }
      if (signal.aborted) {
        return Promise.reject(new Error('the caller has gone: statement not sent'));
      }
      const backendPid = (client as unknown as { processID: number }).processID;
      const cancel = () => {
        const sent = cancelBackend(connectionString, backendPid, logger).finally(() => {
          if (cancelling === sent) {
            cancelling = undefined;
          }
        });
        cancelling = sent;
      };
      signal.addEventListener('abort', cancel, { once: true });
      const result = send(...args);
      const settled = () => signal.removeEventListener('abort', cancel);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(settled, settled);
      } else {
        settled();
      }
      return result;
    };
    client.query = watched as typeof client.query;
  });
}
