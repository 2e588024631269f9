/**
 * One log line per request: text for people, or one JSON object per line for log tools. Never
 * tokens, bodies or query strings: the path without its query, the status, the time taken, and
 * for a refused request the platform's message plus the fake's reason (the answer shows only the
 * first; the log says why).
 */

/** How request lines are written. */
export type LogFormat = 'text' | 'json';

/** What is logged of one request. */
export interface RequestRecord {
  time: number;
  method: string;
  /** The path, without the query. */
  path: string;
  status: number;
  durationMs: number;
  /** The store hash, for store requests. */
  store?: string;
  operationId?: string;
  /** For 4xx and 5xx: what went wrong. */
  message?: string;
}

/** The line of a request, in the given format. */
export function formatRequest(r: RequestRecord, format: LogFormat): string {
  if (format === 'json') {
    return JSON.stringify({
      time: new Date(r.time).toISOString(),
      method: r.method,
      path: r.path,
      status: r.status,
      duration_ms: Number(r.durationMs.toFixed(2)),
      ...(r.store === undefined ? {} : { store: r.store }),
      ...(r.operationId === undefined ? {} : { operationId: r.operationId }),
      ...(r.message === undefined ? {} : { message: r.message }),
    });
  }
  const line = `${new Date(r.time).toISOString()} ${r.method} ${r.path} ${r.status} ${r.durationMs.toFixed(1)}ms`;
  return r.message === undefined ? line : `${line} - ${r.message}`;
}

/** The line of an internal error (a bug in the fake), in the given format. */
export function formatError(time: number, err: unknown, format: LogFormat): string {
  const message = err instanceof Error ? err.message : String(err);
  const stack = err instanceof Error ? err.stack : undefined;
  if (format === 'json') {
    return JSON.stringify({
      time: new Date(time).toISOString(),
      level: 'error',
      message,
      ...(stack ? { stack } : {}),
    });
  }
  return `error: ${stack ?? message}`;
}
