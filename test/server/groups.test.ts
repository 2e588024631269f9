import { describe, expect, it } from 'vitest';
import { newCustomer, testApp } from '../helpers.js';

const START = Date.parse('2024-05-06T07:34:10Z');

/** A test app whose clock the test moves by hand. */
function clockedApp() {
  const clock = { now: START };
  const t = testApp({ clock: () => clock.now });
  return { ...t, clock };
}

const ids = (res: { status: number; body: { id: number }[] | undefined }): number[] =>
  res.status === 204 ? [] : (res.body ?? []).map((g) => g.id);

describe('POST /customer_groups', () => {
  it('creates a group with 201, a Location and the platform defaults', async () => {
    const t = clockedApp();
    const res = await t.post('/customer_groups', { name: 'Wholesale' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/stores/${t.hash}/v2/customer_groups/1`);
    expect(res.body).toEqual({
      id: 1,
      name: 'Wholesale',
      is_default: false,
      category_access: { type: 'all' },
      discount_rules: [],
      is_group_for_guests: false,
      date_created: '2024-05-06 07:34:10',
      date_modified: '2024-05-06 07:34:10',
    });
  });

  it('returns discount amounts as 4-decimal strings', async () => {
    const t = testApp();
    const res = await t.post('/customer_groups', {
      name: 'VIP',
      discount_rules: [
        { type: 'all', method: 'percent', amount: 5 },
        { type: 'category', method: 'fixed', amount: '2.5', category_id: 18 },
        { type: 'product', method: 'price', amount: 10, product_id: 77 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.discount_rules).toEqual([
      { type: 'all', method: 'percent', amount: '5.0000' },
      { type: 'category', method: 'fixed', amount: '2.5000', category_id: 18 },
      { type: 'product', method: 'price', amount: '10.0000', product_id: 77 },
    ]);
  });

  it('accepts a price_list rule on its own', async () => {
    const t = testApp();
    const res = await t.post('/customer_groups', {
      name: 'Priced',
      discount_rules: [{ type: 'price_list', price_list_id: 3 }],
    });
    expect(res.status).toBe(201);
    expect(res.body.discount_rules).toEqual([{ type: 'price_list', price_list_id: 3 }]);
  });

  it.each([
    [
      'a price_list rule with another rule',
      [
        { type: 'price_list', price_list_id: 3 },
        { type: 'all', method: 'percent', amount: 5 },
      ],
    ],
    [
      'two all rules',
      [
        { type: 'all', method: 'percent', amount: 5 },
        { type: 'all', method: 'fixed', amount: 1 },
      ],
    ],
    ['a category rule without category_id', [{ type: 'category', method: 'percent', amount: 5 }]],
    ['an all rule without amount', [{ type: 'all', method: 'percent' }]],
    ['a negative amount', [{ type: 'all', method: 'percent', amount: -5 }]],
    ['a price_list rule with a method', [{ type: 'price_list', price_list_id: 3, method: 'percent' }]],
  ])('rejects %s with 400 and creates nothing', async (_name, rules) => {
    const t = testApp();
    const res = await t.post('/customer_groups', { name: 'G', discount_rules: rules });
    expect(res.status).toBe(400);
    expect(res.body[0].message).toMatch(/^The field 'discount_rules/);
    expect((await t.get('/customer_groups/count')).body).toEqual({ count: 0 });
  });

  it('keeps specific category access and rejects it without categories', async () => {
    const t = testApp();
    const ok = await t.post('/customer_groups', {
      name: 'Some',
      category_access: { type: 'specific', categories: [3, 1, 3] },
    });
    expect(ok.body.category_access).toEqual({ type: 'specific', categories: [3, 1] });
    const bad = await t.post('/customer_groups', { name: 'None', category_access: { type: 'specific' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([
      { status: 400, message: "The field 'category_access.categories' is invalid." },
    ]);
  });

  it('rejects a duplicate name, ignoring case, with 409 and a conflict reason', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'Wholesale' });
    const res = await t.post('/customer_groups', { name: 'WHOLESALE' });
    expect(res.status).toBe(409);
    expect(res.body[0].status).toBe(409);
    expect(res.body[0].details.conflict_reason).toContain('Wholesale');
    expect((await t.get('/customer_groups/count')).body).toEqual({ count: 1 });
  });

  it('rejects a group without a name, an unknown field and a read-only field with 400', async () => {
    const t = testApp();
    expect((await t.post('/customer_groups', {})).body[0].message).toContain("'name'");
    expect((await t.post('/customer_groups', { name: 'A', colour: 'red' })).status).toBe(400);
    const ro = await t.post('/customer_groups', { name: 'A', id: 5 });
    expect(ro.status).toBe(400);
    expect(ro.body[0].message).toMatch(/cannot be written to/);
    expect((await t.get('/customer_groups/count')).body).toEqual({ count: 0 });
  });
});

describe('is_default', () => {
  it('moves to the newest default group on create and on update', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'A', is_default: true });
    await t.post('/customer_groups', { name: 'B', is_default: true });
    expect(ids(await t.get('/customer_groups?is_default=true'))).toEqual([2]);
    expect((await t.get('/customer_groups/1')).body.is_default).toBe(false);
    await t.put('/customer_groups/1', { is_default: true });
    expect(ids(await t.get('/customer_groups?is_default=true'))).toEqual([1]);
    expect((await t.get('/customer_groups/2')).body.is_default).toBe(false);
  });
});

describe('is_group_for_guests', () => {
  it('belongs to one group at a time, moving on create and on update', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'Guests', is_group_for_guests: true });
    await t.post('/customer_groups', { name: 'Visitors', is_group_for_guests: true });
    expect(ids(await t.get('/customer_groups?is_group_for_guests=true'))).toEqual([2]);
    await t.put('/customer_groups/1', { is_group_for_guests: true });
    expect(ids(await t.get('/customer_groups?is_group_for_guests=true'))).toEqual([1]);
    expect((await t.get('/customer_groups/2')).body.is_group_for_guests).toBe(false);
  });

  it('can be taken off without another group getting it', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'Guests', is_group_for_guests: true });
    await t.put('/customer_groups/1', { is_group_for_guests: false });
    expect((await t.get('/customer_groups/count?is_group_for_guests=true')).body).toEqual({ count: 0 });
  });
});

describe('reading groups', () => {
  it('answers 204 with no body when there are no groups', async () => {
    const t = testApp();
    const res = await t.get('/customer_groups');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.get('/customer_groups/count')).body).toEqual({ count: 0 });
  });

  it('lists groups by id and pages them', async () => {
    const t = testApp();
    for (const name of ['A', 'B', 'C']) await t.post('/customer_groups', { name });
    expect(ids(await t.get('/customer_groups'))).toEqual([1, 2, 3]);
    expect(ids(await t.get('/customer_groups?limit=2&page=2'))).toEqual([3]);
    expect((await t.get('/customer_groups?limit=2&page=3')).status).toBe(204);
    expect((await t.get('/customer_groups?limit=251')).status).toBe(413);
    expect((await t.get('/customer_groups?page=0')).status).toBe(400);
  });

  it('gets one group, and 404 for an unknown one', async () => {
    const t = testApp();
    const created = await t.post('/customer_groups', { name: 'A' });
    expect((await t.get('/customer_groups/1')).body).toEqual(created.body);
    expect((await t.get('/customer_groups/2')).status).toBe(404);
  });

  describe('filters, in list and count alike', () => {
    async function population() {
      const t = clockedApp();
      await t.post('/customer_groups', { name: 'Wholesale', is_default: true });
      t.clock.now += 3_600_000;
      await t.post('/customer_groups', { name: 'Retail Plus' });
      t.clock.now += 3_600_000;
      await t.post('/customer_groups', { name: 'Guests', is_group_for_guests: true });
      t.clock.now += 3_600_000;
      await t.put('/customer_groups/1', { name: 'Wholesale EU' });
      return t;
    }

    it.each<[string, number[]]>([
      ['name=Retail Plus', [2]],
      ['name=retail plus', []],
      ['name=Retail', []],
      ['name:like=retail', [2]],
      ['name:like=E', [1, 2, 3]],
      ['name:like=sale e', [1]],
      ['is_default=true', [1]],
      ['is_default=false', [2, 3]],
      ['is_group_for_guests=true', [3]],
      ['is_group_for_guests=0', [1, 2]],
      ['date_created=2024-05-06T08:34:10', [2]],
      ['date_created=2024-05-06 08:34:10', [2]],
      ['date_created:min=2024-05-06T08:34:10', [2, 3]],
      ['date_created:max=2024-05-06T08:34:10', [1, 2]],
      ['date_created:min=2024-05-06&date_created:max=2024-05-07', [1, 2, 3]],
      ['date_modified=2024-05-06T10:34:10', [1]],
      ['date_modified:min=2024-05-06T09:34:10', [1, 3]],
      ['date_modified:max=2024-05-06T09:00:00', [2]],
      ['name:like=U&is_default=false', [2, 3]],
      ['name:like=guest&is_group_for_guests=false', []],
    ])('%s matches %j', async (query, want) => {
      const t = await population();
      const qs = new URLSearchParams(query.split('&').map((kv) => kv.split('=') as [string, string]));
      expect(ids(await t.get(`/customer_groups?${qs}`))).toEqual(want);
      expect((await t.get(`/customer_groups/count?${qs}`)).body).toEqual({ count: want.length });
    });

    it.each(['is_default=yes', 'date_created=soon', 'date_modified:max=2024-02-30T25:00:00'])(
      'answers 400 for the malformed filter %s',
      async (query) => {
        const t = testApp();
        expect((await t.get(`/customer_groups?${query}`)).status).toBe(400);
        expect((await t.get(`/customer_groups/count?${query}`)).status).toBe(400);
      },
    );
  });
});

describe('PUT /customer_groups/{id}', () => {
  it('changes only the fields sent and moves date_modified', async () => {
    const t = clockedApp();
    const before = (
      await t.post('/customer_groups', {
        name: 'A',
        category_access: { type: 'none' },
        discount_rules: [{ type: 'all', method: 'percent', amount: 5 }],
      })
    ).body;
    t.clock.now += 60_000;
    const res = await t.put('/customer_groups/1', { is_group_for_guests: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...before, is_group_for_guests: true, date_modified: '2024-05-06 07:35:10' });
  });

  it('replaces the whole discount rule set', async () => {
    const t = testApp();
    await t.post('/customer_groups', {
      name: 'A',
      discount_rules: [
        { type: 'all', method: 'percent', amount: 5 },
        { type: 'product', method: 'fixed', amount: 1, product_id: 2 },
      ],
    });
    const res = await t.put('/customer_groups/1', {
      discount_rules: [{ type: 'category', method: 'price', amount: '9.99', category_id: 4 }],
    });
    expect(res.body.discount_rules).toEqual([
      { type: 'category', method: 'price', amount: '9.9900', category_id: 4 },
    ]);
    expect((await t.put('/customer_groups/1', { discount_rules: [] })).body.discount_rules).toEqual([]);
  });

  it('renames a group, allows its own name in another case, and answers 409 for another group name', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'A' });
    await t.post('/customer_groups', { name: 'B' });
    expect((await t.put('/customer_groups/1', { name: 'a' })).body.name).toBe('a');
    const res = await t.put('/customer_groups/1', { name: 'b' });
    expect(res.status).toBe(409);
    expect(res.body[0].details.conflict_reason).toBeTruthy();
    expect((await t.get('/customer_groups/1')).body.name).toBe('a');
  });

  it('rejects invalid rules with 400 and keeps the old ones', async () => {
    const t = testApp();
    const before = (
      await t.post('/customer_groups', {
        name: 'A',
        discount_rules: [{ type: 'all', method: 'percent', amount: 5 }],
      })
    ).body;
    const res = await t.put('/customer_groups/1', {
      discount_rules: [
        { type: 'price_list', price_list_id: 1 },
        { type: 'product', method: 'fixed', amount: 1, product_id: 2 },
      ],
    });
    expect(res.status).toBe(400);
    expect((await t.get('/customer_groups/1')).body).toEqual(before);
  });

  it('answers 404 for an unknown group', async () => {
    const t = testApp();
    expect((await t.put('/customer_groups/3', { name: 'X' })).status).toBe(404);
  });
});

describe('DELETE /customer_groups/{id}', () => {
  it('deletes the group and moves its customers to no group (0)', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'A' });
    await t.post('/customer_groups', { name: 'B' });
    await t.post('/customers', newCustomer(1, { customer_group_id: 1 }));
    await t.post('/customers', newCustomer(2, { customer_group_id: 2 }));
    await t.post('/customers', newCustomer(3, { customer_group_id: 1 }));
    const res = await t.del('/customer_groups/1');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.get('/customer_groups/1')).status).toBe(404);
    expect((await t.get('/customers/1')).body.customer_group_id).toBe(0);
    expect((await t.get('/customers/3')).body.customer_group_id).toBe(0);
    expect((await t.get('/customers/2')).body.customer_group_id).toBe(2);
    expect((await t.get('/customers?customer_group_id=0')).body.map((c: { id: number }) => c.id)).toEqual([
      1, 3,
    ]);
    expect((await t.get('/customers/count?customer_group_id=1')).body).toEqual({ count: 0 });
  });

  it('answers 404 for an unknown group', async () => {
    const t = testApp();
    expect((await t.del('/customer_groups/1')).status).toBe(404);
  });

  it('makes the deleted group unusable for customers', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'A' });
    await t.del('/customer_groups/1');
    expect((await t.post('/customers', newCustomer(1, { customer_group_id: 1 }))).status).toBe(400);
  });
});
