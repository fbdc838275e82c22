/**
 * Counts failed sign-in attempts in memory, per client address and per e-mail, in a sliding
 * window. Enough for one Målbar process; the limits are generous for people, tight for scripts.
 */
export interface RateLimiterOptions {
  windowMs: number;
  maxPerKey: number;
}

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly options: RateLimiterOptions;

  constructor(options: RateLimiterOptions) {
    this.options = options;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds until another attempt is allowed for any of the keys, or 0 when allowed now. */
  retryAfter(keys: string[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const list = this.recent(key, now);
      if (list.length >= this.options.maxPerKey) {
        const oldest = list[list.length - this.options.maxPerKey]!;
        wait = Math.max(wait, Math.ceil((oldest + this.options.windowMs - now) / 1000));
      }
    }
    return wait;
  }

  fail(keys: string[], now: number): void {
    for (const key of keys) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.failures.clear();
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
