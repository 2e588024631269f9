/**
 * Lingering close: when an answer that closes the connection (a 413) goes out before the request
 * body has arrived, stop reading politely instead of closing at once.
 *
 * Closing a socket that has unread bytes, or that gets more after it is closed, makes the kernel
 * send RST, and a client still sending its body can lose the answer it has not read yet. So the
 * socket half-closes (FIN after the answer), reads and discards what the client still sends, and
 * closes once the body has ended or the client has closed, or when a byte or time limit is reached.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How much and how long a client may go on sending after an answer that closes its connection. */
export interface DrainLimits {
  /** Body bytes read (and discarded) after the answer before the socket is closed anyway. */
  maxBytes: number;
  /** Milliseconds after the answer before the socket is closed anyway. */
  maxMs: number;
}

/** True when the request announces a body: a Content-Length other than 0, or a Transfer-Encoding. */
export function announcesBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/** Arms the lingering close for one request; it acts only if the answer finishes before the body. */
export function lingerAfterEarlyAnswer(req: IncomingMessage, res: ServerResponse, limits: DrainLimits): void {
  // Prepended so that it runs before node's own 'finish' handler, which would dump the rest of the
  // body (out of sight of the byte count) and close the socket.
  res.prependOnceListener('finish', () => {
    if (!req.complete && req.socket) drainThenClose(req, limits);
  });
}

function drainThenClose(req: IncomingMessage, limits: DrainLimits): void {
  const socket = req.socket;
  const nodeDestroySoon = socket.destroySoon;
  let drained = 0;
  let closing = false;
  const cut = (): void => {
    socket.destroy();
  };
  // Counted and dropped: nothing is kept. On a keep-alive answer this is all that happens, as
  // node's own dump of an unread body would do.
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (closing && drained > limits.maxBytes) cut();
  });
  // Node ends the socket of an answer with `Connection: close` by `destroySoon()`: FIN, and destroy
  // as soon as the FIN is out, whatever the client is still sending. For this socket, it waits.
  socket.destroySoon = () => {
    closing = true;
    socket.destroySoon = nodeDestroySoon;
    if (socket.writable) socket.end();
    if (drained > limits.maxBytes) return cut();
    const timer = setTimeout(cut, limits.maxMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    // The whole body is in: nothing more should come, and node's way of closing is safe now.
    req.once('end', () => socket.destroySoon());
  };
  req.once('end', () => {
    if (!closing) socket.destroySoon = nodeDestroySoon;
  });
}
