import { describe, expect, it } from 'vitest';
import { inject } from 'light-my-request';
import { ADMIN, assertConforms, newAddress, newCustomer, testApp } from '../helpers.js';

const admin = { 'x-admin-token': ADMIN };

/** A store with a group, customers (one in the group, one with a password) and addresses. */
async function storeWithData() {
  const t = testApp({ clock: () => Date.parse('2024-02-02T10:00:00Z') });
  const g = await t.post('/customer_groups', { name: 'Wholesale' });
  await t.post('/customers', newCustomer(1, { customer_group_id: g.body.id }));
  await t.post('/customers', newCustomer(2, { _authentication: { password: 'Right-pass-2' } }));
  await t.post('/customers/1/addresses', newAddress());
  await t.post('/customers/2/addresses', newAddress({ city: 'Dallas' }));
  return t;
}

/** The bytes of every read a client would make of the store. */
async function reads(t: ReturnType<typeof testApp>, base = '') {
  const paths = [
    '/customers',
    '/customers/1',
    '/customers/2/addresses',
    '/customer_groups',
    '/customers/count',
  ];
  return Promise.all(paths.map(async (p) => (await t.get(`${base}${p}`)).text));
}

describe('snapshots', () => {
  it('restore gives back identical GET bytes, and new ids continue as they would have', async () => {
    const t = await storeWithData();
    const before = await reads(t);
    const snap = await t.request('POST', `/__admin/stores/${t.hash}/snapshots`, undefined, admin);
    expect(snap.status).toBe(201);
    expect(snap.body).toMatchObject({ customers: 2, addresses: 2, groups: 1 });
    await t.post('/customers', newCustomer(3));
    await t.put('/customers/1', { notes: 'changed' });
    await t.del('/customers/2');
    await t.del('/customers/3');
    const restored = await t.request(
      'POST',
      `/__admin/stores/${t.hash}/snapshots/${snap.body.id}/restore`,
      undefined,
      admin,
    );
    expect(restored.body).toMatchObject({ customers: 2, addresses: 2, groups: 1 });
    expect(await reads(t)).toEqual(before);
    // Customer 3 was created (and deleted) after the snapshot: restored, the store gives 3 again.
    expect((await t.post('/customers', newCustomer(4))).body.id).toBe(3);
    expect((await t.post('/customers/2/validate', { password: 'Right-pass-2' })).body).toEqual({
      success: true,
    });
  });

  it('lists and drops snapshots; an unknown one is a 404', async () => {
    const t = await storeWithData();
    const a = await t.request('POST', `/__admin/stores/${t.hash}/snapshots`, undefined, admin);
    await t.request('POST', `/__admin/stores/${t.hash}/snapshots`, undefined, admin);
    expect((await t.get(`/__admin/stores/${t.hash}/snapshots`, admin)).body).toHaveLength(2);
    expect((await t.del(`/__admin/stores/${t.hash}/snapshots/${a.body.id}`, admin)).status).toBe(204);
    const missing = await t.request(
      'POST',
      `/__admin/stores/${t.hash}/snapshots/${a.body.id}/restore`,
      undefined,
      admin,
    );
    expect(missing.status).toBe(404);
  });
});

describe('export and import', () => {
  it('round-trips a store through ndjson into another store hash, byte for byte', async () => {
    const t = await storeWithData();
    const text = await exportText(t);
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual([
      'store',
      'group',
      'customer',
      'customer',
      'address',
      'address',
    ]);
    expect(lines[0]).toMatchObject({ format: 'bc-fakestore-store/1', next_ids: { customers: 3 } });
    expect(text).not.toContain('Right-pass-2');
    const copy = `copy${t.hash}`;
    const imported = await importText(t, copy, text);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ store_hash: copy, customers: 2, addresses: 2, groups: 1 });
    const original = await reads(t);
    const copied = await reads(t, `/stores/${copy}/v2`);
    expect(copied.map((x) => x.replaceAll(copy, t.hash))).toEqual(original);
  });

  it('refuses a bad line with its number and reason, and changes nothing', async () => {
    const t = await storeWithData();
    const text = await exportText(t);
    const lines = text.trim().split('\n');
    const orphan = JSON.stringify({ ...JSON.parse(lines[5] as string), id: 99, customer_id: 42 });
    const res = await importText(t, t.hash, [...lines, orphan].join('\n'));
    expect(res.status).toBe(400);
    expect(res.body[0]).toMatchObject({
      message: 'Line 7 of the store data is invalid.',
      details: { invalid_reason: 'address 99 belongs to customer 42, which no earlier line defines' },
    });
    const typo = await importText(t, t.hash, lines[0]!.replace('"kind":"store"', '"kind":"shop"'));
    expect(typo.status).toBe(400);
    expect((await t.get('/customers/count')).body).toEqual({ count: 2 });
  });
});

/** The store's export as text (the test helpers parse bodies as JSON; this one is ndjson), checked against the spec. */
async function exportText(t: ReturnType<typeof testApp>): Promise<string> {
  const url = `/__admin/stores/${t.hash}/export`;
  const res = await inject(t.app.handle, { method: 'GET', url, headers: admin });
  assertConforms('GET', url, { status: res.statusCode, headers: res.headers, text: res.payload });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/x-ndjson');
  return res.payload;
}

function importText(t: ReturnType<typeof testApp>, hash: string, text: string) {
  return t.request('PUT', `/__admin/stores/${hash}/export`, text, {
    ...admin,
    'content-type': 'application/x-ndjson',
  });
}
