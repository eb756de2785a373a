/** How long to wait before restarting something that died. */
export interface BackoffPolicy {
  /** The first wait after a crash. */
  initialMs: number;
  /** Waits double up to this; a crash loop keeps retrying at this pace until a person stops the platform. */
  maxMs: number;
  /** A process that stayed up this long is healthy again: its next crash waits initialMs. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/** Exponential backoff for one supervised thing: call `next(upMs)` after each crash for the wait before the restart. */
export class RestartBackoff {
  private nextDelayMs: number;

  constructor(private readonly policy: BackoffPolicy) {
    this.nextDelayMs = policy.initialMs;
  }

  /** The wait before the next restart, given how long the thing ran before it died. */
  next(upMs: number): number {
    if (upMs >= this.policy.resetAfterMs) {
      this.nextDelayMs = this.policy.initialMs;
    }
    const delay = this.nextDelayMs;
    this.nextDelayMs = Math.min(this.nextDelayMs * 2, this.policy.maxMs);
    return delay;
  }
}

/** A wait that `cancel()` ends early, so that stopping the platform does not sit out a 30 s backoff. */
export function cancellableSleep(ms: number): { done: Promise<void>; cancel(): void } {
  let cancel = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    cancel = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, cancel };
}
