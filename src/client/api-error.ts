import type { ErrorItem } from '../types.js';
import { readRetryAfter, type RateLimit } from './rate-limit.js';

/** Thrown by every client method when the API answers with a status outside 2xx. */
export class BigCommerceApiError extends Error {
  override readonly name = 'BigCommerceApiError';
  /** The HTTP status. */
  readonly status: number;
  /** The message of each error item, in order. */
  readonly messages: string[];
  /** The v2 error items; the gateway object (401/403) becomes one item whose message is its `title`. */
  readonly errors: ErrorItem[];
  /** The response body as sent. */
  readonly body: string;
  /** The rate-limit headers of the failed response, when all four were sent. */
  readonly rateLimit: RateLimit | undefined;
  /** `X-Retry-After` in seconds (sent with a 429), even when the other rate-limit headers are missing. */
  readonly retryAfterSeconds: number | undefined;
  /** The response headers. */
  readonly headers: Headers;

  constructor(init: { status: number; body: string; headers: Headers; rateLimit: RateLimit | undefined }) {
    const errors = parseErrorBody(init.status, init.body);
    super(describe(init.status, errors));
    this.status = init.status;
    this.errors = errors;
    this.messages = errors.map((item) => item.message);
    this.body = init.body;
    this.headers = init.headers;
    this.rateLimit = init.rateLimit;
    this.retryAfterSeconds = readRetryAfter(init.headers);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const toDetails = (value: unknown): Record<string, string> | undefined => {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
};

const toItem = (status: number, value: unknown): ErrorItem | undefined => {
  if (!isRecord(value)) return undefined;
  const text = typeof value.message === 'string' ? value.message : value.title;
  if (typeof text !== 'string') return undefined;
  const item: ErrorItem = { status: typeof value.status === 'number' ? value.status : status, message: text };
  const details = toDetails(value.details);
  return details ? { ...item, details } : item;
};

/**
 * Turns an error body into v2 error items: the v2 array item by item, the gateway object
 * `{status, title, type, errors}` (or a lone `{status, message}`) as one item; anything else gives none.
 */
export function parseErrorBody(status: number, body: string): ErrorItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const values: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  return values.map((value) => toItem(status, value)).filter((item): item is ErrorItem => item !== undefined);
}

const describe = (status: number, errors: ErrorItem[]): string => {
  if (errors.length === 0) return `BigCommerce API answered ${status}`;
  const texts = errors.map((item) => {
    const reasons = Object.values(item.details ?? {});
    return reasons.length > 0 ? `${item.message} (${reasons.join('; ')})` : item.message;
  });
  return `BigCommerce API answered ${status}: ${texts.join(' ')}`;
};
