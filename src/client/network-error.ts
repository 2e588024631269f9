/**
 * Thrown by every client method when no HTTP answer arrived: the host is unknown, nothing listens,
 * the connection broke. It names the request; `BigCommerceApiError` is for answers outside 2xx.
 * It extends `TypeError`, what `fetch` throws for the same failures, so existing handlers still match.
 */
export class BigCommerceNetworkError extends TypeError {
  override readonly name = 'BigCommerceNetworkError';
  /** The method of the request that got no answer. */
  readonly method: string;
  /** The URL of that request. */
  readonly url: string;
  /** The system error code when there is one: `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, ... */
  readonly code: string | undefined;

  constructor(init: { method: string; url: string; error: unknown }) {
    const root = rootCause(init.error);
    const code =
      typeof (root as { code?: unknown }).code === 'string' ? (root as { code: string }).code : undefined;
    const reason = code ?? (root instanceof Error ? root.message : String(root));
    super(`${init.method} ${init.url} got no answer (${reason})`, { cause: root });
    this.method = init.method;
    this.url = init.url;
    this.code = code;
  }
}

/** The innermost `cause` of an error: fetch's "fetch failed" wraps the system error that says why. */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 8; depth++) {
    const cause = current instanceof Error ? current.cause : undefined;
    if (cause === undefined || cause === null) return current;
    current = cause;
  }
  return current;
}
