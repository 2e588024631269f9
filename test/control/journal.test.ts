import { describe, expect, it } from 'vitest';
import { ADMIN, newCustomer, testApp } from '../helpers.js';

const admin = { 'x-admin-token': ADMIN };

describe('the journal', () => {
  it('records each request to a store with its answer, operation and duration, secrets redacted', async () => {
    const t = testApp();
    const created = await t.post(
      '/customers',
      newCustomer(1, { _authentication: { password: 'Secret-pass-1' } }),
    );
    await t.get(`/customers?email=${encodeURIComponent('jane.doe1@example.com')}`);
    const { body: entries } = await t.get(`/__admin/stores/${t.hash}/requests`, admin);
    expect(entries).toHaveLength(2);
    const [post, list] = entries;
    expect(post).toMatchObject({
      method: 'POST',
      path: `/stores/${t.hash}/v2/customers`,
      operationId: 'createCustomer',
      request: { body: { first_name: 'Jane', _authentication: { password: '[redacted]' } } },
      response: { status: 201, body: created.body },
      fault: null,
    });
    expect(post.request.headers['x-auth-token']).toBe('[redacted]');
    expect(post.response.headers).toMatchObject({
      Location: `/stores/${t.hash}/v2/customers/1`,
      'X-Rate-Limit-Requests-Quota': '1000000',
    });
    expect(post.duration_ms).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(entries)).not.toContain('Secret-pass-1');
    expect(list).toMatchObject({
      method: 'GET',
      operationId: 'listCustomers',
      query: { email: 'jane.doe1@example.com' },
      response: { status: 200 },
    });
  });

  it('shows what went out: a page as sent, an XML answer in XML', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    await t.post('/customers', newCustomer(2));
    const page = await t.get('/customers');
    const xml = await t.get('/customers/1.xml');
    const { body } = await t.get(`/__admin/stores/${t.hash}/requests?method=GET`, admin);
    expect(body[0].response.body).toEqual(page.body);
    expect(body[0].response.headers['Content-Length']).toBe(String(Buffer.byteLength(page.text)));
    expect(body[1].response.headers['Content-Type']).toMatch(/^application\/xml/);
    expect(body[1].response.body).toBe(xml.text);
  });

  it('names the operation of a request refused before routing, and keeps other stores apart', async () => {
    const t = testApp();
    await t.get('/customers/7', { 'x-auth-token': 'wrong' });
    await t.get('/customers/7');
    const { body } = await t.get(`/__admin/stores/${t.hash}/requests`, admin);
    expect(
      body.map((e: { operationId: string; response: { status: number } }) => [
        e.operationId,
        e.response.status,
      ]),
    ).toEqual([
      ['getCustomer', 401],
      ['getCustomer', 404],
    ]);
    expect((await t.get(`/__admin/stores/other${t.hash}/requests`, admin)).body).toEqual([]);
  });

  it('filters by method, path pattern, operationId, status, since and after', async () => {
    const t = testApp({ clock: () => Date.parse('2024-03-01T12:00:00Z') });
    await t.post('/customers', newCustomer(1));
    await t.put('/customers/1', { notes: 'a' });
    await t.get('/customers/1');
    await t.get('/customers/2');
    const ids = async (query: string) =>
      (await t.get(`/__admin/stores/${t.hash}/requests?${query}`, admin)).body.map(
        (e: { method: string; path: string }) => `${e.method} ${e.path.replace(/^.*\/v2/, '')}`,
      );
    expect(await ids('method=GET')).toEqual(['GET /customers/1', 'GET /customers/2']);
    expect(await ids('path=/customers/*')).toEqual([
      'PUT /customers/1',
      'GET /customers/1',
      'GET /customers/2',
    ]);
    expect(await ids('operationId=updateCustomer')).toEqual(['PUT /customers/1']);
    expect(await ids('status=4xx')).toEqual(['GET /customers/2']);
    expect(await ids('status=201')).toEqual(['POST /customers']);
    expect(await ids('since=2024-03-01T12:00:00Z')).toHaveLength(4);
    expect(await ids('since=2024-03-01T12:00:01Z')).toEqual([]);
    const all = (await t.get(`/__admin/stores/${t.hash}/requests`, admin)).body;
    expect(await ids(`after=${all[1].id}`)).toEqual(['GET /customers/1', 'GET /customers/2']);
    expect(await ids('limit=1')).toEqual(['GET /customers/2']);
    expect((await t.get(`/__admin/stores/${t.hash}/requests?since=yesterday`, admin)).status).toBe(400);
  });

  it('keeps the last n requests per store (journalSize), and DELETE clears it', async () => {
    const t = testApp({ journalSize: 3 });
    for (let i = 1; i <= 5; i++) await t.get(`/customers/${i}`);
    const { body } = await t.get(`/__admin/stores/${t.hash}/requests`, admin);
    expect(body.map((e: { path: string }) => e.path.split('/').pop())).toEqual(['3', '4', '5']);
    expect((await t.del(`/__admin/stores/${t.hash}/requests`, admin)).status).toBe(204);
    expect((await t.get(`/__admin/stores/${t.hash}/requests`, admin)).body).toEqual([]);
  });

  it('answers 409 when the journal is off (journalSize 0)', async () => {
    const t = testApp({ journalSize: 0 });
    await t.get('/customers/1');
    const res = await t.get(`/__admin/stores/${t.hash}/requests`, admin);
    expect(res.status).toBe(409);
    expect(res.body[0].details.conflict_reason).toContain('--journal');
  });
});
