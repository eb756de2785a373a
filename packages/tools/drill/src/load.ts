import { setTimeout as sleep } from 'node:timers/promises';
import { call, type Answer } from './answer';
import { readOperations, SUBMIT_SERVICE_REQUEST, submissionVariables, type ReadOperation } from './operations';
import { WriteLedger } from './write-ledger';

export interface LoadOptions {
  gatewayUrl: string;
  /** The region every read asks for, and the community residents write to. */
  prefectureCode: string;
  communityCode: string;
  callers: { dashboard: number; oneDepartment: number; writers: number };
  /** Signs a token for a caller: readers are analysts, writers residents of the community's prefecture. */
  token(sub: string, role: 'analyst' | 'resident'): string;
  /** Each run's idempotency keys start with it, so the database check finds this run's requests only. */
  keyPrefix: string;
  clientTimeoutMs: number;
  writeRetryLimitMs: number;
  now(): number;
}

/** Codes a caller cannot fix by asking again: the request itself is wrong or not allowed. */
const FINAL_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

/** A pause between one caller's requests: several callers, not a flood, on a 2-core machine shared with the platform. */
const READ_PAUSE_MS = 100;
const WRITE_PAUSE_MS = 200;

/**
 * A few concurrent callers through the gateway, each sending one request at
 * a time until stopped: readers of the dashboard and of one department, and
 * residents submitting service requests, each with a fresh idempotency key,
 * retried with the same key for as long as the answer does not say the
 * request itself was wrong — as a client should. Every answer is kept.
 */
export class LoadGenerator {
  readonly answers: Answer[] = [];
  readonly ledger = new WriteLedger();
  private stopping = false;
  private abandonWrites = false;
  private readonly workers: Promise<void>[] = [];

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    const [dashboard, oneDepartment] = readOperations(this.options.prefectureCode);
    const { callers } = this.options;
    for (let index = 0; index < callers.dashboard; index += 1) {
      this.workers.push(this.read(dashboard, `drill-dashboard-${index}`));
    }
    for (let index = 0; index < callers.oneDepartment; index += 1) {
      this.workers.push(this.read(oneDepartment, `drill-reader-${index}`));
    }
    for (let index = 0; index < callers.writers; index += 1) {
      this.workers.push(this.write(`drill-resident-${index}`));
    }
  }

  /**
   * Stops sending new requests and waits for every caller's last one: with `finishWrites`, a write still
   * unacknowledged is retried as before (the database check needs to know how it ended); without, it is given up.
   */
  async stop(finishWrites: boolean): Promise<void> {
    this.stopping = true;
    this.abandonWrites = !finishWrites;
    await Promise.all(this.workers);
  }

  private async read(operation: ReadOperation, caller: string): Promise<void> {
    const token = this.options.token(caller, 'analyst');
    while (!this.stopping) {
      const { data: _data, ...answer } = await call({
        kind: operation.kind,
        caller,
        url: this.options.gatewayUrl,
        token,
        query: operation.query,
        variables: operation.variables,
        timeoutMs: this.options.clientTimeoutMs,
        isComplete: operation.isComplete,
        answeredSomething: (data) => !!data?.region,
        now: this.options.now,
      });
      this.answers.push(answer);
      await sleep(READ_PAUSE_MS);
    }
  }

  private async write(caller: string): Promise<void> {
    const token = this.options.token(caller, 'resident');
    for (let n = 0; !this.stopping; n += 1) {
      const key = `${this.options.keyPrefix}-${caller.replace('drill-', '')}-${n}`;
      const firstAt = this.options.now();
      this.ledger.attempted(key, firstAt);
      for (let attempt = 1; ; attempt += 1) {
        const { data, ...answer } = await call({
          kind: 'write',
          caller,
          url: this.options.gatewayUrl,
          token,
          query: SUBMIT_SERVICE_REQUEST,
          variables: submissionVariables(this.options.communityCode, key),
          timeoutMs: this.options.clientTimeoutMs,
          isComplete: (result) => typeof (result?.submitServiceRequest as { id?: unknown } | null)?.id === 'string',
          answeredSomething: (result) => !!result?.submitServiceRequest,
          now: this.options.now,
        });
        const id = (data?.submitServiceRequest as { id?: string } | null | undefined)?.id;
        this.answers.push({ ...answer, key, ...(id ? { id } : {}) });
        if (id) {
          this.ledger.acknowledged(key, id, answer.endedAt, attempt);
          break;
        }
        const final = answer.status !== null && answer.status < 500 && answer.codes.length > 0 && answer.codes.every((code) => FINAL_CODES.has(code));
        if (final || this.abandonWrites || this.options.now() - firstAt > this.options.writeRetryLimitMs) {
          this.ledger.abandoned(key, final ? answer.codes.join(',') : this.abandonWrites ? 'the drill stopped' : 'retries exhausted', attempt);
          break;
        }
        await sleep(retryDelayMs(answer.retryAfter, attempt));
      }
      await sleep(WRITE_PAUSE_MS);
    }
  }
}

/** Retry-After when the answer gave one (at most 5 s), otherwise a short backoff doubling from 250 ms to 2 s. */
function retryDelayMs(retryAfter: string | null, attempt: number): number {
  const seconds = Number(retryAfter);
  if (retryAfter !== null && Number.isFinite(seconds) && seconds >= 0) {
    return Math.min(seconds, 5) * 1000;
  }
  return Math.min(250 * 2 ** (attempt - 1), 2000);
}
