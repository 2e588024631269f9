/** Parsers for option values shared by commands; each throws a one-line, actionable usage error. */
import { InvalidArgumentError } from 'commander';
import { isStoreHash } from '../config.js';
import type { RateLimit } from '../http/rate-limit.js';

/** A TCP port, 0 (a free one) to 65535. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('Use a port from 0 to 65535.');
  return n;
}

/** A whole number from 0 up. */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError('Use a whole number from 0 up.');
  }
  return n;
}

/** An integer, negative allowed (seeds). */
export function parseInteger(value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('Use an integer.');
  return n;
}

/** A power of two from 2 up (scrypt's N). */
export function parsePowerOfTwo(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 2 || n > 2 ** 20 || (n & (n - 1)) !== 0) {
    throw new InvalidArgumentError('Use a power of two from 2 to 1048576, e.g. 16 (fast) or 16384.');
  }
  return n;
}

const WINDOW_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** `<requests>/<window>`, e.g. `150/30s`, `450/30s`, `10/500ms`, `1000/1m`; the unit defaults to seconds. */
export function parseRateLimit(value: string): RateLimit {
  const m = /^(\d+)\/(\d+)(ms|s|m)?$/.exec(value.trim());
  const quota = Number(m?.[1]);
  const windowMs = Number(m?.[2]) * (WINDOW_UNITS[m?.[3] ?? 's'] ?? 1000);
  if (!m || quota < 1 || windowMs < 1 || !Number.isSafeInteger(quota) || !Number.isSafeInteger(windowMs)) {
    throw new InvalidArgumentError('Use <requests>/<window>, e.g. 150/30s (units ms, s, m).');
  }
  return { quota, windowMs };
}

/** A store hash as the fake accepts it: 1 to 64 letters, digits, `_` or `-`. */
export function parseStoreHash(value: string): string {
  if (!isStoreHash(value)) throw new InvalidArgumentError('Use 1 to 64 letters, digits, _ or -.');
  return value;
}

/** A token: non-empty, no spaces (it travels in a header). */
export function parseToken(value: string): string {
  if (!/^[\x21-\x7e]+$/.test(value))
    throw new InvalidArgumentError('Use a non-empty token of printable ASCII, no spaces.');
  return value;
}

/** A token of a repeatable flag: each one joins the list. */
export function collectToken(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), parseToken(value)];
}

/** An http(s) URL, returned without a trailing slash: `http://127.0.0.1:4010`, `https://api.bigcommerce.com`. */
export function parseHttpUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidArgumentError(
      'Use an http(s) URL, e.g. http://127.0.0.1:4010 or https://api.bigcommerce.com.',
    );
  }
  return value.replace(/\/+$/, '');
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** A duration in milliseconds from `<n>[ms|s|m]` (seconds when no unit): `90s`, `5m`, `500ms`. */
export function parseDuration(value: string): number {
  const m = /^(\d+)(ms|s|m)?$/.exec(value.trim());
  const ms = Number(m?.[1]) * (DURATION_UNITS[m?.[2] ?? 's'] ?? 1000);
  if (!m || ms < 1 || !Number.isSafeInteger(ms)) {
    throw new InvalidArgumentError('Use a duration such as 90s, 5m or 500ms (a plain number is seconds).');
  }
  return ms;
}
