/** Reading a request body: size cap, JSON content type, strict UTF-8, safe JSON parsing. */
import type { IncomingMessage } from 'node:http';
import sjson from 'secure-json-parse';
import { ApiError, malformedBody, payloadTooLarge, unsupportedMediaType } from '../errors.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the request declares (Content-Length) a body over `maxBytes`. */
export function declaresTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  return Number(req.headers['content-length'] ?? 0) > maxBytes;
}

/** Reads and parses a JSON body, or throws the platform's 400/413/415. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) throw unsupportedMediaType();
  if (declaresTooLarge(req, maxBytes)) throw refuse(req, maxBytes);
  return parseJson(await readCapped(req, maxBytes));
}

/**
 * Collects a body of at most `maxBytes`. Past that it rejects with the 413 and lets the rest flow
 * away unread. The request is never destroyed: that would stop node reading the socket, and closing
 * a socket with unread bytes resets the connection before the client has read the 413.
 */
function readCapped(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      chunks.length = 0;
      reject(refuse(req, maxBytes));
    };
    const onEnd = (): void => {
      stop();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (err: Error): void => {
      stop();
      reject(err);
    };
    const onClose = (): void => onError(new Error('The request closed before its body ended.'));
    function stop(): void {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    }
    req.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
  });
}

/** The 413 for a body over the cap; the rest of the body is left flowing, to be discarded unread. */
function refuse(req: IncomingMessage, maxBytes: number): Error {
  // A flowing stream without 'data' listeners drops its chunks: nothing is buffered.
  req.resume();
  return payloadTooLarge(maxBytes);
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
