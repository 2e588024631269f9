/** Listening and closing: the only code that opens a socket. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from './app.js';
import { declaresTooLarge } from './http/body.js';
import { announcesBody, lingerAfterEarlyAnswer } from './http/lingering-close.js';

/** Options of `startServer`: the app's, plus where to listen. */
export interface ServerOptions extends AppOptions {
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Interface; default 127.0.0.1. */
  host?: string;
  /** Milliseconds a client gets to send a whole request (slow bodies); default 10 s. */
  requestTimeoutMs?: number;
  /**
   * After an answer that closes the connection before the request body arrived (a 413), how many
   * more body bytes are read and discarded, so that the client reads the answer, before the socket
   * is closed anyway; default 64 MiB.
   */
  drainMaxBytes?: number;
  /** Milliseconds that draining may last at most (within `requestTimeoutMs`); default 5 s. */
  drainMaxMs?: number;
}

/** A running fake. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  app: App;
  server: Server;
  /** Stops listening, closes every connection, then the store backend. */
  close(): Promise<void>;
}

/** Starts the fake on a port (a free one by default) and resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    requestTimeoutMs = 10_000,
    drainMaxBytes = 64 * 1024 * 1024,
    drainMaxMs = 5_000,
    ...appOptions
  } = options;
  const app = createApp(appOptions);
  const drain = { maxBytes: drainMaxBytes, maxMs: drainMaxMs };
  const headersTimeout = Math.min(requestTimeoutMs, 10_000);
  const server = createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout,
      keepAliveTimeout: 5_000,
      // Node enforces both timeouts only when it checks (every 30 s by default): check often
      // enough that a slow client is cut off near its timeout, not up to 30 s later.
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(headersTimeout / 2))),
    },
    (req, res) => {
      if (announcesBody(req)) lingerAfterEarlyAnswer(req, res, drain);
      app.handle(req, res);
    },
  );
  // Node answers `Expect: 100-continue` with 100 Continue before any handler sees the request. A
  // body declared over the cap is refused at once instead (the app answers 413 before reading),
  // so the client does not send it; any other goes on as a request after the 100.
  server.on('checkContinue', (req, res) => {
    if (!declaresTooLarge(req, app.options.maxBodyBytes)) res.writeContinue();
    server.emit('request', req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actual}`,
    port: actual,
    app,
    server,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      await app.close();
    },
  };
}
