/**
 * A fake that breaks its contract on purpose, for tests that prove the contract checks catch a
 * provider that does: the test wraps the app's handler and rewrites the bodies it sends.
 */
import { createServer, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';

/** A running faulty fake. */
export interface FaultyServer {
  url: string;
  close(): Promise<void>;
}

const STORE_CREDIT = /"store_credit":"(-?\d+(?:\.\d+)?)"/g;

/** Customers answer `store_credit` as a JSON number (`0`) instead of the platform's string (`"0.0000"`). */
export const storeCreditAsNumber = (body: string): string =>
  body.replace(STORE_CREDIT, (_, amount: string) => `"store_credit":${Number(amount)}`);

/** Holds a response's head until its body is known, then sends the rewritten body with its length. */
function rewriting(res: ServerResponse, rewrite: (body: string) => string): void {
  const writeHead = res.writeHead.bind(res) as (
    status: number,
    headers: OutgoingHttpHeaders | unknown[],
  ) => void;
  const end = res.end.bind(res) as (chunk?: unknown) => void;
  let head: [number, unknown[]] = [200, []];
  (res as unknown as { writeHead: unknown }).writeHead = (status: number, headers: unknown[]) => {
    head = [status, headers];
    return res;
  };
  (res as unknown as { end: unknown }).end = (chunk?: string | Buffer) => {
    const body = chunk === undefined ? undefined : rewrite(chunk.toString());
    const headers = [...head[1]];
    const at = headers.indexOf('Content-Length');
    if (at >= 0 && body !== undefined) headers[at + 1] = Buffer.byteLength(body);
    writeHead(head[0], headers);
    end(body);
    return res;
  };
}

/** Starts a fake on 127.0.0.1 and a free port whose answers pass through `rewrite`. */
export async function faultyServer(rewrite: (body: string) => string): Promise<FaultyServer> {
  const app = createApp({ passwordCost: 16 });
  const server = createServer((req, res) => {
    rewriting(res, rewrite);
    app.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.close();
    },
  };
}
