/**
 * The answers of injected status faults, in the platform's shapes (documented in spec/admin.yaml):
 * 500 and 503 come from the application (the v2 error array, with the store's headers); 502 and
 * 504 come from the API gateway (its object, as for 401/403); 429 is the rate limiter's answer
 * with all four `X-Rate-Limit-*` headers, none left, and `X-Retry-After`.
 */
import { STORE_VERSION } from '../config.js';
import { ApiError, renderError, tooManyRequests } from '../errors.js';
import { replyText, type Reply } from '../http/reply.js';

/** The header that marks an injected answer, naming the rule (the suite's spec check knows it). */
export const FAULT_HEADER = 'X-Fakestore-Fault';

/** An answer to put on the wire. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const MESSAGES: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A status fault's reply, and the headers the platform sends with it (rate limits, store version). */
export function statusReply(
  status: number,
  rate: Record<string, string> | undefined,
  retryAfter?: number,
): { reply: Reply; extra: Record<string, string> } {
  const gateway = status === 502 || status === 504;
  const error =
    status === 429
      ? tooManyRequests()
      : new ApiError(status, MESSAGES[status] ?? 'Error', undefined, gateway ? 'gateway' : 'v2');
  const extra: Record<string, string> = { ...rate };
  if (status === 429) {
    const resetMs =
      retryAfter !== undefined ? retryAfter * 1000 : Number(rate?.['X-Rate-Limit-Time-Reset-Ms'] ?? 1000);
    extra['X-Rate-Limit-Requests-Left'] = '0';
    extra['X-Rate-Limit-Time-Reset-Ms'] = String(resetMs);
    extra['X-Retry-After'] = String(retryAfter ?? Math.max(1, Math.ceil(resetMs / 1000)));
  }
  if (!gateway) extra['X-BC-Store-Version'] = STORE_VERSION;
  return { reply: { status, body: renderError(error).body }, extra };
}

/** A reply as it goes on the wire: `extra` headers first, the reply's own, its type and length, the marker. */
export function answerOf(reply: Reply, extra: Record<string, string>, rule: string, body?: string): Answer {
  const text = body ?? replyText(reply);
  return {
    status: reply.status,
    headers: {
      ...extra,
      ...reply.headers,
      'Content-Type': reply.headers?.['Content-Type'] ?? 'application/json',
      'Content-Length': String(Buffer.byteLength(text)),
      [FAULT_HEADER]: rule,
    },
    body: text,
  };
}

/** The headers `send` puts before a store reply's own: the rate limits and the store version. */
export const storeHeaders = (rate: Record<string, string> | undefined): Record<string, string> =>
  rate ? { ...rate, 'X-BC-Store-Version': STORE_VERSION } : {};

/** A body that is not JSON (nor XML): the store's with its last character cut (`[{...}` or `{`). */
export const broken = (text: string): string => (text.length > 1 ? text.slice(0, -1) : '{');

/** A status that may carry a body: 204 and 304 become 200. */
export const withRoomForBody = (status: number): number => (status === 204 || status === 304 ? 200 : status);
