/**
 * A listening fake that records every answer it sends, so tests that drive it through a real
 * client (over a socket, not `inject`) can still check each answer against the spec.
 */
import { createServer, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from '../src/app.js';
import { checkExchange, type ExchangeToCheck } from '../src/spec-conformance.js';

/** A listening fake whose answers are recorded; close it in the test. */
export interface TappedServer {
  url: string;
  port: number;
  app: App;
  /** Every answer sent so far, in order. */
  exchanges: ExchangeToCheck[];
  /** Each way a recorded answer breaks the spec (empty when all conform). */
  violations(): string[];
  close(): Promise<void>;
}

const lowerKeys = (headers: OutgoingHttpHeaders): ExchangeToCheck['headers'] =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** `[name, value, name, value, ...]` (the flat form `writeHead` also takes) as an object. */
const pairs = (flat: readonly unknown[]): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = flat[i + 1] as string;
  return out;
};

type Chunk = string | Uint8Array | undefined | (() => void);

/** Wraps `writeHead`/`write`/`end` of one response to record status, headers and body. */
export function record(
  res: ServerResponse,
  done: (status: number, headers: ExchangeToCheck['headers'], body: string) => void,
) {
  const chunks: Buffer[] = [];
  let headers: ExchangeToCheck['headers'] = {};
  const keep = (chunk: Chunk) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const patched = res as unknown as Record<'writeHead' | 'write' | 'end', (...args: unknown[]) => unknown>;
  patched.writeHead = (status: unknown, ...rest: unknown[]) => {
    const given = rest.find((r) => typeof r === 'object' && r !== null) as
      OutgoingHttpHeaders | readonly unknown[] | undefined;
    headers = {
      ...headers,
      ...lowerKeys(Array.isArray(given) ? pairs(given) : ((given as OutgoingHttpHeaders) ?? {})),
    };
    return writeHead(status, ...rest);
  };
  patched.write = (chunk: unknown, ...rest: unknown[]) => {
    keep(chunk as Chunk);
    return write(chunk, ...rest);
  };
  patched.end = (chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk as Chunk);
    return end(chunk, ...rest);
  };
  res.once('finish', () =>
    done(
      res.statusCode,
      { ...lowerKeys(res.getHeaders()), ...headers },
      // node sends no body on HEAD, whatever the handler passed to end().
      res.req?.method === 'HEAD' ? '' : Buffer.concat(chunks).toString('utf8'),
    ),
  );
}

/** Starts the fake (fast password hashing) on 127.0.0.1 and a free port, recording every answer. */
export async function tappedServer(options: AppOptions = {}): Promise<TappedServer> {
  const app = createApp({ passwordCost: 16, ...options });
  const exchanges: ExchangeToCheck[] = [];
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    record(res, (status, headers, body) => exchanges.push({ method, url, status, headers, body }));
    app.handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    app,
    exchanges,
    violations: () => exchanges.flatMap((x) => checkExchange(x)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
