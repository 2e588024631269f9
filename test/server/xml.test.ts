/**
 * XML over HTTP: every v2 route answers XML to `.xml` or `Accept: application/xml`, carrying the
 * same records as its JSON. Every answer passes the spec check (the helpers read XML back by the
 * spec), so `body` of an XML answer is the JSON it stands for and can be compared to the JSON one.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { worldFill } from '../../src/seed/index.js';
import {
  newAddress,
  newCustomer,
  READ_ONLY,
  testApp,
  testServer,
  TOKEN,
  type TestResponse,
} from '../helpers.js';

const XML = { accept: 'application/xml' };
const NOW = Date.parse('2024-05-06T07:34:10Z');

/** A store seeded with a generated world: groups with discount rules, form fields, addresses. */
function seeded() {
  return testApp({
    clock: () => NOW,
    prime: (storeHash) => worldFill({ seed: 7, storeHash, customers: 60, groups: 4 }),
  });
}

/** Expects an XML answer that carries the same record (and status, unless given) as the JSON one. */
function sameRecord(xml: TestResponse, json: TestResponse, status = json.status): void {
  expect(xml.status).toBe(status);
  expect(xml.headers['content-type']).toBe('application/xml');
  expect(xml.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<')).toBe(true);
  expect(xml.body).toEqual(json.body);
}

describe('XML answers', () => {
  it('carry a whole seeded store record for record: customer pages, customers, addresses, groups, counts', async () => {
    const t = seeded();
    const paths = ['/customers/count', '/customer_groups', '/customer_groups/count'];
    for (let page = 1; page <= 3; page++) paths.push(`/customers?limit=25&page=${page}`);
    const customers = (await t.get('/customers?limit=250')).body as Array<{ id: number }>;
    for (const { id } of customers) {
      paths.push(`/customers/${id}`, `/customers/${id}/addresses/count`);
      const addresses = await t.get(`/customers/${id}/addresses`);
      if (addresses.status === 200) {
        paths.push(`/customers/${id}/addresses`);
        for (const a of addresses.body as Array<{ id: number }>)
          paths.push(`/customers/${id}/addresses/${a.id}`);
      }
    }
    for (const g of (await t.get('/customer_groups')).body as Array<{ id: number }>)
      paths.push(`/customer_groups/${g.id}`);
    let withFormFields = 0;
    for (const path of paths) {
      const json = await t.get(path);
      expect(json.status, path).toBe(200);
      const [bare, query] = path.split('?');
      sameRecord(await t.get(`${bare}.xml${query ? `?${query}` : ''}`), json);
      sameRecord(await t.get(path, XML), json);
      if (Array.isArray(json.body?.form_fields)) withFormFields++;
    }
    expect(withFormFields).toBeGreaterThan(0); // the world has form fields to carry
  });

  it('answer every write as the JSON would: create 201 with Location, update 200, validate, delete 204', async () => {
    const t = testApp({ clock: () => NOW });
    const group = await t.post('/customer_groups.xml', {
      name: 'Trade',
      category_access: { type: 'specific', categories: [7, 12] },
      discount_rules: [{ type: 'category', category_id: 7, method: 'percent', amount: 5 }],
    });
    expect(group.headers.location).toBe(`/stores/${t.hash}/v2/customer_groups/1`);
    sameRecord(group, await t.get('/customer_groups/1'), 201);

    const password = { _authentication: { password: 'S3cret-pass' } };
    const created = await t.post('/customers.xml', newCustomer(1, { customer_group_id: 1, ...password }));
    sameRecord(created, await t.get('/customers/1'), 201);
    sameRecord(await t.put('/customers/1.xml', { notes: 'Grüße & <tags>' }), await t.get('/customers/1'));
    sameRecord(
      await t.post('/customers/1/addresses.xml', newAddress()),
      await t.get('/customers/1/addresses/1'),
      201,
    );
    sameRecord(
      await t.put('/customers/1/addresses/1', { state: ' ' }, XML),
      await t.get('/customers/1/addresses/1'),
    );
    const check = { password: 'S3cret-pass' };
    sameRecord(
      await t.post('/customers/1/validate.xml', check),
      await t.post('/customers/1/validate', check),
    );
    expect((await t.post('/customers/1/validate.xml', { password: 'nope' })).body).toEqual({
      success: false,
    });

    for (const path of ['/customers/1/addresses/1.xml', '/customers/1.xml', '/customer_groups/1.xml']) {
      const gone = await t.del(path);
      expect(gone.status).toBe(204);
      expect(gone.text).toBe('');
      expect(gone.headers['content-type']).toBeUndefined();
    }
  });

  it('answer an empty page with a 204 and no body, as JSON does', async () => {
    const t = testApp();
    for (const path of [
      '/customers.xml',
      '/customer_groups.xml',
      '/customers.xml?email=nobody@example.com',
    ]) {
      const res = await t.get(path);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect(res.headers['content-type']).toBeUndefined();
    }
  });

  it('send Content-Length in bytes of the UTF-8 XML', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1, { notes: 'Grüße 🎉' }));
    const res = await t.get('/customers/1.xml');
    expect(res.text).toContain('<notes>Grüße 🎉</notes>');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
  });

  it('lay out a customer as the legacy documentation shows: declaration, root, NULL, link to .xml', async () => {
    const t = testApp({ clock: () => NOW });
    await t.post('/customers', newCustomer(1));
    expect((await t.get('/customers/1.xml')).text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<customer><id>1</id><company></company>' +
        '<first_name>Jane</first_name><last_name>Doe1</last_name><email>jane.doe1@example.com</email>' +
        '<phone></phone><form_fields>NULL</form_fields><date_created>Mon, 06 May 2024 07:34:10 +0000</date_created>' +
        '<date_modified>Mon, 06 May 2024 07:34:10 +0000</date_modified><store_credit>0.0000</store_credit>' +
        '<registration_ip_address></registration_ip_address><customer_group_id>0</customer_group_id>' +
        '<notes></notes><tax_exempt_category></tax_exempt_category><reset_pass_on_login>false</reset_pass_on_login>' +
        '<accepts_marketing>false</accepts_marketing><addresses><link rel="resource" ' +
        `href="https://api.bigcommerce.com/stores/${t.hash}/v2/customers/1/addresses.xml">` +
        '/customers/1/addresses</link></addresses></customer>',
    );
  });
});

describe('XML errors', () => {
  it('come as <errors> of <error> with status, message and details, for every v2 error', async () => {
    const t = testApp({ maxBodyBytes: 1024 });
    await t.post('/customers', newCustomer(1));
    await t.post('/customer_groups', { name: 'A' });
    const cases: Array<[TestResponse, number]> = [
      [await t.post('/customers.xml', newCustomer(2, { email: 'jane.doe1@example.com' })), 400],
      [await t.get('/customers/99.xml'), 404],
      [await t.get('/nothing.xml'), 404],
      [await t.request('PUT', '/customers.xml', {}), 405],
      [await t.post('/customer_groups.xml', { name: 'A' }), 409],
      [await t.get('/customers.xml?limit=251'), 413],
      [await t.post('/customers.xml', newCustomer(3, { notes: 'x'.repeat(2000) })), 413],
      [await t.request('POST', '/customers.xml', 'x', { 'content-type': 'text/plain' }), 415],
      [await t.request('PATCH', '/customers/1.xml', {}), 501],
    ];
    for (const [res, status] of cases) {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('application/xml');
      expect(res.text).toMatch(/^<\?xml [^>]+\?>\n<errors><error><status>\d{3}<\/status><message>/);
      expect(res.body[0].status).toBe(status);
    }
    expect((cases[0] as [TestResponse, number])[0].body[0].details).toEqual({
      invalid_reason: 'This email address is already in use by a customer.',
    });
  });

  it('come as one <error> for the gateway answers 401 and 403, and as <errors> for a 429', async () => {
    const t = testApp({ rateLimit: { quota: 1, windowMs: 30_000 } });
    const unauthorized = await t.get('/customers.xml', { 'x-auth-token': 'nope' });
    const forbidden = await t.post('/customers.xml', newCustomer(1), { 'x-auth-token': READ_ONLY });
    for (const [res, status] of [
      [unauthorized, 401],
      [forbidden, 403],
    ] as const) {
      expect(res.status).toBe(status);
      expect(res.text).toMatch(/^<\?xml [^>]+\?>\n<error><status>\d{3}<\/status><title>/);
      expect(res.body).toMatchObject({ status, errors: {} });
    }
    await t.get('/customers.xml'); // 401 and 403 take nothing from the quota; this takes the last
    const limited = await t.get('/customers', XML);
    expect(limited.status).toBe(429);
    expect(limited.body[0].status).toBe(429);
    expect(limited.headers['x-retry-after']).toMatch(/^\d+$/);
  });
});

describe('negotiation over HTTP', () => {
  it('answers JSON by default and for JSON or any-type Accept headers, on every store path', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    for (const accept of [
      undefined,
      'application/json',
      '*/*',
      'application/json, text/plain, */*',
      'application/*',
    ]) {
      const res = await t.get('/customers/1', accept ? { accept } : {});
      expect(res.headers['content-type']).toBe('application/json');
    }
  });

  it('answers 406 with a JSON error when Accept allows neither format, whatever the suffix', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    for (const [path, accept] of [
      ['/customers/1', 'text/html'],
      ['/customers/1', 'text/xml'],
      ['/customers/1.xml', 'application/xml;q=0'],
    ]) {
      const res = await t.get(path as string, { accept: accept as string });
      expect(res.status).toBe(406);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body[0].message).toMatch(/application\/json or application\/xml/);
    }
    expect((await t.get('/customers/1.json', { accept: 'text/html' })).status).toBe(200);
  });

  it('answers a HEAD for XML with the XML headers and no body (over a socket)', async () => {
    const fake = await testServer();
    try {
      const store = `/stores/headxml/v2`;
      const headers = { 'x-auth-token': TOKEN, 'content-type': 'application/json' };
      const create = await fetch(`${fake.url}${store}/customers`, {
        method: 'POST',
        headers,
        body: JSON.stringify(newCustomer(1)),
      });
      expect(create.status).toBe(201);
      const get = await fetch(`${fake.url}${store}/customers/1.xml`, { headers });
      const getBody = await get.text();
      const head = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
        (resolve, reject) => {
          const req = httpRequest(
            `${fake.url}${store}/customers/1.xml`,
            { method: 'HEAD', headers },
            (res) => {
              let body = '';
              res.on('data', (c: Buffer) => (body += c.toString()));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
            },
          );
          req.on('error', reject);
          req.end();
        },
      );
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers['content-type']).toBe('application/xml');
      expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(getBody));
    } finally {
      await fake.close();
    }
  });
});
