import { describe, expect, it } from 'vitest';
import { createCustomers, newCustomer, storeCounts, testApp } from '../helpers.js';

const START = Date.parse('2024-05-06T07:34:10Z');

/** A test app whose clock the test moves by hand. */
function clockedApp() {
  const clock = { now: START };
  const t = testApp({ clock: () => clock.now });
  return { ...t, clock };
}

const CUSTOMER_KEYS = [
  'id',
  'company',
  'first_name',
  'last_name',
  'email',
  'phone',
  'form_fields',
  'date_created',
  'date_modified',
  'store_credit',
  'registration_ip_address',
  'customer_group_id',
  'notes',
  'tax_exempt_category',
  'reset_pass_on_login',
  'accepts_marketing',
  'addresses',
];

const IN_USE = 'This email address is already in use by a customer.';

describe('POST /customers', () => {
  it('creates a customer with 201, a Location and the platform defaults', async () => {
    const t = clockedApp();
    const res = await t.post('/customers', newCustomer(1));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/stores/${t.hash}/v2/customers/1`);
    expect(res.body).toEqual({
      id: 1,
      company: '',
      first_name: 'Jane',
      last_name: 'Doe1',
      email: 'jane.doe1@example.com',
      phone: '',
      form_fields: null,
      date_created: 'Mon, 06 May 2024 07:34:10 +0000',
      date_modified: 'Mon, 06 May 2024 07:34:10 +0000',
      store_credit: '0.0000',
      registration_ip_address: '',
      customer_group_id: 0,
      notes: '',
      tax_exempt_category: '',
      reset_pass_on_login: false,
      accepts_marketing: false,
      addresses: {
        url: `https://api.bigcommerce.com/stores/${t.hash}/v2/customers/1/addresses`,
        resource: '/customers/1/addresses',
      },
    });
  });

  it('emits the keys in the order the platform does', async () => {
    const t = testApp();
    const res = await t.post('/customers', newCustomer(1, { company: 'Acme', store_credit: 5 }));
    expect(Object.keys(res.body)).toEqual(CUSTOMER_KEYS);
    expect(Object.keys((await t.get('/customers/1')).body)).toEqual(CUSTOMER_KEYS);
    expect(Object.keys((await t.get('/customers')).body[0])).toEqual(CUSTOMER_KEYS);
  });

  it('returns store_credit as a 4-decimal string whether a number or a string was sent', async () => {
    const t = testApp();
    expect((await t.post('/customers', newCustomer(1, { store_credit: 12.5 }))).body.store_credit).toBe(
      '12.5000',
    );
    expect((await t.post('/customers', newCustomer(2, { store_credit: '3' }))).body.store_credit).toBe(
      '3.0000',
    );
  });

  it('never returns _authentication', async () => {
    const t = testApp();
    const res = await t.post(
      '/customers',
      newCustomer(1, { _authentication: { password: 'secret123', password_confirmation: 'secret123' } }),
    );
    expect(res.status).toBe(201);
    expect(res.text).not.toContain('_authentication');
    expect(res.text).not.toContain('secret123');
    expect((await t.get('/customers/1')).text).not.toContain('_authentication');
  });

  it('generates a password nobody knows when none is sent', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    for (const password of ['', 'secret123', 'password']) {
      const res = await t.post('/customers/1/validate', { password });
      expect(res.body).toEqual({ success: false });
    }
  });

  it('stores a sent password so that it validates', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1, { _authentication: { password: 'secret123' } }));
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).body).toEqual({
      success: true,
    });
  });

  it('rejects a password confirmation that does not match with 400', async () => {
    const t = testApp();
    const res = await t.post(
      '/customers',
      newCustomer(1, { _authentication: { password: 'secret123', password_confirmation: 'secret124' } }),
    );
    expect(res.status).toBe(400);
    expect(res.body[0].status).toBe(400);
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });

  it('rejects a password confirmation without a password with 400', async () => {
    const t = testApp();
    const res = await t.post(
      '/customers',
      newCustomer(1, { _authentication: { password_confirmation: 'secret123' } }),
    );
    expect(res.status).toBe(400);
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });

  it('rejects a weak password with 400', async () => {
    const t = testApp();
    for (const password of ['abc12', 'onlyletters', '12345678']) {
      const res = await t.post('/customers', newCustomer(1, { _authentication: { password } }));
      expect(res.status).toBe(400);
      // As the platform answers it: the field named `password`, no reason of the fake's own.
      expect(res.body).toEqual([{ status: 400, message: "The field 'password' is invalid." }]);
    }
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });

  it('sets reset_pass_on_login from _authentication.force_reset', async () => {
    const t = testApp();
    const res = await t.post('/customers', newCustomer(1, { _authentication: { force_reset: true } }));
    expect(res.body.reset_pass_on_login).toBe(true);
  });

  it('puts the customer in an existing group', async () => {
    const t = testApp();
    const g = await t.post('/customer_groups', { name: 'Wholesale' });
    const res = await t.post('/customers', newCustomer(1, { customer_group_id: g.body.id }));
    expect(res.status).toBe(201);
    expect(res.body.customer_group_id).toBe(g.body.id);
  });

  it('rejects an unknown group with 400 and creates nothing', async () => {
    const t = testApp();
    const res = await t.post('/customers', newCustomer(1, { customer_group_id: 42 }));
    expect(res.status).toBe(400);
    expect(res.body[0].message).toBe("The field 'customer_group_id' is invalid.");
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });

  it('rejects a duplicate email, ignoring case, with 400 and the platform reason', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    const res = await t.post('/customers', newCustomer(2, { email: 'JANE.DOE1@Example.COM' }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      { status: 400, message: "The field 'email' is invalid.", details: { invalid_reason: IN_USE } },
    ]);
    expect((await t.get('/customers/count')).body).toEqual({ count: 1 });
  });

  it.each(['id', 'date_created', 'date_modified', 'accepts_marketing', 'addresses', 'form_fields'])(
    'rejects the read-only field %s with 400 "cannot be written to"',
    async (field) => {
      const t = testApp();
      const value = { id: 7, accepts_marketing: true, addresses: {}, form_fields: [] }[field] ?? 'x';
      const res = await t.post('/customers', newCustomer(1, { [field]: value }));
      expect(res.status).toBe(400);
      expect(res.body).toEqual([
        {
          status: 400,
          message: `The field '${field}' cannot be written to. Please remove it from your request before trying again.`,
        },
      ]);
      expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
    },
  );

  it('rejects an unknown field with 400', async () => {
    const t = testApp();
    const res = await t.post('/customers', newCustomer(1, { nickname: 'JJ' }));
    expect(res.status).toBe(400);
    expect(res.body[0].message).toContain("'nickname'");
  });

  it('rejects an invalid email with 400 "The field \'email\' is invalid."', async () => {
    const t = testApp();
    const res = await t.post('/customers', newCustomer(1, { email: 'invalid' }));
    expect(res.status).toBe(400);
    expect(res.body[0].message).toBe("The field 'email' is invalid.");
  });

  it.each(['first_name', 'last_name', 'email'])('rejects a body without %s with 400', async (field) => {
    const t = testApp();
    const body: Record<string, unknown> = newCustomer(1);
    delete body[field];
    const res = await t.post('/customers', body);
    expect(res.status).toBe(400);
    expect(res.body[0].message).toContain(`'${field}'`);
  });

  it('rejects a negative store credit with 400', async () => {
    const t = testApp();
    const res = await t.post('/customers', newCustomer(1, { store_credit: -1 }));
    expect(res.status).toBe(400);
    expect(res.body[0].message).toBe("The field 'store_credit' is invalid.");
  });

  it('lets only one of several simultaneous creates with one email through', async () => {
    const t = testApp();
    const body = newCustomer(1, { _authentication: { password: 'secret123' } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.post('/customers', body)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400, 400, 400, 400]);
    expect((await t.get('/customers/count')).body).toEqual({ count: 1 });
  });

  it('gives simultaneous creates distinct ids', async () => {
    const t = testApp();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.post('/customers', newCustomer(i))),
    );
    expect(answers.map((r) => r.body.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('gives each new customer the next id', async () => {
    const t = testApp();
    for (let i = 1; i <= 3; i++) expect((await t.post('/customers', newCustomer(i))).body.id).toBe(i);
  });
});

describe('GET /customers/{id}', () => {
  it('returns the customer', async () => {
    const t = testApp();
    const created = await t.post('/customers', newCustomer(1));
    const res = await t.get('/customers/1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it('answers 404 for an unknown id, id 0 and a non-numeric id', async () => {
    const t = testApp();
    for (const id of ['1', '0', 'abc']) {
      const res = await t.get(`/customers/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
    }
  });
});

describe('PUT /customers/{id}', () => {
  it('changes only the fields sent, moves date_modified and keeps date_created', async () => {
    const t = clockedApp();
    const before = (await t.post('/customers', newCustomer(1, { company: 'Acme', phone: '555' }))).body;
    t.clock.now += 3_600_000;
    const res = await t.put('/customers/1', { notes: 'VIP', store_credit: '7.5' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...before,
      notes: 'VIP',
      store_credit: '7.5000',
      date_modified: 'Mon, 06 May 2024 08:34:10 +0000',
    });
    expect((await t.get('/customers/1')).body).toEqual(res.body);
  });

  it('accepts the customer keeping its own email in another case', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    const res = await t.put('/customers/1', { email: 'Jane.Doe1@example.com' });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('Jane.Doe1@example.com');
  });

  it('rejects another customer email, ignoring case, with 400 and changes nothing', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    const second = (await t.post('/customers', newCustomer(2))).body;
    const res = await t.put('/customers/2', { email: 'JANE.doe1@example.com', notes: 'x' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      { status: 400, message: "The field 'email' is invalid.", details: { invalid_reason: IN_USE } },
    ]);
    expect((await t.get('/customers/2')).body).toEqual(second);
  });

  it('frees the old email after a change', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    await t.put('/customers/1', { email: 'new@example.com' });
    expect((await t.post('/customers', newCustomer(1))).status).toBe(201);
    expect((await t.get('/customers?email=new@example.com')).body.map((c: { id: number }) => c.id)).toEqual([
      1,
    ]);
  });

  it('changes the password so that only the new one validates', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1, { _authentication: { password: 'secret123' } }));
    const res = await t.put('/customers/1', {
      _authentication: { password: 'better456', password_confirmation: 'better456' },
    });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('better456');
    expect((await t.post('/customers/1/validate', { password: 'better456' })).body.success).toBe(true);
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).body.success).toBe(false);
  });

  it('keeps the password when the update sends none', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1, { _authentication: { password: 'secret123' } }));
    await t.put('/customers/1', { first_name: 'Janet' });
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).body.success).toBe(true);
  });

  it('sets reset_pass_on_login from force_reset without touching the password', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1, { _authentication: { password: 'secret123' } }));
    const res = await t.put('/customers/1', { _authentication: { force_reset: true } });
    expect(res.body.reset_pass_on_login).toBe(true);
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).body.success).toBe(true);
  });

  it('rejects a weak or mismatched password with 400 and keeps the old one', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1, { _authentication: { password: 'secret123' } }));
    expect((await t.put('/customers/1', { _authentication: { password: 'short' } })).status).toBe(400);
    const mismatch = await t.put('/customers/1', {
      _authentication: { password: 'better456', password_confirmation: 'other456' },
    });
    expect(mismatch.status).toBe(400);
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).body.success).toBe(true);
  });

  it('moves a customer between groups and back to none', async () => {
    const t = testApp();
    const g = (await t.post('/customer_groups', { name: 'Retail' })).body;
    await t.post('/customers', newCustomer(1));
    expect((await t.put('/customers/1', { customer_group_id: g.id })).body.customer_group_id).toBe(g.id);
    expect((await t.get(`/customers?customer_group_id=${g.id}`)).body).toHaveLength(1);
    expect((await t.put('/customers/1', { customer_group_id: 0 })).body.customer_group_id).toBe(0);
    expect((await t.get(`/customers?customer_group_id=${g.id}`)).status).toBe(204);
  });

  it('rejects an unknown group with 400 and changes nothing', async () => {
    const t = testApp();
    const before = (await t.post('/customers', newCustomer(1))).body;
    expect((await t.put('/customers/1', { customer_group_id: 9, notes: 'x' })).status).toBe(400);
    expect((await t.get('/customers/1')).body).toEqual(before);
  });

  const changed: Record<string, unknown> = {
    id: 2,
    date_created: 'Mon, 06 May 2024 07:34:10 +0000',
    date_modified: 'Mon, 06 May 2024 07:34:10 +0000',
    accepts_marketing: true,
    addresses: { url: 'https://example.com/elsewhere', resource: '/customers/2/addresses' },
    form_fields: [{ name: 'Colour', value: 'blue' }],
  };

  it.each(Object.keys(changed))(
    'rejects a change of the read-only field %s with 400 and changes nothing',
    async (field) => {
      const t = testApp();
      const before = (await t.post('/customers', newCustomer(1))).body;
      const res = await t.put('/customers/1', { [field]: changed[field], notes: 'x' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual([
        {
          status: 400,
          message: `The field '${field}' cannot be written to. Please remove it from your request before trying again.`,
        },
      ]);
      expect((await t.get('/customers/1')).body).toEqual(before);
    },
  );

  it.each(Object.keys(changed))(
    'accepts the read-only field %s sent back unchanged, and ignores it',
    async (field) => {
      const t = testApp();
      const before = (await t.post('/customers', newCustomer(1))).body;
      const res = await t.put('/customers/1', { [field]: before[field], notes: 'x' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...before, notes: 'x', date_modified: res.body.date_modified });
    },
  );

  it('accepts a read-modify-write round trip: the record as read, minus id and nulls (the PHP client)', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'Trade' });
    const before = (await t.post('/customers', newCustomer(1, { customer_group_id: 1 }))).body;
    const echo = Object.fromEntries(
      Object.entries({ ...before, company: 'Acme' }).filter(([k, v]) => k !== 'id' && v !== null),
    );
    const res = await t.put('/customers/1', echo);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...before, company: 'Acme', date_modified: res.body.date_modified });
  });

  it('rejects an invalid email with 400', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    const res = await t.put('/customers/1', { email: 'invalid' });
    expect(res.status).toBe(400);
    expect(res.body[0].message).toBe("The field 'email' is invalid.");
  });

  it('answers 404 for an unknown customer', async () => {
    const t = testApp();
    expect((await t.put('/customers/5', { notes: 'x' })).status).toBe(404);
  });
});

describe('DELETE /customers/{id}', () => {
  it('deletes the customer and their addresses', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    await t.post('/customers/1/addresses', {
      first_name: 'Jane',
      last_name: 'Doe',
      phone: '1',
      street_1: '1 Main',
      city: 'Austin',
      state: 'Texas',
      zip: '1',
      country: 'United States',
    });
    const res = await t.del('/customers/1');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.get('/customers/1')).status).toBe(404);
    expect((await t.get('/customers/1/addresses')).status).toBe(404);
    expect(await storeCounts(t.app, t.hash)).toEqual({ customers: 0, addresses: 0, groups: 0 });
  });

  it('answers 404 for an unknown customer', async () => {
    const t = testApp();
    expect((await t.del('/customers/1')).status).toBe(404);
  });

  it('frees the email for a new customer', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    await t.del('/customers/1');
    const res = await t.post('/customers', newCustomer(1));
    expect(res.status).toBe(201);
    expect(res.body.id).toBe(2);
  });
});

describe('GET /customers (list)', () => {
  it('answers 204 with no body when the store has no customers', async () => {
    const t = testApp();
    const res = await t.get('/customers');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
  });

  it('lists customers by id ascending as a bare array', async () => {
    const t = testApp();
    for (let i = 1; i <= 3; i++) await t.post('/customers', newCustomer(i));
    await t.put('/customers/1', { notes: 'touched' });
    const res = await t.get('/customers');
    expect(res.status).toBe(200);
    expect(res.body.map((c: { id: number }) => c.id)).toEqual([1, 2, 3]);
  });

  it('pages with page and limit, and answers 204 past the end', async () => {
    const t = testApp();
    for (let i = 1; i <= 5; i++) await t.post('/customers', newCustomer(i));
    const ids = async (q: string) => (await t.get(`/customers?${q}`)).body?.map((c: { id: number }) => c.id);
    expect(await ids('limit=2')).toEqual([1, 2]);
    expect(await ids('limit=2&page=2')).toEqual([3, 4]);
    expect(await ids('limit=2&page=3')).toEqual([5]);
    expect((await t.get('/customers?limit=2&page=4')).status).toBe(204);
    expect(await ids('min_id=2&limit=2&page=2')).toEqual([4, 5]);
    expect(await ids('first_name=Jane&limit=2&page=2')).toEqual([3, 4]);
  });

  it('serves 50 by default and at most 250 per page', async () => {
    const t = testApp();
    await createCustomers(
      t.app,
      t.hash,
      Array.from({ length: 260 }, (_, i) => newCustomer(i + 1)),
      START,
    );
    expect((await t.get('/customers')).body).toHaveLength(50);
    expect((await t.get('/customers?limit=250')).body).toHaveLength(250);
    expect((await t.get('/customers?limit=250&page=2')).body).toHaveLength(10);
  });

  it('answers 413 for a limit over 250', async () => {
    const t = testApp();
    const res = await t.get('/customers?limit=251');
    expect(res.status).toBe(413);
    expect(res.body[0].message).toMatch(/limit/);
  });

  it.each(['page=0', 'page=abc', 'page=-1', 'limit=0', 'limit=x', 'page=1.5'])(
    'answers 400 for %s',
    async (q) => {
      const t = testApp();
      const res = await t.get(`/customers?${q}`);
      expect(res.status).toBe(400);
      expect(res.body[0].message).toBe(`The field '${q.split('=')[0]}' is invalid.`);
    },
  );

  it('takes the last value of a repeated parameter', async () => {
    const t = testApp();
    for (let i = 1; i <= 3; i++) await t.post('/customers', newCustomer(i));
    expect((await t.get('/customers?limit=1&limit=2')).body).toHaveLength(2);
    const ids = (await t.get('/customers?last_name=Doe1&last_name=Doe3')).body.map(
      (c: { id: number }) => c.id,
    );
    expect(ids).toEqual([3]);
  });

  it('ignores query parameters it does not know', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    expect((await t.get('/customers?sort=name&include=addresses')).body).toHaveLength(1);
  });
});

describe('customer filters', () => {
  /** A store with four customers made at one-day intervals, with varied fields. */
  async function population() {
    const t = clockedApp();
    const g = (await t.post('/customer_groups', { name: 'Wholesale' })).body;
    const people = [
      newCustomer(1, { company: 'Acme', phone: '111', store_credit: 10, tax_exempt_category: 'A' }),
      newCustomer(2, { first_name: 'John', company: 'Acme', customer_group_id: g.id }),
      newCustomer(3, { first_name: 'jane', phone: '333', store_credit: '10.5', customer_group_id: g.id }),
      newCustomer(4, { email: 'Mixed.Case@Example.com', tax_exempt_category: 'B' }),
    ];
    for (const p of people) {
      expect((await t.post('/customers', p)).status).toBe(201);
      t.clock.now += 86_400_000;
    }
    // Customer 2 is modified on day 5 (2024-05-10 07:34:10Z).
    await t.put('/customers/2', { notes: 'touched' });
    return { ...t, group: g };
  }

  /** The ids a list returns (empty for a 204), checked against the count with the same filters. */
  async function idsAndCount(t: Awaited<ReturnType<typeof population>>, query: string): Promise<number[]> {
    const list = await t.get(`/customers?${query}`);
    expect([200, 204]).toContain(list.status);
    const ids: number[] = list.status === 204 ? [] : list.body.map((c: { id: number }) => c.id);
    const count = await t.get(`/customers/count?${query}`);
    expect(count.body).toEqual({ count: ids.length });
    return ids;
  }

  const cases: [string, number[]][] = [
    ['first_name=Jane', [1, 4]],
    ['first_name=jane', [3]],
    ['first_name=Ja', []],
    ['last_name=Doe2', [2]],
    ['company=Acme', [1, 2]],
    ['company=acme', []],
    ['email=jane.doe3@example.com', [3]],
    ['email=JANE.DOE3@EXAMPLE.COM', [3]],
    ['email=mixed.case@example.com', [4]],
    ['email=nobody@example.com', []],
    ['phone=111', [1]],
    ['phone=11', []],
    ['store_credit=10', [1]],
    ['store_credit=10.0000', [1]],
    ['store_credit=10.50', [3]],
    ['store_credit=0', [2, 4]],
    ['customer_group_id=1', [2, 3]],
    ['customer_group_id=0', [1, 4]],
    ['min_id=2', [2, 3, 4]],
    ['max_id=2', [1, 2]],
    ['min_id=2&max_id=3', [2, 3]],
    ['min_id=3&max_id=2', []],
    ['tax_exempt_category=B', [4]],
    ['tax_exempt_category=', [2, 3]],
    ['company=Acme&first_name=John', [2]],
    ['customer_group_id=1&phone=333', [3]],
    ['email=jane.doe1@example.com&company=Other', []],
    // Dates: customer n was created at 2024-05-0(5+n) 07:34:10Z; bounds are inclusive.
    ['min_date_created=Wed, 08 May 2024 07:34:10 +0000', [3, 4]],
    ['min_date_created=Wed, 08 May 2024 07:34:11 +0000', [4]],
    ['max_date_created=Tue, 07 May 2024 07:34:10 +0000', [1, 2]],
    ['min_date_created=2024-05-08T07:34:10Z', [3, 4]],
    ['min_date_created=2024-05-08T03:34:10-04:00', [3, 4]],
    ['min_date_created=Wed, 08 May 2024 03:34:10 -0400', [3, 4]],
    ['max_date_created=2024-05-07T09:34:10.000+02:00', [1, 2]],
    ['min_date_created=2024-05-07&max_date_created=2024-05-08', [2]],
    ['min_date_modified=2024-05-10T07:34:10Z', [2]],
    ['max_date_modified=2024-05-07T07:34:10+00:00', [1]],
  ];

  it.each(cases)('%s matches %j in list and count', async (query, want) => {
    const t = await population();
    const encoded = new URLSearchParams(query.split('&').map((kv) => kv.split('=') as [string, string]));
    expect(await idsAndCount(t, encoded.toString())).toEqual(want);
  });

  it('counts every customer without filters', async () => {
    const t = await population();
    expect((await t.get('/customers/count')).body).toEqual({ count: 4 });
  });

  it.each([
    ['email=not-an-email', 'email'],
    ['min_date_created=yesterday', 'min_date_created'],
    ['max_date_modified=2024-13-45', 'max_date_modified'],
    ['store_credit=lots', 'store_credit'],
    ['customer_group_id=-1', 'customer_group_id'],
    ['min_id=x', 'min_id'],
  ])('answers 400 for the malformed filter %s', async (query, field) => {
    const t = testApp();
    for (const path of ['/customers', '/customers/count']) {
      const res = await t.get(`${path}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body[0].message).toBe(`The field '${field}' is invalid.`);
    }
  });
});

describe('DELETE /customers (many)', () => {
  it('deletes only the customers matching the filters, with their addresses', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1, { company: 'Acme' }));
    await t.post('/customers', newCustomer(2, { company: 'Other' }));
    await t.post('/customers', newCustomer(3, { company: 'Acme' }));
    await t.post('/customers/3/addresses', {
      first_name: 'J',
      last_name: 'D',
      phone: '1',
      street_1: '1 Main',
      city: 'Austin',
      state: 'Texas',
      zip: '1',
      country: 'United States',
    });
    const res = await t.del('/customers?company=Acme');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.get('/customers')).body.map((c: { id: number }) => c.id)).toEqual([2]);
    expect((await storeCounts(t.app, t.hash)).addresses).toBe(0);
  });

  it('deletes every customer when no filter is sent', async () => {
    const t = testApp();
    for (let i = 1; i <= 3; i++) await t.post('/customers', newCustomer(i));
    expect((await t.del('/customers')).status).toBe(204);
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
    expect((await t.get('/customers')).status).toBe(204);
  });

  it('answers 204 when nothing matches and deletes nothing', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    expect((await t.del('/customers?email=nobody@example.com')).status).toBe(204);
    expect((await t.get('/customers/count')).body).toEqual({ count: 1 });
  });

  it('deletes by id range and keeps the rest in order', async () => {
    const t = testApp();
    for (let i = 1; i <= 5; i++) await t.post('/customers', newCustomer(i));
    await t.del('/customers?min_id=2&max_id=3');
    expect((await t.get('/customers')).body.map((c: { id: number }) => c.id)).toEqual([1, 4, 5]);
    expect((await t.get('/customers?min_id=2&max_id=4')).body.map((c: { id: number }) => c.id)).toEqual([4]);
  });

  it('answers 400 for a malformed filter and deletes nothing', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    expect((await t.del('/customers?email=bad')).status).toBe(400);
    expect((await t.get('/customers/count')).body).toEqual({ count: 1 });
  });
});
