/** The journal as the admin API shows it: records rendered (secrets redacted) and filtered. */
import { ApiError } from '../errors.js';
import { replyText } from '../http/reply.js';
import { storeHeaders } from './fault-answers.js';
import type { JournalRecord } from './journal.js';
import { compileMatch } from './matcher.js';
import { redactHeaders, redactValue } from './redact.js';
import { parseInstant } from './time-values.js';

/** A journal entry as JSON. */
export interface JournalEntry {
  id: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  operationId: string | null;
  request: { headers: Record<string, string>; body: unknown };
  response: { status: number | null; headers: Record<string, string>; body: unknown };
  duration_ms: number | null;
  fault: { rule: string; type: string; status?: number; delay_ms: number; handled: boolean } | null;
}

/** The query as an object; a repeated name gives an array. */
function queryObject(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** JSON text as a value; text that is not JSON stays text; no text is null. */
function bodyValue(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What went on the wire: the fault's answer when one replaced the store's, else the store's. */
function response(r: JournalRecord): JournalEntry['response'] {
  const sent = r.fault?.sent;
  if (sent === null) return { status: null, headers: {}, body: null };
  if (sent) return { status: sent.status, headers: sent.headers, body: bodyValue(sent.body) };
  const headers: Record<string, string> = { ...storeHeaders(r.rate), ...r.reply.headers };
  const text = recordedText(r.reply);
  if (r.reply.parts || r.reply.bytes || r.reply.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(text));
  }
  return { status: r.reply.status, headers, body: bodyValue(r.method === 'HEAD' ? '' : text) };
}

/** A recorded reply's body text: the page its parts make, or its own text. */
const recordedText = (reply: JournalRecord['reply']): string =>
  reply.parts ? `[${reply.parts.map((p) => p.toString('utf8')).join(',')}]` : replyText(reply);

/** A record as JSON, secrets redacted. */
export function renderEntry(r: JournalRecord): JournalEntry {
  const f = r.fault;
  return {
    id: r.id,
    time: new Date(r.at).toISOString(),
    method: r.method,
    path: r.path,
    query: queryObject(r.search),
    operationId: r.operationId,
    request: { headers: redactHeaders(r.headers), body: r.body === undefined ? null : redactValue(r.body) },
    response: response(r),
    duration_ms: r.durationMs === null ? null : Math.round(r.durationMs * 1000) / 1000,
    fault: f
      ? {
          rule: f.rule,
          type: f.effect?.type ?? 'delay',
          ...(f.effect?.type === 'status' ? { status: f.effect.status } : {}),
          delay_ms: Math.round(f.delayMs),
          handled: f.handled,
        }
      : null,
  };
}

/** Keeps the records a `GET .../requests` query selects: method, path, operationId, status, since, after, limit. */
export function filterRecords(records: JournalRecord[], hash: string, q: URLSearchParams): JournalRecord[] {
  const match = compileMatch(
    {
      ...(q.get('method') ? { method: q.get('method') as string } : {}),
      ...(q.get('path') ? { path: q.get('path') as string } : {}),
      ...(q.get('operationId') ? { operationId: q.get('operationId') as string } : {}),
    },
    hash,
  );
  const status = q.get('status');
  const statusOf = (r: JournalRecord): number | null =>
    r.fault?.sent === null ? null : (r.fault?.sent?.status ?? r.reply.status);
  const statusTest = status === null ? null : statusFilter(status);
  const since = q.get('since');
  const sinceMs = since === null ? null : parseInstant(/^\d+$/.test(since) ? Number(since) : since);
  if (since !== null && sinceMs === null)
    throw new ApiError(400, `The query parameter 'since' is invalid.`, {
      invalid_reason: 'Give an ISO 8601 date-time or epoch milliseconds.',
    });
  const after = Number(q.get('after') ?? 0);
  const out = records.filter(
    (r) =>
      r.id > after &&
      (sinceMs === null || r.at >= sinceMs) &&
      (statusTest === null || statusTest(statusOf(r))) &&
      match.test(r),
  );
  const limit = q.get('limit');
  return limit === null ? out : out.slice(-Math.max(0, Number(limit)));
}

/** `404`, `4xx` or `none` (no answer) as a test on a status. */
function statusFilter(text: string): (s: number | null) => boolean {
  if (text === 'none') return (s) => s === null;
  const m = /^([1-5])(\d|x)(\d|x)$/i.exec(text);
  if (!m)
    throw new ApiError(400, `The query parameter 'status' is invalid.`, {
      invalid_reason: 'Give a status (404), a class (4xx) or none.',
    });
  const re = new RegExp(`^${text.toLowerCase().replace(/x/g, '\\d')}$`);
  return (s) => s !== null && re.test(String(s));
}
