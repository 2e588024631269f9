/**
 * Oversized bodies always get their 413: whether the client sends a declared 12 MB body with
 * `fetch`, asks first with `Expect: 100-continue`, or streams a chunked body past the cap, and
 * whether it reads while it sends or only after, it reads the 413 (v2 error array, rate-limit
 * headers, `Connection: close`). Every answer is checked against the spec: the raw ones here, and
 * all of them by `testServer()` when it closes.
 */
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { assertConforms, newCustomer, testServer, TOKEN } from '../helpers.js';
import { hasWholeAnswer, parseAnswer, rawConnection, send } from './raw-http.js';

const MiB = 1024 * 1024;
const BIG = 12 * MiB;
const FETCH_TRIES = 30;
/** Room for the 12 MB repeats on a loaded machine (a guard against hanging, not a timing check). */
const REPEATS_TIMEOUT = 60_000;

/** The head of a JSON POST to a store's customers, with extra header lines. */
const postHead = (hash: string, lines: string[]): string =>
  [
    `POST /stores/${hash}/v2/customers HTTP/1.1`,
    'Host: x',
    `X-Auth-Token: ${TOKEN}`,
    'Content-Type: application/json',
    ...lines,
    '',
    '',
  ].join('\r\n');

/** A chunked encoding of `total` bytes of filler in 64 KiB chunks, with the last chunk. */
function chunked(total: number): Buffer {
  const size = 64 * 1024;
  const chunk = Buffer.concat([
    Buffer.from(`${size.toString(16)}\r\n`),
    Buffer.alloc(size, 'x'),
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([
    ...Array.from({ length: Math.ceil(total / size) }, () => chunk),
    Buffer.from('0\r\n\r\n'),
  ]);
}

/** Sends a whole body; resolves with the error code the write failed on (undefined when it did not). */
const sendAll = (socket: Socket, bytes: Buffer): Promise<string | undefined> =>
  send(socket, bytes).then(
    () => undefined,
    (err: NodeJS.ErrnoException) => err.code ?? err.message,
  );

/** Expects a raw answer to be the store's 413: spec-conforming, closing the connection. */
function expect413(raw: string, url: string): void {
  const answer = parseAnswer(raw);
  expect(answer.status, `answer: ${JSON.stringify(raw.slice(0, 80))}`).toBe(413);
  expect(answer.headers.connection).toBe('close');
  expect(answer.headers['x-rate-limit-requests-left']).toMatch(/^\d+$/);
  expect(JSON.parse(answer.text)).toEqual([{ status: 413, message: expect.stringMatching(/larger than/) }]);
  assertConforms('POST', url, answer);
}

/** Expects a fetch answer to be the store's 413, and checks it against the spec. */
async function expectFetched413(res: Response, url: string): Promise<void> {
  const text = await res.text();
  expect(res.status).toBe(413);
  expect(res.headers.get('connection')).toBe('close');
  expect(JSON.parse(text)).toEqual([{ status: 413, message: expect.stringMatching(/larger than/) }]);
  assertConforms('POST', url, { status: res.status, headers: Object.fromEntries(res.headers), text });
}

/** Expects the fake to go on serving: a fresh request on a new connection gets its answer. */
async function expectStillServing(s: RunningServer, hash: string): Promise<void> {
  const res = await fetch(`${s.url}/stores/${hash}/v2/customers/count`, {
    headers: { 'X-Auth-Token': TOKEN },
  });
  expect(await res.json()).toEqual({ count: 0 });
}

describe('a declared body over the cap', () => {
  it(
    `answers each of ${FETCH_TRIES} fetches of a 12 MB body with the 413, never a dropped connection`,
    async () => {
      const s = await testServer();
      const url = `${s.url}/stores/fetch12/v2/customers`;
      const body = JSON.stringify(newCustomer(1, { notes: 'x'.repeat(BIG) }));
      try {
        for (let i = 0; i < FETCH_TRIES; i++) {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' },
            body,
          });
          await expectFetched413(res, '/stores/fetch12/v2/customers');
        }
        await expectStillServing(s, 'fetch12');
      } finally {
        await s.close();
      }
    },
    REPEATS_TIMEOUT,
  );

  it(
    'delivers the 413 to a client that sends all 12 MB before it reads',
    async () => {
      const s = await testServer();
      const url = '/stores/late-reader/v2/customers';
      try {
        for (let i = 0; i < 3; i++) {
          const c = rawConnection(s.port, { paused: true });
          await send(c.socket, postHead('late-reader', [`Content-Length: ${BIG}`]));
          const writeError = await sendAll(c.socket, Buffer.alloc(BIG, 'x'));
          c.socket.resume();
          const closeError = await c.closed;
          expect413(c.received(), url);
          expect([writeError, closeError]).toEqual([undefined, undefined]);
        }
        await expectStillServing(s, 'late-reader');
      } finally {
        await s.close();
      }
    },
    REPEATS_TIMEOUT,
  );
});

describe('Expect: 100-continue', () => {
  it('answers a Content-Length over the cap with the 413 at once, without 100 Continue', async () => {
    const s = await testServer();
    const url = '/stores/expect/v2/customers';
    try {
      const c = rawConnection(s.port);
      await send(c.socket, postHead('expect', [`Content-Length: ${BIG}`, 'Expect: 100-continue']));
      const first = await c.until(hasWholeAnswer);
      expect(first).not.toMatch(/^HTTP\/1\.1 100/);
      expect413(first, url);
      c.socket.end();
      expect(await c.closed).toBeUndefined();
      expect(c.received()).toBe(first);
      await expectStillServing(s, 'expect');
    } finally {
      await s.close();
    }
  });

  it('still delivers the 413, and closes cleanly, when a curl-style client sends the body without waiting', async () => {
    const s = await testServer();
    const url = '/stores/expect-eager/v2/customers';
    try {
      const c = rawConnection(s.port);
      await send(c.socket, postHead('expect-eager', [`Content-Length: ${BIG}`, 'Expect: 100-continue']));
      const writeError = await sendAll(c.socket, Buffer.alloc(BIG, 'x'));
      const closeError = await c.closed;
      expect(c.received()).not.toMatch(/^HTTP\/1\.1 100/);
      expect413(c.received(), url);
      expect([writeError, closeError]).toEqual([undefined, undefined]);
    } finally {
      await s.close();
    }
  });

  it('sends 100 Continue to a body within the cap and serves it', async () => {
    const s = await testServer();
    try {
      const body = JSON.stringify(newCustomer(1));
      const c = rawConnection(s.port);
      await send(
        c.socket,
        postHead('expect-ok', [`Content-Length: ${Buffer.byteLength(body)}`, 'Expect: 100-continue']),
      );
      expect(await c.until((t) => t.includes('\r\n\r\n'))).toBe('HTTP/1.1 100 Continue\r\n\r\n');
      await send(c.socket, body);
      const answer = parseAnswer((await c.until((t) => hasWholeAnswer(t.slice(25)))).slice(25));
      expect(answer.status).toBe(201);
      assertConforms('POST', '/stores/expect-ok/v2/customers', answer);
      c.socket.end();
      await c.closed;
    } finally {
      await s.close();
    }
  });
});

describe('a chunked body without Content-Length that crosses the cap', () => {
  it(
    'answers each of 10 streamed fetches with the 413 and Connection: close',
    async () => {
      const s = await testServer();
      const url = `${s.url}/stores/streamed/v2/customers`;
      const chunk = new Uint8Array(64 * 1024).fill(120);
      try {
        for (let i = 0; i < 10; i++) {
          let sent = 0;
          const body = new ReadableStream<Uint8Array>({
            pull(controller) {
              if (sent >= BIG) return controller.close();
              sent += chunk.length;
              controller.enqueue(chunk);
            },
          });
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' },
            body,
            duplex: 'half',
          } as RequestInit);
          await expectFetched413(res, '/stores/streamed/v2/customers');
        }
        await expectStillServing(s, 'streamed');
      } finally {
        await s.close();
      }
    },
    REPEATS_TIMEOUT,
  );

  it(
    'delivers the 413 to a client that streams all 12 MB before it reads',
    async () => {
      const s = await testServer();
      const url = '/stores/chunked-late/v2/customers';
      try {
        for (let i = 0; i < 3; i++) {
          const c = rawConnection(s.port, { paused: true });
          await send(c.socket, postHead('chunked-late', ['Transfer-Encoding: chunked']));
          const writeError = await sendAll(c.socket, chunked(BIG));
          c.socket.resume();
          const closeError = await c.closed;
          expect413(c.received(), url);
          expect([writeError, closeError]).toEqual([undefined, undefined]);
        }
        await expectStillServing(s, 'chunked-late');
      } finally {
        await s.close();
      }
    },
    REPEATS_TIMEOUT,
  );
});

describe('the drain after a 413 is bounded', () => {
  it('cuts off a client that goes on sending past the drain byte limit', async () => {
    const s = await testServer({ requestTimeoutMs: 120_000, drainMaxBytes: 256 * 1024, drainMaxMs: 120_000 });
    try {
      const c = rawConnection(s.port, { staysOpen: true });
      await send(c.socket, postHead('endless', ['Transfer-Encoding: chunked']));
      const chunk = chunked(64 * 1024).subarray(0, -5); // one chunk, no last chunk
      // Sends for as long as the server reads: without the limit, until the test times out.
      let writeError: string | undefined;
      while (!writeError) writeError = await sendAll(c.socket, chunk);
      expect(['EPIPE', 'ECONNRESET']).toContain(writeError);
      await c.closed;
      expect413(c.received(), '/stores/endless/v2/customers');
    } finally {
      await s.close();
    }
  });

  it('closes a connection that sends nothing after its 413 once the drain time is up', async () => {
    const s = await testServer({ requestTimeoutMs: 120_000, drainMaxMs: 200 });
    const serverSide = new Promise<void>((resolve) =>
      s.server.once('connection', (sock) => sock.once('close', () => resolve())),
    );
    try {
      // Our side stays open: only the server's time limit can close the connection.
      const c = rawConnection(s.port, { staysOpen: true });
      await send(c.socket, postHead('idle', [`Content-Length: ${BIG}`, 'Expect: 100-continue']));
      expect413(await c.until(hasWholeAnswer), '/stores/idle/v2/customers');
      await serverSide;
      c.socket.destroy();
    } finally {
      await s.close();
    }
  });
});

describe('normal bodies', () => {
  it('keeps the connection alive after bodies within the cap', async () => {
    const s = await testServer();
    try {
      const c = rawConnection(s.port);
      let seen = 0;
      for (let i = 1; i <= 3; i++) {
        const body = JSON.stringify(newCustomer(i));
        await send(c.socket, postHead('keep-alive', [`Content-Length: ${Buffer.byteLength(body)}`]) + body);
        const all = await c.until((t) => hasWholeAnswer(t.slice(seen)));
        const answer = parseAnswer(all.slice(seen));
        seen = all.length;
        expect(answer.status).toBe(201);
        expect(answer.headers.connection).toBe('keep-alive');
      }
      c.socket.end();
      expect(await c.closed).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});
