/** Rate-limit information the API sends on every response (`X-Rate-Limit-*`, `X-Retry-After`). */
export interface RateLimit {
  /** `X-Rate-Limit-Time-Window-Ms`: length of the window. */
  windowMs: number;
  /** `X-Rate-Limit-Time-Reset-Ms`: time until the window resets. */
  resetMs: number;
  /** `X-Rate-Limit-Requests-Quota`: requests allowed per window. */
  quota: number;
  /** `X-Rate-Limit-Requests-Left`: requests left in this window. */
  left: number;
  /** `X-Retry-After` (sent with a 429): seconds to wait before retrying. */
  retryAfterSeconds?: number;
}

/** What the client keeps of the most recent response (`client.lastResponse`). */
export interface ResponseMeta {
  status: number;
  headers: Headers;
  /** Undefined when the four `X-Rate-Limit-*` headers are not all present (e.g. platform overload). */
  rateLimit: RateLimit | undefined;
}

const readInt = (headers: Headers, name: string): number | undefined => {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
};

/** Reads the rate-limit headers; undefined unless all four `X-Rate-Limit-*` headers are numbers. */
export function readRateLimit(headers: Headers): RateLimit | undefined {
  const windowMs = readInt(headers, 'X-Rate-Limit-Time-Window-Ms');
  const resetMs = readInt(headers, 'X-Rate-Limit-Time-Reset-Ms');
  const quota = readInt(headers, 'X-Rate-Limit-Requests-Quota');
  const left = readInt(headers, 'X-Rate-Limit-Requests-Left');
  if (windowMs === undefined || resetMs === undefined || quota === undefined || left === undefined) {
    return undefined;
  }
  const retryAfterSeconds = readRetryAfter(headers);
  return retryAfterSeconds === undefined
    ? { windowMs, resetMs, quota, left }
    : { windowMs, resetMs, quota, left, retryAfterSeconds };
}

/** Reads `X-Retry-After` (seconds), if present. */
export const readRetryAfter = (headers: Headers): number | undefined => readInt(headers, 'X-Retry-After');

/** The metadata of one response. */
export const describeResponse = (response: Response): ResponseMeta => ({
  status: response.status,
  headers: response.headers,
  rateLimit: readRateLimit(response.headers),
});
