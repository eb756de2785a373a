/** One service request as its writer knows it. */
export interface WriteEntry {
  key: string;
  /** When the first attempt was sent (drill clock, ms). */
  firstAt: number;
  /** Set once an answer carried the request's id. */
  acknowledged?: { id: string; at: number; attempts: number };
  /** Set when the writer stopped trying without an acknowledgement. */
  abandoned?: { reason: string; attempts: number };
}

/** The writers' own record of what they sent and what the platform acknowledged, to hold against the database afterwards. */
export class WriteLedger {
  private readonly entries = new Map<string, WriteEntry>();

  attempted(key: string, at: number): void {
    this.entries.set(key, { key, firstAt: at });
  }

  acknowledged(key: string, id: string, at: number, attempts: number): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.acknowledged = { id, at, attempts };
    }
  }

  abandoned(key: string, reason: string, attempts: number): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.abandoned = { reason, attempts };
    }
  }

  all(): WriteEntry[] {
    return [...this.entries.values()];
  }
}
