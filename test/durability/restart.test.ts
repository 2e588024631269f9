/**
 * A restart on the same database file: every GET answers the same bytes as before it (records,
 * ids, dates, groups, counts, fingerprints), passwords still validate, new ids continue where they
 * stopped, and what the admin API did (reset, seed, delete) stayed done.
 */
import { describe, expect, it } from 'vitest';
import { openSqliteBackend } from '../../src/engine/sqlite/index.js';
import { worldFill } from '../../src/seed/index.js';
import { ADMIN, newAddress, newCustomer, testApp, type TestResponse } from '../helpers.js';
import { dbFiles } from './db-files.js';

const files = dbFiles();
const admin = { 'x-admin-token': ADMIN };
const prime = (hash: string) => worldFill({ storeHash: hash, customers: 30, groups: 4 });

/** A test app over the file, with the same clock and data settings each time. */
const appOn = (file: string) => {
  let now = Date.parse('2024-05-01T08:00:00Z');
  return testApp({ backend: openSqliteBackend(file), prime, clock: () => (now += 1000) });
};

/** Every GET the API serves for a store: pages, counts, filters, each record, admin summaries. */
async function everyGet(t: ReturnType<typeof appOn>, hash: string): Promise<Map<string, string>> {
  const base = `/stores/${hash}/v2`;
  const urls = [
    `${base}/customers/count`,
    `${base}/customer_groups`,
    `${base}/customer_groups/count`,
    `${base}/customers?min_id=5&max_id=12`,
    `${base}/customers?customer_group_id=2`,
    `${base}/customers?email=JANE.DOE1%40example.com`,
    `${base}/customers?min_date_modified=2024-01-01T00:00:00Z`,
    `/__admin/stores`,
    `/__admin/stores/${hash}`,
  ];
  const count = (await t.get(`${base}/customers/count`)).body.count as number;
  for (let page = 1; page <= Math.ceil(count / 10) + 1; page++)
    urls.push(`${base}/customers?page=${page}&limit=10`);
  for (const g of (await t.get(`${base}/customer_groups`)).body) urls.push(`${base}/customer_groups/${g.id}`);
  for (let id = 1; id <= 40; id++) {
    urls.push(`${base}/customers/${id}`, `${base}/customers/${id}/addresses`);
    const addresses = await t.get(`${base}/customers/${id}/addresses`);
    for (const a of addresses.body ?? []) urls.push(`${base}/customers/${id}/addresses/${a.id}`);
  }
  const out = new Map<string, string>();
  for (const url of urls) {
    const res: TestResponse = await t.get(url, admin);
    out.set(url, `${res.status} ${res.headers['content-type'] ?? ''} ${res.text}`);
  }
  return out;
}

describe('a restart on the same database file', () => {
  it('answers every GET with the same bytes, validates the same passwords and continues the ids', async () => {
    const file = files.file();
    const first = appOn(file);
    const s = '/stores/kept/v2';
    const writes = [
      await first.post(`${s}/customer_groups`, {
        name: 'Restart Club',
        discount_rules: [{ type: 'all', method: 'percent', amount: 5 }],
      }),
      await first.put(`${s}/customer_groups/2`, {
        is_default: true,
        category_access: { type: 'specific', categories: [3, 1] },
      }),
      await first.del(`${s}/customer_groups/3`),
      await first.put(`${s}/customers/4`, { notes: 'changed', store_credit: 12.5, email: 'New@Example.com' }),
      await first.put(`${s}/customers/2/addresses/2`, { city: 'Dallas' }),
      await first.del(`${s}/customers/7`),
      await first.del(`${s}/customers?max_id=3`),
    ];
    const jane = await first.post(
      `${s}/customers`,
      newCustomer(1, { _authentication: { password: 'secret123' } }),
    );
    writes.push(
      jane,
      await first.post(`${s}/customers/${jane.body.id}/addresses`, newAddress({ company: 'Ünïcode' })),
    );
    expect(writes.map((w) => w.status)).toEqual([201, 200, 204, 200, 200, 204, 204, 201, 201]);
    const group = writes[0]?.body.id as number;
    const before = await everyGet(first, 'kept');
    const validate = (t: ReturnType<typeof appOn>, password: string) =>
      t.post(`${s}/customers/${jane.body.id}/validate`, { password });
    expect((await validate(first, 'secret123')).body).toEqual({ success: true });
    await first.app.close();

    const second = appOn(file);
    const after = await everyGet(second, 'kept');
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [url, answer] of before) expect(after.get(url), url).toBe(answer);
    expect((await validate(second, 'secret123')).body).toEqual({ success: true });
    expect((await validate(second, 'wrong-one1')).body).toEqual({ success: false });
    expect((await second.post(`${s}/customers`, newCustomer(2))).body.id).toBe(jane.body.id + 1);
    expect((await second.post(`${s}/customer_groups`, { name: 'Next' })).body.id).toBe(group + 1);
    await second.app.close();
  });

  it('keeps what the admin API did: a reset, a seed and a delete', async () => {
    const file = files.file();
    const first = appOn(file);
    for (const hash of ['reset-me', 'seed-me', 'delete-me'])
      await first.get(`/stores/${hash}/v2/customers/count`);
    await first.post('/stores/reset-me/v2/customers', newCustomer(1));
    expect((await first.request('POST', '/__admin/stores/reset-me/reset', undefined, admin)).status).toBe(
      200,
    );
    const seeded = await first.request(
      'POST',
      '/__admin/stores/seed-me/seed',
      { seed: 7, customers: 12 },
      admin,
    );
    expect(seeded.body).toMatchObject({ customers: 12 });
    expect((await first.request('DELETE', '/__admin/stores/delete-me', undefined, admin)).status).toBe(204);
    const summaries = (await first.get('/__admin/stores', admin)).text;
    const seedSummary = (await first.get('/__admin/stores/seed-me', admin)).text;
    await first.app.close();

    const second = appOn(file);
    expect((await second.get('/__admin/stores', admin)).text).toBe(summaries);
    expect(JSON.parse(summaries).map((x: { store_hash: string }) => x.store_hash)).toEqual([
      'reset-me',
      'seed-me',
    ]);
    expect((await second.get('/__admin/stores/seed-me', admin)).text).toBe(seedSummary);
    expect((await second.get('/stores/reset-me/v2/customers/count')).body).toEqual({ count: 30 });
    expect((await second.get('/__admin/stores/delete-me', admin)).status).toBe(404);
    await second.app.close();
  });
});
