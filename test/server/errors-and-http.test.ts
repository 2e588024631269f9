import { request } from 'node:http';
import { inject, type InjectOptions } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import {
  TOKEN,
  assertConforms,
  freshHash,
  newAddress,
  newCustomer,
  testApp,
  testServer,
  withTestBackend,
} from '../helpers.js';

/** A request outside the helper (raw bytes, no Content-Type, HEAD), still checked where the spec applies. */
async function raw(app: ReturnType<typeof createApp>, opts: InjectOptions & { url: string }, check = true) {
  const res = await inject(app.handle, opts);
  const out = { status: res.statusCode, headers: res.headers, text: res.payload };
  if (check) assertConforms(String(opts.method ?? 'GET'), opts.url, out);
  return { ...out, body: res.payload ? JSON.parse(res.payload) : undefined };
}

/** A store with customer 1, their address 1 and group 1. */
async function populated() {
  const t = testApp();
  await t.post('/customer_groups', { name: 'A' });
  await t.post('/customers', newCustomer(1, { _authentication: { password: 'secret123' } }));
  await t.post('/customers/1/addresses', newAddress());
  return t;
}

describe('the .json suffix', () => {
  it.each([
    ['GET', '/customers.json', 200],
    ['GET', '/customers/count.json', 200],
    ['GET', '/customers/1.json', 200],
    ['GET', '/customers/1/addresses.json', 200],
    ['GET', '/customers/1/addresses/count.json', 200],
    ['GET', '/customers/1/addresses/1.json', 200],
    ['GET', '/customer_groups.json', 200],
    ['GET', '/customer_groups/count.json', 200],
    ['GET', '/customer_groups/1.json', 200],
    ['GET', '/customers.json?email=jane.doe1@example.com', 200],
  ])('is served on %s %s', async (method, path, status) => {
    const t = await populated();
    const res = await t.request(method, path);
    expect(res.status).toBe(status);
  });

  it('is served on writes', async () => {
    const t = await populated();
    expect((await t.post('/customers.json', newCustomer(2))).status).toBe(201);
    expect((await t.put('/customers/2.json', { notes: 'x' })).body.notes).toBe('x');
    expect((await t.post('/customers/1/validate.json', { password: 'secret123' })).body.success).toBe(true);
    expect((await t.post('/customers/2/addresses.json', newAddress())).status).toBe(201);
    expect((await t.put('/customers/2/addresses/2.json', { city: 'Waco' })).body.city).toBe('Waco');
    expect((await t.del('/customers/2/addresses/2.json')).status).toBe(204);
    expect((await t.del('/customers/2/addresses.json')).status).toBe(204);
    expect((await t.post('/customer_groups.json', { name: 'B' })).status).toBe(201);
    expect((await t.put('/customer_groups/2.json', { name: 'C' })).body.name).toBe('C');
    expect((await t.del('/customer_groups/2.json')).status).toBe(204);
    expect((await t.del('/customers/2.json')).status).toBe(204);
    expect((await t.del('/customers.json?email=jane.doe1@example.com')).status).toBe(204);
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });
});

// XML (`.xml`, Accept: application/xml) and the rest of negotiation: test/server/negotiation.test.ts.
describe('content negotiation', () => {
  it('answers with Content-Type application/json whenever there is a body', async () => {
    const t = await populated();
    for (const res of [await t.get('/customers/1'), await t.get('/customers/9'), await t.get('/nothing')]) {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});

describe('routing errors', () => {
  it.each([
    '/products',
    '/customers/1/orders',
    '/customers/abc',
    '/customers/1/addresses/x',
    '/',
    '/v3/customers',
  ])('answers 404 with the v2 array for the unknown route %s', async (path) => {
    const t = await populated();
    const res = await t.get(path);
    expect(res.status).toBe(404);
    expect(res.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });

  it('answers 404 with the v2 array for a path outside any store', async () => {
    const app = createApp();
    const res = await raw(app, { method: 'GET', url: '/v2/customers', headers: { 'x-auth-token': TOKEN } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });

  it.each([
    ['PUT', '/customers', 'GET, POST, DELETE'],
    ['POST', '/customers/1', 'GET, PUT, DELETE'],
    ['DELETE', '/customers/count', 'GET'],
    ['PUT', '/customers/1/validate', 'POST'],
    ['PUT', '/customers/1/addresses', 'GET, POST, DELETE'],
    ['DELETE', '/customer_groups', 'GET, POST'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const t = await populated();
    const res = await t.request(method, path, method === 'DELETE' ? undefined : {});
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.body[0].status).toBe(405);
  });

  it.each(['PATCH', 'TRACE'])('answers %s with 501', async (method) => {
    const t = await populated();
    const res = await t.request(method, '/customers/1', method === 'PATCH' ? { notes: 'x' } : undefined);
    expect(res.status).toBe(501);
    expect(res.body[0].status).toBe(501);
    expect((await t.get('/customers/1')).body.notes).toBe('');
  });
});

describe('request bodies', () => {
  it.each([
    ['malformed JSON', '{"first_name": '],
    ['a trailing comma', '{"first_name": "a",}'],
    ['an empty body', ''],
    ['an array', '[]'],
    ['a string', '"customer"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('answers 400 for %s and creates nothing', async (_name, text) => {
    const t = testApp();
    const res = await t.request('POST', '/customers', text, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body[0].status).toBe(400);
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });

  it('refuses a __proto__ key with 400 and pollutes no prototype', async () => {
    const t = testApp();
    const body = '{"first_name":"a","last_name":"b","email":"a@b.co","__proto__":{"polluted":"yes"}}';
    const res = await t.request('POST', '/customers', body);
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested =
      '{"first_name":"a","last_name":"b","email":"a@b.co","_authentication":{"__proto__":{"polluted":1}}}';
    expect((await t.request('POST', '/customers', nested)).status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ctor = '{"first_name":"a","constructor":{"prototype":{"polluted":1}}}';
    expect((await t.request('POST', '/customers', ctor)).status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    const app = createApp({ passwordCost: 16 });
    const res = await raw(app, {
      method: 'POST',
      url: `/stores/${freshHash()}/v2/customers`,
      headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json' },
      payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(res.status).toBe(400);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data'])(
    'answers 415 for a body sent as %s',
    async (type) => {
      const t = testApp();
      const res = await t.request('POST', '/customers', newCustomer(1), { 'content-type': type });
      expect(res.status).toBe(415);
      expect(res.body[0].status).toBe(415);
      expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
    },
  );

  it('answers 415 for a body without Content-Type', async () => {
    const app = createApp({ passwordCost: 16 });
    const res = await raw(app, {
      method: 'POST',
      url: `/stores/${freshHash()}/v2/customers`,
      headers: { 'x-auth-token': TOKEN },
      payload: JSON.stringify(newCustomer(1)),
    });
    expect(res.status).toBe(415);
  });

  it('accepts application/json with a charset and +json types', async () => {
    const t = testApp();
    expect(
      (await t.post('/customers', newCustomer(1), { 'content-type': 'application/json; charset=utf-8' }))
        .status,
    ).toBe(201);
    expect(
      (await t.post('/customers', newCustomer(2), { 'content-type': 'Application/JSON;charset=UTF-8' }))
        .status,
    ).toBe(201);
    expect(
      (await t.post('/customers', newCustomer(3), { 'content-type': 'application/vnd.api+json' })).status,
    ).toBe(201);
  });

  it('answers 413 for a body over the cap and creates nothing', async () => {
    const t = testApp({ maxBodyBytes: 1000 });
    const res = await t.post('/customers', newCustomer(1, { notes: 'x'.repeat(2000) }));
    expect(res.status).toBe(413);
    expect(res.body[0].status).toBe(413);
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
    expect((await t.post('/customers', newCustomer(1, { notes: 'x'.repeat(800) }))).status).toBe(201);
  });
});

describe('HEAD', () => {
  it.each(['/customers', '/customers/1', '/customers/count', '/customers/1/addresses', '/customer_groups/1'])(
    'answers %s like GET, without a body',
    async (path) => {
      const t = await populated();
      const url = `/stores/${t.hash}/v2${path}`;
      const get = await t.get(path);
      const head = await raw(t.app, { method: 'HEAD', url, headers: { 'x-auth-token': TOKEN } }, false);
      expect(head.status).toBe(get.status);
      expect(head.text).toBe('');
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
      expect(head.headers['content-length']).toBe(get.headers['content-length']);
      expect(head.headers['x-rate-limit-requests-quota']).toBe('1000000');
    },
  );

  it('answers 404 like GET for an unknown customer', async () => {
    const t = testApp();
    const head = await raw(
      t.app,
      { method: 'HEAD', url: `/stores/${t.hash}/v2/customers/5`, headers: { 'x-auth-token': TOKEN } },
      false,
    );
    expect(head.status).toBe(404);
    expect(head.text).toBe('');
  });
});

describe('Content-Type on requests without a body', () => {
  it('serves GET and DELETE with or without Content-Type, as node-bigcommerce sends it on every request', async () => {
    const t = await populated();
    const json = { 'content-type': 'application/json' };
    expect((await t.get('/customers/1', json)).status).toBe(200);
    expect((await t.get('/customers/1')).status).toBe(200);
    expect((await t.get('/customers?limit=1', { 'content-type': 'text/plain' })).status).toBe(200);
    expect((await t.del('/customers/1/addresses/1', json)).status).toBe(204);
    expect((await t.del('/customers/1')).status).toBe(204);
  });

  it('ignores a body sent with GET or DELETE', async () => {
    const t = await populated();
    expect(
      (await t.request('GET', '/customers/1', 'not json', { 'content-type': 'text/plain' })).status,
    ).toBe(200);
    expect((await t.request('DELETE', '/customers/1', '{')).status).toBe(204);
  });
});

describe('unexpected failures', () => {
  it('answer 500 in the v2 shape and are logged', async () => {
    const lines: string[] = [];
    const app = createApp(
      withTestBackend({
        log: (line) => lines.push(line),
        prime: () => {
          throw new Error('boom');
        },
      }),
    );
    const res = await raw(
      app,
      { method: 'GET', url: `/stores/${freshHash()}/v2/customers`, headers: { 'x-auth-token': TOKEN } },
      false,
    );
    expect(res.status).toBe(500);
    expect(res.body).toEqual([{ status: 500, message: expect.any(String) }]);
    expect(res.body[0].message).not.toContain('boom');
    expect(lines.some((l) => l.startsWith('error:') && l.includes('boom'))).toBe(true);
  });
});

describe('over a socket', () => {
  /** Streams a JSON body of about `size` bytes without Content-Length (chunked), as a slow client would. */
  function postChunked(
    url: string,
    size: number,
  ): Promise<{ status?: number; connection?: string; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${url}/stores/abc/v2/customers`,
        { method: 'POST', headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, body }));
        },
      );
      req.on('error', reject);
      req.write('{"notes":"');
      let sent = 0;
      const pump = (): void => {
        while (sent < size) {
          sent += 1000;
          if (!req.write('x'.repeat(1000))) {
            req.once('drain', pump);
            return;
          }
        }
        req.end('"}');
      };
      pump();
    });
  }

  it('answers 413 and closes the connection for a body over the cap, declared or streamed', async () => {
    const server = await testServer({ maxBodyBytes: 1000 });
    try {
      const declared = await fetch(`${server.url}/stores/abc/v2/customers`, {
        method: 'POST',
        headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify(newCustomer(1, { notes: 'x'.repeat(50_000) })),
      });
      expect(declared.status).toBe(413);
      expect(declared.headers.get('connection')).toBe('close');
      expect(((await declared.json()) as { status: number }[])[0]?.status).toBe(413);
      const streamed = await postChunked(server.url, 200_000);
      expect(streamed.status).toBe(413);
      expect(streamed.connection).toBe('close');
      expect(JSON.parse(streamed.body)[0].status).toBe(413);
    } finally {
      await server.close();
    }
  });

  it('serves the headers node-bigcommerce sends on a GET, without deflate', async () => {
    const server = await testServer();
    try {
      const headers = {
        'x-auth-token': TOKEN,
        'x-auth-client': 'client-id',
        'content-type': 'application/json',
        accept: 'application/json',
        'accept-encoding': 'gzip, deflate',
        'user-agent': 'node-bigcommerce/4.1.0',
      };
      const created = await fetch(`${server.url}/stores/abc/v2/customers`, {
        method: 'POST',
        headers,
        body: JSON.stringify(newCustomer(1)),
      });
      expect(created.status).toBe(201);
      const res = await fetch(`${server.url}/stores/abc/v2/customers/1.json`, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).not.toBe('deflate');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { id: number }).id).toBe(1);
      const head = await fetch(`${server.url}/stores/abc/v2/customers/1`, { method: 'HEAD', headers });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
    } finally {
      await server.close();
    }
  });
});
