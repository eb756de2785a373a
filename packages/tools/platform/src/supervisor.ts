import { stopProcess, type ManagedProcess } from './child-process';
import { cancellableSleep, DEFAULT_BACKOFF, RestartBackoff, type BackoffPolicy } from './restart-backoff';

/** One child the supervisor keeps running. */
export interface SupervisedChild {
  name: string;
  /** Starts a fresh process; called for the first start and each restart. */
  start(): ManagedProcess;
  /** Resolves once the process serves (e.g. its /ready answers 200); rejects when it exits first or never does. */
  waitUntilReady(managed: ManagedProcess): Promise<void>;
}

export interface SupervisorOptions {
  log: (line: string) => void;
  backoff?: BackoffPolicy;
}

interface Slot {
  child: SupervisedChild;
  current: ManagedProcess;
  backoff: RestartBackoff;
  startedAt: number;
  /** Restarts made so far; tests and logs read it. */
  restarts: number;
}

/**
 * Keeps the launcher's children running: a child that exits while the
 * platform is not stopping is logged and started again after an exponential
 * backoff, and logged again once it is ready. A crash loop never gives up:
 * it retries at the backoff's cap, logged each time, until a person stops
 * the platform. `stop()` ends the restarts and stops every child.
 */
export class Supervisor {
  private readonly slots = new Map<string, Slot>();
  private readonly pendingWaits = new Set<() => void>();
  private stopping = false;
  private readonly backoffPolicy: BackoffPolicy;

  constructor(private readonly options: SupervisorOptions) {
    this.backoffPolicy = options.backoff ?? DEFAULT_BACKOFF;
  }

  /** Starts `child` and waits until it is ready; a first start that fails is an error, not a restart. */
  async add(child: SupervisedChild): Promise<void> {
    const slot: Slot = { child, current: child.start(), backoff: new RestartBackoff(this.backoffPolicy), startedAt: Date.now(), restarts: 0 };
    this.slots.set(child.name, slot);
    await child.waitUntilReady(slot.current);
    this.watch(slot);
  }

  /** The process currently running for `name`. */
  process(name: string): ManagedProcess | undefined {
    return this.slots.get(name)?.current;
  }

  restartCount(name: string): number {
    return this.slots.get(name)?.restarts ?? 0;
  }

  /** Ends the restarts (a pending backoff too) and stops every child with SIGTERM, waiting for each. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const cancel of this.pendingWaits) {
      cancel();
    }
    await Promise.all([...this.slots.values()].map((slot) => stopProcess(slot.current)));
  }

  private watch(slot: Slot): void {
    const managed = slot.current;
    void managed.exited.then((code) => this.onExit(slot, managed, code));
  }

  private async onExit(slot: Slot, managed: ManagedProcess, code: number | null): Promise<void> {
    if (this.stopping) {
      return;
    }
    const { log } = this.options;
    const delay = slot.backoff.next(Date.now() - slot.startedAt);
    log(`${slot.child.name} exited with code ${code} (signal ${managed.child.signalCode ?? 'none'}); restarting in ${delay} ms`);
    const wait = cancellableSleep(delay);
    this.pendingWaits.add(wait.cancel);
    await wait.done;
    this.pendingWaits.delete(wait.cancel);
    if (this.stopping) {
      return;
    }
    slot.current = slot.child.start();
    slot.startedAt = Date.now();
    slot.restarts += 1;
    // Watch before waiting: a process that dies while starting is restarted too.
    this.watch(slot);
    try {
      await slot.child.waitUntilReady(slot.current);
      if (!this.stopping) {
        log(`${slot.child.name} is ready again (restart ${slot.restarts})`);
      }
    } catch (error) {
      // An exit is handled by the watcher above; a process that runs but never gets ready is only reported.
      if (!this.stopping && slot.current.child.exitCode === null && slot.current.child.signalCode === null) {
        log(`${slot.child.name} restarted but is not ready: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
