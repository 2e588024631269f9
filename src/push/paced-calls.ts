/**
 * API calls that respect the store's rate limit: after any answer whose
 * `X-Rate-Limit-Requests-Left` is 0, wait `X-Rate-Limit-Time-Reset-Ms`; on a 429, wait
 * `X-Retry-After` seconds and try again (a 429 was not processed); on a gateway hiccup (502, 503,
 * 504) or a dropped connection, back off and try again a few times, but only reads: a create that
 * failed that way may have happened, and the next run finds it by lookup instead.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { BigCommerceApiError, type BigCommerceClient } from '../client/index.js';

/** Waits this many milliseconds, or less once `signal` aborts (tests pass one that moves a fake clock). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real wait; an abort ends it early. */
export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined);

/** A push stopped by its signal (Ctrl-C) between two calls. */
export class PushInterrupted extends Error {
  override readonly name = 'PushInterrupted';
}

/** What the pacing did, for the summary. */
export interface PacingStats {
  requests: number;
  /** 429 answers received (each waited out and retried). */
  tooManyRequests: number;
  /** Waits of any kind (quota used up, 429, retry back-off). */
  waits: number;
  waitedMs: number;
  retries: number;
}

/** Options of `pacedCalls`. */
export interface PacingOptions {
  sleep?: Sleep;
  /** Retries of one call after 429s before giving up; default 20. */
  maxRateLimitRetries?: number;
  /** Retries of one call after 502/503/504 or a network error; default 3. */
  maxTransientRetries?: number;
  /** Stops the calls: a wait ends early and the next call throws PushInterrupted. */
  signal?: AbortSignal;
}

const TRANSIENT = new Set([502, 503, 504]);

/** Wraps a client's calls in the pacing rules: `call(() => client.listCustomers(...), true)`. */
export function pacedCalls(client: BigCommerceClient, options: PacingOptions = {}) {
  const sleep = options.sleep ?? realSleep;
  const maxRateLimit = options.maxRateLimitRetries ?? 20;
  const maxTransient = options.maxTransientRetries ?? 3;
  const stats: PacingStats = { requests: 0, tooManyRequests: 0, waits: 0, waitedMs: 0, retries: 0 };
  const signal = options.signal;
  const wait = async (ms: number): Promise<void> => {
    stats.waits++;
    stats.waitedMs += ms;
    await sleep(ms, signal);
  };

  /** Runs one API call under the pacing rules; `read` calls are also retried after gateway hiccups. */
  async function call<T>(fn: () => Promise<T>, read = false): Promise<T> {
    let limited = 0;
    let transient = 0;
    for (;;) {
      if (signal?.aborted) throw new PushInterrupted('the push was interrupted');
      stats.requests++;
      try {
        const result = await fn();
        const rate = client.lastResponse?.rateLimit;
        if (rate && rate.left <= 0) await wait(rate.resetMs);
        return result;
      } catch (err) {
        if (err instanceof BigCommerceApiError && err.status === 429 && limited < maxRateLimit) {
          limited++;
          stats.tooManyRequests++;
          stats.retries++;
          const seconds = err.retryAfterSeconds;
          await wait(seconds !== undefined ? seconds * 1000 : (err.rateLimit?.resetMs ?? 1000));
          continue;
        }
        const hiccup =
          err instanceof BigCommerceApiError ? TRANSIENT.has(err.status) : err instanceof TypeError;
        if (read && hiccup && transient < maxTransient) {
          stats.retries++;
          await wait(500 * 2 ** transient++);
          continue;
        }
        const rate = err instanceof BigCommerceApiError ? err.rateLimit : undefined;
        if (rate && rate.left <= 0) await wait(rate.resetMs);
        throw err;
      }
    }
  }

  return { call, stats };
}
