import type { Logger } from '@shequ/kit';

/** How often, at most, a code the registry does not hold makes it ask governance again (CODE_REGISTRY_REFRESH_MS). */
export const DEFAULT_REFRESH_INTERVAL_MS = 60_000;

/**
 * Every region and community code governance holds (about 16,500 at
 * province scale), loaded at start and asked for again — at most once per
 * interval — when a request names a code it does not hold, so a community
 * added since is found within a request. While governance has never
 * answered, the registry cannot tell and says so (null): the graph keeps
 * serving, unchecked.
 */
export class CodeRegistry {
  private codes: ReadonlySet<string> | null = null;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly load: () => Promise<string[]>,
    private readonly refreshIntervalMs: number,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.codes?.size ?? 0;
  }

  /** Loads the codes once; a failure is logged and leaves the check off until governance answers. */
  refresh(): Promise<void> {
    if (!this.loading) {
      this.lastAttempt = this.now();
      this.loading = this.load()
        .then((codes) => {
          this.codes = new Set(codes);
          this.logger.info({ codes: codes.length }, 'division code registry loaded');
        })
        .catch((error: unknown) => {
          this.logger.warn(
            { err: error },
            this.codes ? 'division code registry not refreshed: checking against the codes loaded before' : 'division code registry not loaded: unknown codes are not checked until governance answers',
          );
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading;
  }

  /**
   * The codes of `asked` that governance does not hold, after one refresh
   * if some were missing and the last attempt is older than the interval;
   * null when the registry has never loaded.
   */
  async unknownOf(asked: readonly string[]): Promise<string[] | null> {
    const missing = () => (this.codes ? asked.filter((code) => !this.codes?.has(code)) : null);
    const first = missing();
    if (first !== null && first.length === 0) {
      return first;
    }
    if (this.loading || this.now() - this.lastAttempt >= this.refreshIntervalMs) {
      await this.refresh();
    }
    return missing();
  }
}
