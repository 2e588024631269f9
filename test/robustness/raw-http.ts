/**
 * A raw HTTP/1.1 client on one socket, for what `fetch` cannot do: hold off reading, send
 * `Expect: 100-continue` and watch for the interim answer, or see how the connection ended.
 */
import { connect, type Socket } from 'node:net';

/** One socket to the fake, with everything it received and how it ended. */
export interface RawConnection {
  socket: Socket;
  /** Everything received so far, one character per byte (latin1), as `parseAnswer` takes it. */
  received(): string;
  /** Resolves once the socket is closed, with the error code it ended on (undefined: a clean close). */
  closed: Promise<string | undefined>;
  /** Resolves once `text` has been received (or the socket closed first). */
  until(test: (received: string) => boolean): Promise<string>;
}

/**
 * Opens a socket to 127.0.0.1:`port`. `paused` holds off reading until `socket.resume()`;
 * `staysOpen` keeps sending after the server's FIN (by default this side then ends too).
 */
export function rawConnection(port: number, { paused = false, staysOpen = false } = {}): RawConnection {
  const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  if (paused) socket.pause();
  let text = '';
  let error: string | undefined;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  socket.on('data', (d: Buffer) => {
    text += d.toString('latin1');
    wake();
  });
  if (!staysOpen) socket.on('end', () => socket.end());
  socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
  const closed = new Promise<string | undefined>((resolve) =>
    socket.on('close', () => {
      wake();
      resolve(error);
    }),
  );
  return {
    socket,
    received: () => text,
    closed,
    until: (test) =>
      new Promise((resolve) => {
        const check = () => {
          if (test(text) || socket.destroyed) resolve(text);
          else waiters.push(check);
        };
        check();
      }),
  };
}

/** Writes bytes and resolves once they are handed to the kernel (rejects on a write error). */
export function send(socket: Socket, bytes: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => socket.write(bytes, (err) => (err ? reject(err) : resolve())));
}

/**
 * Splits a raw HTTP/1.1 answer (one character per byte) into status, lower-cased headers and the
 * body (its Content-Length bytes, decoded as UTF-8).
 */
export function parseAnswer(text: string): { status: number; headers: Record<string, string>; text: string } {
  const at = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, at).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  const rest = text.slice(at + 4);
  const length = headers['content-length'];
  const body = length === undefined ? rest : rest.slice(0, Number(length));
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    text: Buffer.from(body, 'latin1').toString('utf8'),
  };
}

/** True once `text` holds a whole answer: its head and a body of its Content-Length. */
export function hasWholeAnswer(text: string): boolean {
  const at = text.indexOf('\r\n\r\n');
  if (at === -1) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, at));
  return text.length >= at + 4 + Number(length?.[1] ?? 0);
}
