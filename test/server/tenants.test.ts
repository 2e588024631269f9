import { describe, expect, it } from 'vitest';
import { ADMIN, freshHash, groupRecord, newAddress, newCustomer, recordsFill, testApp } from '../helpers.js';

const admin = { 'x-admin-token': ADMIN };

describe('tenants', () => {
  it('never show one store the data of another', async () => {
    const t = testApp();
    const a = `/stores/${freshHash()}/v2`;
    const b = `/stores/${freshHash()}/v2`;
    await t.post(`${a}/customer_groups`, { name: 'Wholesale' });
    await t.post(`${a}/customers`, newCustomer(1, { customer_group_id: 1 }));
    await t.post(`${a}/customers/1/addresses`, newAddress());

    expect((await t.get(`${b}/customers`)).status).toBe(204);
    expect((await t.get(`${b}/customers/count`)).body).toEqual({ count: 0 });
    expect((await t.get(`${b}/customers/1`)).status).toBe(404);
    expect((await t.get(`${b}/customers/1/addresses`)).status).toBe(404);
    expect((await t.get(`${b}/customer_groups`)).status).toBe(204);
    expect((await t.get(`${b}/customer_groups/1`)).status).toBe(404);
    expect((await t.post(`${b}/customers`, newCustomer(1, { customer_group_id: 1 }))).status).toBe(400);
  });

  it('keep separate ids and email sets', async () => {
    const t = testApp();
    const a = `/stores/${freshHash()}/v2`;
    const b = `/stores/${freshHash()}/v2`;
    await t.post(`${a}/customers`, newCustomer(1));
    await t.post(`${a}/customers`, newCustomer(2));
    const inB = await t.post(`${b}/customers`, newCustomer(1));
    expect(inB.status).toBe(201);
    expect(inB.body.id).toBe(1);
    expect(inB.body.addresses.url).toBe(`https://api.bigcommerce.com${b}/customers/1/addresses`);
    expect(inB.headers.location).toBe(`${b}/customers/1`);
    await t.post(`${a}/customer_groups`, { name: 'Same' });
    expect((await t.post(`${b}/customer_groups`, { name: 'Same' })).status).toBe(201);
  });

  it('isolate writes and deletes', async () => {
    const t = testApp();
    const a = `/stores/${freshHash()}/v2`;
    const b = `/stores/${freshHash()}/v2`;
    for (const s of [a, b]) {
      await t.post(`${s}/customers`, newCustomer(1));
      await t.post(`${s}/customer_groups`, { name: 'G' });
    }
    await t.put(`${a}/customers/1`, { notes: 'only in a' });
    await t.del(`${a}/customer_groups/1`);
    expect((await t.del(`${a}/customers`)).status).toBe(204);
    expect((await t.get(`${b}/customers/1`)).body.notes).toBe('');
    expect((await t.get(`${b}/customers/count`)).body).toEqual({ count: 1 });
    expect((await t.get(`${b}/customer_groups/count`)).body).toEqual({ count: 1 });
  });

  it('fill each new store with the prime function', async () => {
    const t = testApp({
      prime: () =>
        recordsFill({
          groups: [groupRecord(1, 'Primed', Date.parse('2024-01-01T00:00:00Z'))],
          customers: [],
          addresses: [],
        }),
    });
    expect((await t.get('/customer_groups')).body.map((g: { name: string }) => g.name)).toEqual(['Primed']);
    expect((await t.get(`/stores/${freshHash()}/v2/customer_groups/count`)).body).toEqual({ count: 1 });
  });
});

describe('admin API', () => {
  it('serves health without a token', async () => {
    const t = testApp();
    const res = await t.get('/__admin/health', {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it.each([
    ['GET', '/__admin/stores'],
    ['GET', '/__admin/stores/abc'],
    ['POST', '/__admin/stores/abc/reset'],
    ['DELETE', '/__admin/stores/abc'],
  ])('answers 401 to %s %s without a valid X-Admin-Token', async (method, path) => {
    const t = testApp();
    await t.post('/stores/abc/v2/customers', newCustomer(1));
    const attempts: Record<string, string>[] = [
      {},
      { 'x-admin-token': 'wrong' },
      { 'x-admin-token': `${ADMIN}x` },
    ];
    for (const headers of attempts) {
      const res = await t.request(method, path, undefined, headers);
      expect(res.status).toBe(401);
    }
    expect((await t.get('/stores/abc/v2/customers/count')).body).toEqual({ count: 1 });
  });

  it('does not take a store token as the admin token', async () => {
    const t = testApp();
    expect((await t.get('/__admin/stores')).status).toBe(401);
  });

  it('lists the stores in use with their counts', async () => {
    const t = testApp();
    const a = freshHash();
    const b = freshHash();
    await t.post(`/stores/${a}/v2/customers`, newCustomer(1));
    await t.post(`/stores/${a}/v2/customers/1/addresses`, newAddress());
    await t.post(`/stores/${b}/v2/customer_groups`, { name: 'G' });
    const res = await t.get('/__admin/stores', admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        { store_hash: a, customers: 1, addresses: 1, groups: 0 },
        { store_hash: b, customers: 0, addresses: 0, groups: 1 },
      ]),
    );
    expect(res.body).toHaveLength(2);
  });

  it('describes one store, and 404 for a store not in use', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    const res = await t.get(`/__admin/stores/${t.hash}`, admin);
    expect(res.body).toMatchObject({ store_hash: t.hash, customers: 1, addresses: 0, groups: 0 });
    expect((await t.get(`/__admin/stores/${freshHash()}`, admin)).status).toBe(404);
  });

  it('resets a store to empty and leaves the others alone', async () => {
    const t = testApp();
    const other = `/stores/${freshHash()}/v2`;
    await t.post('/customer_groups', { name: 'G' });
    await t.post('/customers', newCustomer(1));
    await t.post('/customers/1/addresses', newAddress());
    await t.post(`${other}/customers`, newCustomer(1));
    const res = await t.request('POST', `/__admin/stores/${t.hash}/reset`, undefined, admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ store_hash: t.hash, customers: 0, addresses: 0, groups: 0 });
    expect((await t.get('/customers')).status).toBe(204);
    expect((await t.get('/customer_groups')).status).toBe(204);
    expect((await t.post('/customers', newCustomer(1))).body.id).toBe(1);
    expect((await t.get(`${other}/customers/count`)).body).toEqual({ count: 1 });
  });

  it('resets a store to its primed state when a prime function is configured', async () => {
    const t = testApp({
      prime: () =>
        recordsFill({
          groups: [groupRecord(1, 'Primed', Date.parse('2024-01-01T00:00:00Z'))],
          customers: [],
          addresses: [],
        }),
    });
    await t.post('/customer_groups', { name: 'Added' });
    await t.request('POST', `/__admin/stores/${t.hash}/reset`, undefined, admin);
    expect((await t.get('/customer_groups')).body.map((g: { name: string }) => g.name)).toEqual(['Primed']);
  });

  it('deletes a store, which comes back empty on next use', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    const res = await t.request('DELETE', `/__admin/stores/${t.hash}`, undefined, admin);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.get('/__admin/stores', admin)).body).toEqual([]);
    expect((await t.get('/customers')).status).toBe(204);
    expect((await t.request('DELETE', `/__admin/stores/${freshHash()}`, undefined, admin)).status).toBe(404);
  });

  it('answers 404 for an unknown admin path and 405 for a wrong method', async () => {
    const t = testApp();
    expect((await t.get('/__admin/nothing', admin)).status).toBe(404);
    const res = await t.request('PUT', '/__admin/stores', {}, admin);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });
});

describe('store cap', () => {
  it('drops the store created longest ago once more than maxStores exist, unless the backend is durable', async () => {
    const t = testApp({ maxStores: 2 });
    for (const h of ['s1', 's2', 's3']) {
      expect((await t.get(`/stores/${h}/v2/customers/count`)).body).toEqual({ count: 0 });
    }
    // The cap bounds memory; a database file keeps every store it is given.
    const kept = t.app.stores.backend.durable ? ['s1', 's2', 's3'] : ['s2', 's3'];
    expect(await t.app.stores.hashes()).toEqual(kept);
  });
});
