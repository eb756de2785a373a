import { cancellableSleep, DEFAULT_BACKOFF, RestartBackoff, type BackoffPolicy } from './restart-backoff';

/** What the supervisor needs of a database server: the embedded PostgreSQL gives both. */
export interface RestartableServer {
  isRunning(): boolean;
  restart(): Promise<void>;
}

export interface DatabaseSupervisorOptions {
  log: (line: string) => void;
  backoff?: BackoffPolicy;
  /** How often to look whether the postmaster still runs. */
  pollMs?: number;
}

/**
 * Watches the embedded PostgreSQL (polling, since it runs detached from the
 * launcher's own children) and restarts it with backoff when its postmaster
 * dies. The subgraphs are left running: their pools reconnect on the next
 * query, and their /ready answers 503 meanwhile. Like the children, a server
 * that keeps failing to start is retried at the backoff's cap until a person
 * stops the platform.
 */
export class DatabaseSupervisor {
  private stopped = false;
  private cancelWait = (): void => undefined;
  private readonly loop: Promise<void>;
  /** Successful restarts so far. */
  restarts = 0;

  constructor(
    private readonly server: RestartableServer,
    private readonly options: DatabaseSupervisorOptions,
  ) {
    this.loop = this.watch();
  }

  /** Ends the watching (and a pending restart wait); the caller then stops the server itself. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelWait();
    await this.loop;
  }

  private async sleep(ms: number): Promise<void> {
    const wait = cancellableSleep(ms);
    this.cancelWait = wait.cancel;
    await wait.done;
  }

  private async watch(): Promise<void> {
    const { log, pollMs = 1000 } = this.options;
    const backoff = new RestartBackoff(this.options.backoff ?? DEFAULT_BACKOFF);
    let upSince = Date.now();
    while (!this.stopped) {
      await this.sleep(pollMs);
      if (this.stopped || this.server.isRunning()) {
        continue;
      }
      const upMs = Date.now() - upSince;
      // Retry until it runs again; each failed start waits longer.
      for (let attempt = 1; !this.stopped; attempt += 1) {
        const delay = backoff.next(attempt === 1 ? upMs : 0);
        log(attempt === 1 ? `PostgreSQL stopped unexpectedly; restarting in ${delay} ms` : `PostgreSQL did not restart; trying again in ${delay} ms`);
        await this.sleep(delay);
        if (this.stopped) {
          return;
        }
        try {
          await this.server.restart();
          this.restarts += 1;
          upSince = Date.now();
          log('PostgreSQL is running again (recovered from its WAL); the subgraphs reconnect on their next query');
          break;
        } catch (error) {
          log(error instanceof Error ? error.message.split('\n')[0] : String(error));
        }
      }
    }
  }
}
