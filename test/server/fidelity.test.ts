/**
 * The fidelity fixes real clients hit: the default group, 100-per-call deletes, conditional GETs,
 * the store-version header, dates whose `+` arrived as a space, the legacy all-addresses count,
 * group deletes that sync can see, and the compat switches for the low-confidence facts.
 */
import { describe, expect, it } from 'vitest';
import { createCustomers, newAddress, newCustomer, testApp } from '../helpers.js';

const START = Date.parse('2024-05-06T07:34:10Z');

/** A test app whose clock the test moves by hand. */
function clockedApp(options: Parameters<typeof testApp>[0] = {}) {
  const clock = { now: START };
  const t = testApp({ clock: () => clock.now, ...options });
  return { ...t, clock };
}

describe('the default group', () => {
  it('takes in a customer created without customer_group_id', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'Retail' });
    await t.post('/customer_groups', { name: 'Shoppers', is_default: true });
    const res = await t.post('/customers', newCustomer(1));
    expect(res.body.customer_group_id).toBe(2);
  });

  it('leaves a customer created with customer_group_id 0 in no group', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'Shoppers', is_default: true });
    expect(
      (await t.post('/customers', newCustomer(1, { customer_group_id: 0 }))).body.customer_group_id,
    ).toBe(0);
  });

  it('is not needed: without one a new customer is in no group', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'Retail' });
    expect((await t.post('/customers', newCustomer(1))).body.customer_group_id).toBe(0);
  });
});

describe('DELETE /customers', () => {
  it('deletes at most 100 matches per call, lowest ids first', async () => {
    const t = testApp();
    await createCustomers(
      t.app,
      t.hash,
      Array.from({ length: 130 }, (_, i) => newCustomer(i + 1)),
      START,
    );
    expect((await t.del('/customers')).status).toBe(204);
    expect((await t.get('/customers/count')).body).toEqual({ count: 30 });
    expect((await t.get('/customers?limit=1')).body[0].id).toBe(101);
    await t.del('/customers');
    expect((await t.get('/customers')).status).toBe(204);
  });

  it('takes no page and no limit: they neither narrow nor widen the batch', async () => {
    const t = testApp();
    await createCustomers(
      t.app,
      t.hash,
      Array.from({ length: 120 }, (_, i) => newCustomer(i + 1)),
      START,
    );
    expect((await t.del('/customers?limit=5&page=3')).status).toBe(204);
    expect((await t.get('/customers/count')).body).toEqual({ count: 20 });
    expect((await t.get('/customers?limit=1')).body[0].id).toBe(101);
  });

  it('still filters: the batch is the first 100 matches', async () => {
    const t = testApp();
    const inputs = Array.from({ length: 210 }, (_, i) =>
      newCustomer(i + 1, { company: i % 2 ? 'Odd' : 'Even' }),
    );
    await createCustomers(t.app, t.hash, inputs, START);
    await t.del('/customers?company=Odd');
    expect((await t.get('/customers/count?company=Odd')).body).toEqual({ count: 5 });
    expect((await t.get('/customers/count?company=Even')).body).toEqual({ count: 105 });
  });
});

describe('conditional GETs', () => {
  it('sends Last-Modified with a customer and answers 304 to a matching If-Modified-Since', async () => {
    const t = clockedApp();
    await t.post('/customers', newCustomer(1));
    const first = await t.get('/customers/1');
    expect(first.headers['last-modified']).toBe('Mon, 06 May 2024 07:34:10 GMT');
    const again = await t.get('/customers/1', {
      'if-modified-since': String(first.headers['last-modified']),
    });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers['last-modified']).toBe(first.headers['last-modified']);
  });

  it('answers the customer again once it changed after If-Modified-Since', async () => {
    const t = clockedApp();
    await t.post('/customers', newCustomer(1));
    const since = String((await t.get('/customers/1')).headers['last-modified']);
    t.clock.now += 60_000;
    await t.put('/customers/1', { notes: 'changed' });
    const res = await t.get('/customers/1', { 'if-modified-since': since });
    expect(res.status).toBe(200);
    expect(res.body.notes).toBe('changed');
  });

  it('answers a group 304 when it has not changed, and ignores an unreadable If-Modified-Since', async () => {
    const t = clockedApp();
    await t.post('/customer_groups', { name: 'Trade' });
    expect(
      (await t.get('/customer_groups/1', { 'if-modified-since': 'Tue, 07 May 2024 00:00:00 GMT' })).status,
    ).toBe(304);
    expect((await t.get('/customer_groups/1', { 'if-modified-since': 'yesterday' })).status).toBe(200);
  });

  it('carries X-BC-Store-Version on every store answer, errors too', async () => {
    const t = testApp();
    for (const res of [
      await t.get('/customers'),
      await t.get('/customers/9'),
      await t.get('/customers', { 'x-auth-token': 'nope' }),
    ]) {
      expect(res.headers['x-bc-store-version']).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});

describe('date filters', () => {
  it('reads an ISO offset whose + arrived as a space (an unencoded query)', async () => {
    const t = clockedApp();
    await t.post('/customers', newCustomer(1));
    t.clock.now += 3_600_000;
    await t.post('/customers', newCustomer(2));
    const ids = async (q: string) => (await t.get(`/customers?${q}`)).body.map((c: { id: number }) => c.id);
    // `+` is not encoded, so the query decodes it as a space.
    expect(await ids('min_date_created=2024-05-06T08:00:00+00:00')).toEqual([2]);
    expect(await ids('min_date_created=2024-05-06T08:00:00%2B00:00')).toEqual([2]);
    // 10:00 at +02:00 is 08:00 UTC: the offset is honoured, not dropped.
    expect(await ids('max_date_created=2024-05-06T10:00:00+02:00')).toEqual([1]);
    expect(await ids('min_date_created=Mon,%2006%20May%202024%2008:00:00+0000')).toEqual([2]);
  });
});

describe('GET /customers/addresses/count', () => {
  it('counts the addresses of every customer (the legacy route)', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    await t.post('/customers', newCustomer(2));
    await t.post('/customers/1/addresses', newAddress());
    await t.post('/customers/2/addresses', newAddress());
    await t.post('/customers/2/addresses', newAddress({ city: 'Dallas' }));
    expect((await t.get('/customers/addresses/count')).body).toEqual({ count: 3 });
    expect((await t.get('/customers/addresses/count.json')).body).toEqual({ count: 3 });
  });
});

describe('DELETE /customer_groups/{id}', () => {
  it('gives the customers it moves to group 0 a new date_modified, so incremental syncs see them', async () => {
    const t = clockedApp();
    await t.post('/customer_groups', { name: 'Trade' });
    await t.post('/customers', newCustomer(1, { customer_group_id: 1 }));
    await t.post('/customers', newCustomer(2));
    t.clock.now += 86_400_000;
    await t.del('/customer_groups/1');
    const changed = await t.get('/customers?min_date_modified=2024-05-07T00:00:00Z');
    expect(
      changed.body.map((c: { id: number; customer_group_id: number }) => [c.id, c.customer_group_id]),
    ).toEqual([[1, 0]]);
    expect(changed.body[0].date_modified).toBe('Tue, 07 May 2024 07:34:10 +0000');
  });
});

describe('store credit', () => {
  it.each([-1, '-0.5'])(
    'refuses a negative amount (%s), as the spec says, and changes nothing',
    async (store_credit) => {
      const t = testApp();
      await t.post('/customers', newCustomer(1));
      const res = await t.put('/customers/1', { store_credit });
      expect(res.body).toEqual([{ status: 400, message: "The field 'store_credit' is invalid." }]);
      expect((await t.get('/customers/1')).body.store_credit).toBe('0.0000');
    },
  );
});

describe('compat switches', () => {
  it('serves 250 for a limit over 250 with limitOverMax clamp (the default is 413)', async () => {
    const t = testApp({ compat: { limitOverMax: 'clamp' } });
    await createCustomers(
      t.app,
      t.hash,
      Array.from({ length: 260 }, (_, i) => newCustomer(i + 1)),
      START,
    );
    expect((await t.get('/customers?limit=300')).body).toHaveLength(250);
    expect((await testApp().get('/customers?limit=300')).status).toBe(413);
  });

  it('answers creates with 200 when createStatus is 200 (the default is 201)', async () => {
    const t = testApp({ compat: { createStatus: 200 } });
    expect((await t.post('/customer_groups', { name: 'A' })).status).toBe(200);
    expect((await t.post('/customers', newCustomer(1))).status).toBe(200);
    expect((await t.post('/customers/1/addresses', newAddress())).status).toBe(200);
  });

  it('writes group dates in RFC 2822 with groupDates rfc2822 (the default is YYYY-MM-DD HH:MM:SS)', async () => {
    const rfc = clockedApp({ compat: { groupDates: 'rfc2822' } });
    expect((await rfc.post('/customer_groups', { name: 'A' })).body.date_created).toBe(
      'Mon, 06 May 2024 07:34:10 +0000',
    );
    const sql = clockedApp();
    expect((await sql.post('/customer_groups', { name: 'A' })).body.date_created).toBe('2024-05-06 07:34:10');
  });
});
