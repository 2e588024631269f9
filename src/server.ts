/** Listening and closing: the only code that opens a socket. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from './app.js';

/** Options of `startServer`: the app's, plus where to listen. */
export interface ServerOptions extends AppOptions {
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Interface; default 127.0.0.1. */
  host?: string;
  /** Milliseconds a client gets to send a whole request (slow bodies); default 10 s. */
  requestTimeoutMs?: number;
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
  const { port = 0, host = '127.0.0.1', requestTimeoutMs = 10_000, ...appOptions } = options;
  const app = createApp(appOptions);
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
    app.handle,
  );
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
