/** The one reply shape: what routes and the control plane answer, and what `send` writes. */

/** A handler's answer: status, optional JSON text or bytes, optional headers. */
export interface Reply {
  status: number;
  body?: string;
  /** The JSON body as UTF-8 bytes (from cached JSON), sent as is; when set, `body` is unused. */
  bytes?: Buffer;
  /**
   * [control] The cached documents a page's `bytes` were put together from, so that the journal
   * can keep them instead of the page (kept pages would hold their memory and cost collections).
   */
  parts?: Buffer[];
  headers?: Record<string, string>;
  /** For the request log only: what went wrong, in words (never sent). */
  note?: string;
  /** A body produced as it is sent (the admin API's ndjson export); `headers` carry its type. */
  stream?: AsyncIterable<string | Buffer>;
}

/** A reply's body as text: its bytes decoded, else its text, else empty. */
export const replyText = (r: Reply): string => (r.bytes ? r.bytes.toString('utf8') : (r.body ?? ''));
