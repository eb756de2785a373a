/** How many of something (requests in flight, heavy operations) each caller has going; callers at zero are forgotten. */
export class CountPerCaller {
  private readonly counts = new Map<string, number>();

  of(caller: string): number {
    return this.counts.get(caller) ?? 0;
  }

  /** Counts one more for `caller`; the release it gives counts it down once, however often it is called. */
  add(caller: string): () => void {
    this.counts.set(caller, this.of(caller) + 1);
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      const left = this.of(caller) - 1;
      if (left > 0) {
        this.counts.set(caller, left);
      } else {
        this.counts.delete(caller);
      }
    };
  }
}
