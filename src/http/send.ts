/**
 * Writing a reply: the rate-limit and store-version headers, the reply's own, the length, then
 * the body (or none for HEAD), in one `writeHead`/`end`; a streamed body goes out chunked.
 */
import type { ServerResponse } from 'node:http';
import { pipeline, Readable } from 'node:stream';
import { STORE_VERSION } from '../config.js';
import { xmlReply } from '../representation/xml.js';
import type { Reply } from './reply.js';
import { corsHeaders } from './cors.js';

/** The reply as it goes out: in the format asked for, with CORS headers for an allowed origin. */
export function present(
  reply: Reply,
  format: 'json' | 'xml' | 'not-acceptable' | undefined,
  operationId: string | undefined,
  origin: string | undefined,
): Reply {
  const sent = format === 'xml' ? xmlReply(reply, operationId) : reply;
  return origin === undefined ? sent : withHeaders(sent, corsHeaders(origin));
}

/** Writes a reply; a HEAD answer has the headers of the GET and no body. */
export function send(
  res: ServerResponse,
  reply: Reply,
  rate: Record<string, string> | undefined,
  head: boolean,
): void {
  if (res.headersSent || res.destroyed) return;
  // The headers of {...rate, ...reply.headers, Content-Type, Content-Length} (a later value of a
  // name replaces the earlier one in its place) as a flat list: building an object by spreads and
  // added keys costs more than the rest of a simple request.
  const headers: (string | number)[] = [];
  if (rate) {
    for (const name in rate) headers.push(name, rate[name] as string);
    headers.push('X-BC-Store-Version', STORE_VERSION);
  }
  if (reply.headers) for (const name in reply.headers) put(headers, name, reply.headers[name] as string);
  // [control] A streamed body (a store's ndjson export) goes out chunked, as it is produced.
  if (reply.stream) {
    res.writeHead(reply.status, headers);
    if (head) res.end();
    else pipeline(Readable.from(reply.stream), res, () => {});
    return;
  }
  const body = reply.bytes ?? reply.body;
  if (body !== undefined) {
    if (reply.headers?.['Content-Type'] === undefined) put(headers, 'Content-Type', 'application/json');
    put(headers, 'Content-Length', typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  }
  res.writeHead(reply.status, headers);
  res.end(head ? undefined : body);
}

/** A reply with more headers (the reply's own win). */
export const withHeaders = (reply: Reply, headers: Record<string, string>): Reply => ({
  ...reply,
  headers: { ...headers, ...reply.headers },
});

/** Sets a header in a flat `[name, value, ...]` list: replaces the value of that name, or appends. */
function put(headers: (string | number)[], name: string, value: string | number): void {
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i] === name) {
      headers[i + 1] = value;
      return;
    }
  }
  headers.push(name, value);
}
