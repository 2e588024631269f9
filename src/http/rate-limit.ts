/** The platform's rate-limit model: a fixed window per store with a request quota. */

/** Quota and window of one limiter. */
export interface RateLimit {
  quota: number;
  windowMs: number;
}

/** What a request learns from the limiter: headers to send, and whether it may go on. */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Bucket {
  start: number;
  used: number;
}

/**
 * Fixed-window counters keyed by store (or store + endpoint), driven by an injected clock that
 * gets the key, so that each store's window follows that store's (virtual) clock.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: (key?: string) => number,
  ) {}

  /** Counts one request against `key` (unless `consume` is false) and returns the headers. */
  take(key: string, consume = true): RateDecision {
    const now = this.clock(key);
    let b = this.buckets.get(key);
    // A clock set back before the window opened starts a new window too.
    if (!b || now - b.start >= this.limit.windowMs || now < b.start) {
      b = { start: now, used: 0 };
      this.buckets.set(key, b);
    }
    const allowed = b.used < this.limit.quota;
    if (allowed && consume) b.used++;
    const resetMs = Math.max(0, b.start + this.limit.windowMs - now);
    const headers: Record<string, string> = {
      'X-Rate-Limit-Time-Window-Ms': String(this.limit.windowMs),
      'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
      'X-Rate-Limit-Requests-Quota': String(this.limit.quota),
      'X-Rate-Limit-Requests-Left': String(this.limit.quota - b.used),
    };
    if (!allowed) headers['X-Retry-After'] = String(Math.max(1, Math.ceil(resetMs / 1000)));
    return { allowed, headers };
  }

  /**
   * The headers `key` would show, counting nothing and storing nothing (no window is opened), for
   * answers to requests that are refused before they count (bad store hash, bad token): such
   * traffic leaves no state behind, however many store hashes it names.
   */
  peek(key?: string): Record<string, string> {
    const now = this.clock(key);
    const b = key === undefined ? undefined : this.buckets.get(key);
    const live = b && now - b.start < this.limit.windowMs && now >= b.start ? b : undefined;
    const resetMs = live ? live.start + this.limit.windowMs - now : this.limit.windowMs;
    return {
      'X-Rate-Limit-Time-Window-Ms': String(this.limit.windowMs),
      'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
      'X-Rate-Limit-Requests-Quota': String(this.limit.quota),
      'X-Rate-Limit-Requests-Left': String(this.limit.quota - (live?.used ?? 0)),
    };
  }

  /** Forgets a key's window (a reset tenant starts afresh). */
  forget(key: string): void {
    this.buckets.delete(key);
  }
}
