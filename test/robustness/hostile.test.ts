/**
 * Hostile input: malformed and oversized bodies, prototype-pollution keys, odd ids, path tricks,
 * oversized URLs, slow clients and connection floods. The fake must answer each with a 4xx in the
 * platform's shape (never a 5xx), change nothing, and keep serving everyone else.
 */
import { connect, type Socket } from 'node:net';
import { inject, type InjectOptions } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { assertConforms, newCustomer, testApp, testServer, TOKEN } from '../helpers.js';
import { parseAnswer } from './raw-http.js';

type TestApp = ReturnType<typeof testApp>;

/** Sends raw bytes (or no Content-Type) that the helper cannot; the answer is still spec-checked. */
async function raw(
  t: TestApp,
  method: string,
  path: string,
  payload?: string | Buffer,
  headers: Record<string, string> = {},
) {
  const url = path.startsWith('/stores/') ? path : `/stores/${t.hash}/v2${path}`;
  const res = await inject(t.app.handle, {
    method: method as InjectOptions['method'],
    url,
    headers: { 'x-auth-token': TOKEN, ...headers },
    payload,
  });
  const out = { status: res.statusCode, headers: res.headers, text: res.payload };
  assertConforms(method, url, out);
  return { ...out, body: res.payload ? JSON.parse(res.payload) : undefined };
}

const json = { 'content-type': 'application/json' };

/** Everything a store holds, as the API lists it. */
async function snapshot(t: TestApp): Promise<string> {
  const parts = await Promise.all([
    t.get('/customers?limit=250'),
    t.get('/customer_groups?limit=250'),
    t.get('/customers/count'),
  ]);
  return JSON.stringify(parts.map((p) => [p.status, p.body]));
}

/** Expects the v2 error array with this status. */
function isV2Error(res: { status: number; body: unknown }, status: number): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual([expect.objectContaining({ status, message: expect.any(String) })]);
}

async function seeded(): Promise<TestApp> {
  const t = testApp();
  expect((await t.post('/customers', newCustomer(1))).status).toBe(201);
  return t;
}

describe('malformed bodies', () => {
  it.each([
    ['truncated JSON', '{"first_name": "Jane",'],
    ['single quotes', "{'first_name': 'Jane'}"],
    ['trailing garbage', '{"first_name":"Jane"} x'],
    ['empty body', ''],
    ['whitespace only', '   \n'],
    ['a NUL byte', '\u0000'],
  ])('answers 400 to %s and creates nothing', async (_name, body) => {
    const t = await seeded();
    const before = await snapshot(t);
    isV2Error(await raw(t, 'POST', '/customers', body, json), 400);
    expect(await snapshot(t)).toBe(before);
  });

  it.each([
    ['an array', '[]'],
    ['an array of one customer', JSON.stringify([newCustomer(2)])],
    ['a string', '"jane@example.com"'],
    ['null', 'null'],
    ['a number', '42'],
    ['true', 'true'],
  ])('answers 400 to JSON that is %s, not an object', async (_name, body) => {
    const t = await seeded();
    const before = await snapshot(t);
    isV2Error(await raw(t, 'POST', '/customers', body, json), 400);
    isV2Error(await raw(t, 'PUT', '/customers/1', body, json), 400);
    expect(await snapshot(t)).toBe(before);
  });

  it.each([
    ['invalid bytes', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    [
      'an overlong slash',
      Buffer.concat([Buffer.from('{"first_name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
    ],
    [
      'an encoded surrogate',
      Buffer.concat([Buffer.from('{"notes":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    ],
    [
      'a cut multi-byte character',
      Buffer.concat([Buffer.from('{"notes":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]),
    ],
  ])('answers 400 to a body with invalid UTF-8 (%s)', async (_name, body) => {
    const t = await seeded();
    const before = await snapshot(t);
    isV2Error(await raw(t, 'PUT', '/customers/1', body, json), 400);
    expect(await snapshot(t)).toBe(before);
  });
});

describe('prototype pollution', () => {
  it.each([
    [
      '__proto__ at the top',
      '{"first_name":"A","last_name":"B","email":"p1@example.com","__proto__":{"polluted":"yes"}}',
    ],
    [
      'constructor.prototype',
      '{"first_name":"A","last_name":"B","email":"p2@example.com","constructor":{"prototype":{"polluted":"yes"}}}',
    ],
    [
      '__proto__ nested',
      '{"first_name":"A","last_name":"B","email":"p3@example.com","_authentication":{"__proto__":{"polluted":"yes"}}}',
    ],
    [
      'an escaped __proto__',
      '{"first_name":"A","last_name":"B","email":"p4@example.com","\\u005f_proto__":{"polluted":"yes"}}',
    ],
  ])('refuses %s with a 400 and pollutes nothing', async (_name, body) => {
    const t = await seeded();
    const before = await snapshot(t);
    isV2Error(await raw(t, 'POST', '/customers', body, json), 400);
    isV2Error(await raw(t, 'PUT', '/customers/1', body, json), 400);
    expect(await snapshot(t)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('stores names like __proto__ and constructor as plain values', async () => {
    const t = testApp();
    const c = await t.post('/customers', newCustomer(1, { first_name: '__proto__', company: 'constructor' }));
    expect(c.status).toBe(201);
    expect((await t.get('/customers?first_name=__proto__')).body).toHaveLength(1);
    expect((await t.post('/customer_groups', { name: '__proto__' })).status).toBe(201);
    expect((await t.post('/customer_groups', { name: 'constructor' })).status).toBe(201);
    expect((await t.get('/customer_groups/count')).body).toEqual({ count: 2 });
    expect((await t.get('/customers?__proto__[polluted]=1&constructor[prototype][x]=1')).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps stores named __proto__ and constructor apart like any other store', async () => {
    const t = testApp();
    expect((await t.post('/stores/__proto__/v2/customers', newCustomer(1))).status).toBe(201);
    expect((await t.get('/stores/constructor/v2/customers/count')).body).toEqual({ count: 0 });
    expect((await t.get('/stores/__proto__/v2/customers/count')).body).toEqual({ count: 1 });
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });
});

describe('deep and huge bodies', () => {
  it('answers 400 to 100,000 nested arrays (within the size cap)', async () => {
    const t = await seeded();
    const body = '['.repeat(100_000) + ']'.repeat(100_000);
    isV2Error(await raw(t, 'POST', '/customers', body, json), 400);
    expect((await t.get('/customers/count')).body).toEqual({ count: 1 });
  });

  it('answers 400 to 100,000 nested objects (within the size cap)', async () => {
    const t = await seeded();
    const body = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(body.length).toBeLessThan(1024 * 1024);
    isV2Error(await raw(t, 'POST', '/customers', body, json), 400);
    isV2Error(await raw(t, 'PUT', '/customers/1', '{"notes":' + body + '}', json), 400);
    expect((await t.get('/customers/count')).body).toEqual({ count: 1 });
  });

  it('answers 400 naming the field when a string is over its maxLength but the body is within the cap', async () => {
    const t = await seeded();
    const before = await snapshot(t);
    const res = await t.post('/customers', newCustomer(2, { first_name: 'x'.repeat(900_000) }));
    isV2Error(res, 400);
    expect(res.body[0].message).toBe("The field 'first_name' is invalid.");
    isV2Error(await t.put('/customers/1', { notes: 'n'.repeat(65_536) }), 400);
    expect(await snapshot(t)).toBe(before);
    expect((await t.put('/customers/1', { notes: 'n'.repeat(65_535) })).status).toBe(200);
  });

  it('answers 413 to a body over the cap and keeps serving', async () => {
    const t = await seeded();
    const res = await t.post('/customers', newCustomer(2, { notes: 'x'.repeat(2 * 1024 * 1024) }));
    isV2Error(res, 413);
    expect(res.headers.connection).toBe('close');
    expect((await t.get('/customers/count')).body).toEqual({ count: 1 });
  });

  it('answers 413 to a chunked body over the cap on a real socket and keeps serving', async () => {
    const s = await testServer({ maxBodyBytes: 64 * 1024 });
    try {
      const hash = 'chunked';
      const head =
        `POST /stores/${hash}/v2/customers HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${TOKEN}\r\n` +
        'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
      const chunk = 'x'.repeat(16 * 1024);
      const answer = await exchange(s, head + `${(16 * 1024).toString(16)}\r\n${chunk}\r\n`.repeat(8));
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      const after = await fetch(`${s.url}/stores/${hash}/v2/customers/count`, {
        headers: { 'X-Auth-Token': TOKEN },
      });
      expect(await after.json()).toEqual({ count: 0 });
    } finally {
      await s.close();
    }
  });
});

describe('content types', () => {
  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['form data', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['XML', { 'content-type': 'application/xml' }],
    ['no Content-Type', {}],
  ])('answers 415 to a JSON body sent as %s and changes nothing', async (_name, headers) => {
    const t = await seeded();
    const before = await snapshot(t);
    isV2Error(await raw(t, 'POST', '/customers', JSON.stringify(newCustomer(2)), headers), 415);
    isV2Error(await raw(t, 'PUT', '/customers/1', '{"notes":"x"}', headers), 415);
    expect(await snapshot(t)).toBe(before);
  });

  it('serves GET and DELETE that carry a JSON Content-Type and no body, as node-bigcommerce sends them', async () => {
    const t = await seeded();
    expect((await raw(t, 'GET', '/customers/1', undefined, json)).status).toBe(200);
    expect((await raw(t, 'DELETE', '/customers/1', undefined, json)).status).toBe(204);
  });
});

describe('ids, paging and query parameters', () => {
  it.each(['0', '-1', '99999999999999999999', '1e3', 'abc', '1.5', '%20', '0x1', '1%00'])(
    'answers 404 to the customer id %s on every method',
    async (id) => {
      const t = await seeded();
      const before = await snapshot(t);
      isV2Error(await t.get(`/customers/${id}`), 404);
      isV2Error(await t.del(`/customers/${id}`), 404);
      isV2Error(await t.get(`/customers/${id}/addresses`), 404);
      isV2Error(await t.get(`/customer_groups/${id}`), 404);
      expect(await snapshot(t)).toBe(before);
    },
  );

  it.each([
    ['page=0', 400],
    ['page=-1', 400],
    ['page=abc', 400],
    ['page=1.5', 400],
    ['page=99999999999999999999', 400],
    ['limit=0', 400],
    ['limit=-5', 400],
    ['limit=ten', 400],
    ['limit=251', 413],
    ['limit=99999999999', 413],
  ])('answers %s with %i on every list', async (query, status) => {
    const t = await seeded();
    isV2Error(await t.get(`/customers?${query}`), status);
    isV2Error(await t.get(`/customer_groups?${query}`), status);
    isV2Error(await t.get(`/customers/1/addresses?${query}`), status);
  });

  it('answers 204 to the last safe page number', async () => {
    const t = await seeded();
    expect((await t.get(`/customers?page=${Number.MAX_SAFE_INTEGER}&limit=250`)).status).toBe(204);
  });

  it('ignores query parameters it does not know', async () => {
    const t = await seeded();
    const plain = await t.get('/customers');
    const noisy = await t.get('/customers?sort=id:desc&include=addresses&foo=bar&x[y]=z&=&&');
    expect(noisy.status).toBe(200);
    expect(noisy.body).toEqual(plain.body);
  });

  it('serves a long URL within the header limit', async () => {
    const t = await seeded();
    const res = await t.get(`/customers?first_name=${'j'.repeat(8000)}`);
    expect(res.status).toBe(204);
  });
});

describe('store hashes', () => {
  it.each(['..%2F..%2Fetc', 'abc%00', '%00', 'a.b', 'a b', 'x'.repeat(65), '%E2%80%AE'])(
    'answers 404 to the store hash %s and creates no store',
    async (hash) => {
      const t = testApp();
      const res = await t.get(`/stores/${hash}/v2/customers`);
      isV2Error(res, 404);
      isV2Error(await t.post(`/stores/${hash}/v2/customers`, newCustomer(1)), 404);
      expect(t.app.stores.hashes()).toEqual([]);
    },
  );

  it.each(['..', '%2e%2e', '.'])(
    'answers 404 to the store hash %s sent as is on a socket (no client normalizes it away)',
    async (hash) => {
      const s = await testServer();
      try {
        const url = `/stores/${hash}/v2/customers`;
        const answer = parseAnswer(
          await exchange(
            s,
            `GET ${url} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${TOKEN}\r\nConnection: close\r\n\r\n`,
          ),
        );
        expect(answer.status).toBe(404);
        assertConforms('GET', url, answer);
        expect(s.app.stores.hashes()).toEqual([]);
      } finally {
        await s.close();
      }
    },
  );

  it('answers 404 to dot segments after the store prefix and creates no store', async () => {
    const t = testApp();
    isV2Error(await raw(t, 'GET', `/stores/${t.hash}/v2/customers/%2e%2e/%2e%2e/etc/passwd`), 404);
    isV2Error(await raw(t, 'GET', `/stores/${t.hash}/v2/..%2F..%2F__admin/stores`), 404);
    expect(t.app.stores.hashes()).toEqual([]);
  });
});

/** Sends raw bytes on a fresh socket and resolves with everything read until the server closes. */
function exchange(s: RunningServer, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect(s.port, '127.0.0.1');
    let got = '';
    sock.on('data', (d: Buffer) => (got += d.toString('latin1')));
    sock.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' || err.code === 'EPIPE' ? undefined : reject(err),
    );
    sock.on('close', () => resolve(got));
    sock.write(bytes, () => sock.end());
  });
}

describe('sockets', () => {
  it('answers a URL over the header limit with a 4xx and keeps serving', async () => {
    const s = await testServer();
    try {
      const answer = await exchange(
        s,
        `GET /stores/abc/v2/customers?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
      const ok = await fetch(`${s.url}/stores/abc/v2/customers/count`, {
        headers: { 'X-Auth-Token': TOKEN },
      });
      expect(ok.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('cuts off a client that sends a byte every 100 ms, and serves others meanwhile', async () => {
    const s = await testServer({ requestTimeoutMs: 500 });
    try {
      const sock = connect(s.port, '127.0.0.1');
      let got = '';
      sock.on('data', (d) => (got += d.toString()));
      sock.on('error', () => {});
      const closed = new Promise<void>((resolve) => sock.on('close', () => resolve()));
      sock.write(
        `POST /stores/slow/v2/customers HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${TOKEN}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
      );
      let sent = 0;
      const drip = setInterval(() => {
        if (!sock.destroyed) sock.write('{', () => sent++);
      }, 100);
      try {
        const other = await fetch(`${s.url}/stores/other/v2/customers/count`, {
          headers: { 'X-Auth-Token': TOKEN },
        });
        expect(other.status).toBe(200);
        // Without a fix the check runs every 30 s: the cap below only guards against that.
        const cut = await Promise.race([closed.then(() => true), sleep(10_000).then(() => false)]);
        expect(cut).toBe(true);
      } finally {
        clearInterval(drip);
        sock.destroy();
      }
      expect(sent).toBeLessThan(1000);
      expect(got === '' || /^HTTP\/1\.1 408 /.test(got)).toBe(true);
      expect(
        (await fetch(`${s.url}/stores/slow/v2/customers/count`, { headers: { 'X-Auth-Token': TOKEN } }))
          .status,
      ).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('answers all of 500 connections opened at once', async () => {
    const s = await testServer();
    const sockets: Socket[] = [];
    try {
      await Promise.all(
        Array.from({ length: 500 }, () => {
          const sock = connect(s.port, '127.0.0.1');
          sockets.push(sock);
          return new Promise<void>((resolve, reject) => {
            sock.once('connect', () => resolve());
            sock.once('error', reject);
          });
        }),
      );
      const answers = await Promise.all(
        sockets.map(
          (sock, i) =>
            new Promise<string>((resolve, reject) => {
              let got = '';
              sock.on('data', (d) => (got += d.toString()));
              sock.on('end', () => resolve(got));
              sock.on('error', reject);
              sock.end(
                `GET /stores/flood${i % 10}/v2/customers/count HTTP/1.1\r\nHost: x\r\n` +
                  `X-Auth-Token: ${TOKEN}\r\nConnection: close\r\n\r\n`,
              );
            }),
        ),
      );
      expect(answers.filter((a) => /^HTTP\/1\.1 200 /.test(a) && a.endsWith('{"count":0}'))).toHaveLength(
        500,
      );
    } finally {
      for (const sock of sockets) sock.destroy();
      await s.close();
    }
  });
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
