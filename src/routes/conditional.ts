/**
 * Conditional GETs of single resources: `Last-Modified` from the record's `date_modified`, and a
 * 304 with no body when `If-Modified-Since` is at or after it (sheet 6.9).
 */
import type { IncomingMessage } from 'node:http';
import type { Reply } from './route.js';

// Reads of one record repeat its date: remember the last one formatted.
let lastMs = NaN;
let lastText = '';
const httpDate = (ms: number): string => {
  if (ms !== lastMs) {
    lastText = new Date(ms).toUTCString();
    lastMs = ms;
  }
  return lastText;
};

/** The reply, or a 304 when the client's copy is current; either way with `Last-Modified`. */
export function conditional(req: IncomingMessage, modifiedMs: number, reply: () => Reply): Reply {
  const lastModified = httpDate(modifiedMs);
  const since = req.headers['if-modified-since'];
  const sinceMs = since === undefined ? NaN : Date.parse(since);
  if (!Number.isNaN(sinceMs) && modifiedMs <= sinceMs) {
    return { status: 304, headers: { 'Last-Modified': lastModified } };
  }
  const r = reply();
  return { ...r, headers: { ...r.headers, 'Last-Modified': lastModified } };
}
