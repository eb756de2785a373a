/** Nanoseconds from a fixed point; tests give their own. */
export type Clock = () => bigint;
export const monotonic: Clock = () => process.hrtime.bigint();

/**
 * One operation's time with at least one subgraph fetch in flight. Fetches
 * of one plan overlap (the departments side by side), so adding their
 * durations up would count the same moments more than once: the clock runs
 * from the first fetch starting to the last one ending, each time none was
 * in flight before.
 */
export class FetchClock {
  private inFlight = 0;
  private since = 0n;
  private waitedNs = 0n;
  private fetches = 0;

  constructor(private readonly now: Clock = monotonic) {}

  fetchStarted(): void {
    this.fetches += 1;
    if (this.inFlight === 0) {
      this.since = this.now();
    }
    this.inFlight += 1;
  }

  fetchEnded(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) {
      this.waitedNs += this.now() - this.since;
    }
  }

  /** Fetches started so far: none for a query answered with an identical one's data. */
  get fetchCount(): number {
    return this.fetches;
  }

  /** Seconds with a fetch in flight so far, the one still running included. */
  get waitedSeconds(): number {
    const running = this.inFlight > 0 ? this.now() - this.since : 0n;
    return Number(this.waitedNs + running) / 1e9;
  }
}
