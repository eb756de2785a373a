import { CountPerCaller } from './count-per-caller';

/** How many heavy operations may run at once: on the whole gateway, and per caller. */
export interface HeavyOperationLimits {
  inFlight: number;
  perCaller: number;
  /** An operation is heavy when its declared weights come to this much (estimate-cost.ts `weightedCost`). */
  threshold: number;
  /** How long a heavy operation may wait for a slot before it is refused with 429. */
  queueWaitMs: number;
}

/** About 0.1 s of subgraph work; one at a time leaves the rest of the machine to everyone else. */
export const DEFAULT_HEAVY_OPERATIONS: HeavyOperationLimits = { inFlight: 1, perCaller: 1, threshold: 1_000, queueWaitMs: 5_000 };

type Slot = { release: () => void } | { refusal: string };

/**
 * Slots for heavy operations (roll-ups over large regions, rankings, long
 * trends). The overall bound keeps heavy work, whoever sends it, from taking
 * the machine from the light requests most callers make: a heavy operation
 * waits its turn (first come, first served) for a while, then is refused.
 * The per-caller bound keeps one caller from holding every slot: a caller
 * who already runs their share is refused at once.
 */
export class HeavyOperations {
  private running = 0;
  private readonly perCaller = new CountPerCaller();
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limits: HeavyOperationLimits) {}

  isHeavy(weightedCost: number): boolean {
    return weightedCost >= this.limits.threshold;
  }

  async start(caller: string): Promise<Slot> {
    const callerRunning = this.perCaller.of(caller);
    if (callerRunning >= this.limits.perCaller) {
      return { refusal: `you already run ${callerRunning} heavy operation${callerRunning === 1 ? '' : 's'} (at most ${this.limits.perCaller} at once)` };
    }
    // Counted from now, so that the same caller's next one is refused while this one waits.
    const leave = this.perCaller.add(caller);
    if (this.running < this.limits.inFlight) {
      this.running += 1;
    } else if (!(await this.turn())) {
      leave();
      return { refusal: `${this.running} heavy operations are running (at most ${this.limits.inFlight} at once), and none finished within ${this.limits.queueWaitMs} ms` };
    }
    // Either way the slot is counted in `running`: one handed over by a release stays counted.
    let released = false;
    return {
      release: () => {
        if (released) {
          return;
        }
        released = true;
        leave();
        const next = this.waiting.shift();
        if (next) {
          // Handed straight to the first in line, so that no newcomer takes it in between.
          next();
        } else {
          this.running -= 1;
        }
      },
    };
  }

  /** Resolves true when a slot is handed over, false when the wait runs out. */
  private turn(): Promise<boolean> {
    return new Promise((resolve) => {
      const handOver = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(handOver), 1);
        resolve(false);
      }, this.limits.queueWaitMs);
      this.waiting.push(handOver);
    });
  }
}
