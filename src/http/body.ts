/** Reading a request body: size cap, JSON content type, strict UTF-8, safe JSON parsing. */
import type { IncomingMessage } from 'node:http';
import sjson from 'secure-json-parse';
import { ApiError, malformedBody, payloadTooLarge, unsupportedMediaType } from '../errors.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and parses a JSON body, or throws the platform's 400/413/415. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) throw unsupportedMediaType();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw payloadTooLarge(maxBytes);
    chunks.push(chunk);
  }
  return parseJson(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
}

/** Parses UTF-8 JSON bytes, refusing `__proto__`/`constructor.prototype` keys. */
export function parseJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw malformedBody('The body is not valid UTF-8.');
  }
  if (text.trim() === '') throw malformedBody('The body is empty.');
  try {
    return sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/prototype/i.test(message))
      throw malformedBody('Keys that modify object prototypes are not allowed.');
    throw malformedBody(message);
  }
}
