import { describe, expect, it } from 'vitest';
import { newAddress, newCustomer, testApp } from '../helpers.js';

const ADDRESS_KEYS = [
  'id',
  'customer_id',
  'first_name',
  'last_name',
  'company',
  'street_1',
  'street_2',
  'city',
  'state',
  'zip',
  'country',
  'country_iso2',
  'phone',
  'address_type',
  'form_fields',
];

/** A test app with customers 1 and 2. */
async function withCustomers() {
  const t = testApp();
  await t.post('/customers', newCustomer(1));
  await t.post('/customers', newCustomer(2));
  return t;
}

describe('POST /customers/{id}/addresses', () => {
  it('creates an address with 201, a Location, the derived country code and the defaults', async () => {
    const t = await withCustomers();
    const res = await t.post('/customers/1/addresses', newAddress());
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/stores/${t.hash}/v2/customers/1/addresses/1`);
    expect(res.body).toEqual({
      id: 1,
      customer_id: 1,
      first_name: 'Jane',
      last_name: 'Doe',
      company: '',
      street_1: '123 Main Street',
      street_2: '',
      city: 'Austin',
      state: 'Texas',
      zip: '78726',
      country: 'United States',
      country_iso2: 'US',
      phone: '512-555-0100',
      address_type: 'residential',
      form_fields: null,
    });
    expect(Object.keys(res.body)).toEqual(ADDRESS_KEYS);
  });

  it.each([
    ['United States', 'United States', 'US'],
    ['Pakistan', 'Pakistan', 'PK'],
    ['united kingdom', 'United Kingdom', 'GB'],
    ['UNITED STATES', 'United States', 'US'],
    ['United States of America', 'United States', 'US'],
    ['Germany', 'Germany', 'DE'],
  ])('stores %s under its canonical name %s and derives country_iso2 %s', async (sent, stored, iso2) => {
    const t = await withCustomers();
    const res = await t.post('/customers/1/addresses', newAddress({ country: sent }));
    expect(res.status).toBe(201);
    expect(res.body.country).toBe(stored);
    expect(res.body.country_iso2).toBe(iso2);
    expect((await t.get(`/customers/1/addresses/${res.body.id}`)).body.country).toBe(stored);
  });

  it.each(['US', 'USA', 'U.S.', 'Atlantis', 'Congo'])(
    'refuses the country %s (a code, an unknown or an ambiguous name) with the invalid-field error',
    async (country) => {
      const t = await withCustomers();
      const res = await t.post('/customers/1/addresses', newAddress({ country }));
      expect(res.body).toEqual([{ status: 400, message: "The field 'country' is invalid." }]);
      expect((await t.get('/customers/1/addresses/count')).body).toEqual({ count: 0 });
    },
  );

  it('rejects an unknown country with 400 and creates nothing', async () => {
    const t = await withCustomers();
    const res = await t.post('/customers/1/addresses', newAddress({ country: 'Narnia' }));
    expect(res.status).toBe(400);
    expect(res.body[0].message).toBe("The field 'country' is invalid.");
    expect((await t.get('/customers/1/addresses/count')).body).toEqual({ count: 0 });
  });

  it.each(['first_name', 'last_name', 'phone', 'street_1', 'city', 'state', 'zip', 'country'])(
    'rejects an address without %s with 400',
    async (field) => {
      const t = await withCustomers();
      const body: Record<string, unknown> = newAddress();
      delete body[field];
      const res = await t.post('/customers/1/addresses', body);
      expect(res.status).toBe(400);
      expect(res.body[0].message).toContain(`'${field}'`);
      expect((await t.get('/customers/1/addresses/count')).body).toEqual({ count: 0 });
    },
  );

  it('keeps a commercial address_type and rejects one outside the enum', async () => {
    const t = await withCustomers();
    const ok = await t.post('/customers/1/addresses', newAddress({ address_type: 'commercial' }));
    expect(ok.body.address_type).toBe('commercial');
    const bad = await t.post('/customers/1/addresses', newAddress({ address_type: 'office' }));
    expect(bad.status).toBe(400);
    expect(bad.body[0].message).toBe("The field 'address_type' is invalid.");
  });

  it.each(['id', 'country_iso2', 'form_fields'])('rejects the read-only field %s with 400', async (field) => {
    const t = await withCustomers();
    const res = await t.post('/customers/1/addresses', newAddress({ [field]: field === 'id' ? 3 : 'US' }));
    expect(res.status).toBe(400);
    expect(res.body[0].message).toBe(
      `The field '${field}' cannot be written to. Please remove it from your request before trying again.`,
    );
  });

  it('accepts the path customer as customer_id and rejects another one', async () => {
    const t = await withCustomers();
    expect((await t.post('/customers/1/addresses', newAddress({ customer_id: 1 }))).status).toBe(201);
    const res = await t.post('/customers/1/addresses', newAddress({ customer_id: 2 }));
    expect(res.status).toBe(400);
    expect(res.body[0].message).toBe("The field 'customer_id' is invalid.");
    expect((await t.get('/customers/2/addresses')).status).toBe(204);
  });

  it('answers 404 for an unknown customer', async () => {
    const t = testApp();
    expect((await t.post('/customers/9/addresses', newAddress())).status).toBe(404);
  });
});

describe('reading addresses', () => {
  it('lists a customer addresses by id, only theirs, with page and limit', async () => {
    const t = await withCustomers();
    await t.post('/customers/1/addresses', newAddress({ city: 'A' }));
    await t.post('/customers/2/addresses', newAddress({ city: 'B' }));
    await t.post('/customers/1/addresses', newAddress({ city: 'C' }));
    await t.post('/customers/1/addresses', newAddress({ city: 'D' }));
    const all = await t.get('/customers/1/addresses');
    expect(all.status).toBe(200);
    expect(all.body.map((a: { id: number }) => a.id)).toEqual([1, 3, 4]);
    expect(all.body.every((a: { customer_id: number }) => a.customer_id === 1)).toBe(true);
    expect(
      (await t.get('/customers/1/addresses?limit=2&page=2')).body.map((a: { id: number }) => a.id),
    ).toEqual([4]);
    expect((await t.get('/customers/1/addresses?limit=2&page=3')).status).toBe(204);
    expect((await t.get('/customers/1/addresses/count')).body).toEqual({ count: 3 });
    expect((await t.get('/customers/2/addresses/count')).body).toEqual({ count: 1 });
  });

  it('answers 204 with no body for a customer without addresses', async () => {
    const t = await withCustomers();
    const res = await t.get('/customers/1/addresses');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.get('/customers/1/addresses/count')).body).toEqual({ count: 0 });
  });

  it('answers 413 for a limit over 250 and 400 for page 0', async () => {
    const t = await withCustomers();
    expect((await t.get('/customers/1/addresses?limit=251')).status).toBe(413);
    expect((await t.get('/customers/1/addresses?page=0')).status).toBe(400);
  });

  it('answers 404 to list, count and delete-all for an unknown customer', async () => {
    const t = testApp();
    expect((await t.get('/customers/9/addresses')).status).toBe(404);
    expect((await t.get('/customers/9/addresses/count')).status).toBe(404);
    expect((await t.del('/customers/9/addresses')).status).toBe(404);
  });

  it('gets one address, and 404 for an address of another customer or none', async () => {
    const t = await withCustomers();
    const created = await t.post('/customers/1/addresses', newAddress());
    const res = await t.get('/customers/1/addresses/1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
    expect((await t.get('/customers/2/addresses/1')).status).toBe(404);
    expect((await t.get('/customers/1/addresses/2')).status).toBe(404);
    expect((await t.get('/customers/9/addresses/1')).status).toBe(404);
  });
});

describe('PUT /customers/{id}/addresses/{id}', () => {
  it('changes only the fields sent', async () => {
    const t = await withCustomers();
    const before = (await t.post('/customers/1/addresses', newAddress())).body;
    const res = await t.put('/customers/1/addresses/1', { street_2: 'Suite 5', address_type: 'commercial' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...before, street_2: 'Suite 5', address_type: 'commercial' });
    expect(Object.keys(res.body)).toEqual(ADDRESS_KEYS);
    expect((await t.get('/customers/1/addresses/1')).body).toEqual(res.body);
  });

  it('derives a new country_iso2 when the country changes', async () => {
    const t = await withCustomers();
    await t.post('/customers/1/addresses', newAddress());
    const res = await t.put('/customers/1/addresses/1', { country: 'Pakistan', state: 'Punjab' });
    expect(res.body.country_iso2).toBe('PK');
  });

  it('rejects an unknown country, country_iso2 and a bad address_type with 400 and changes nothing', async () => {
    const t = await withCustomers();
    const before = (await t.post('/customers/1/addresses', newAddress())).body;
    for (const body of [{ country: 'Narnia' }, { country_iso2: 'FR' }, { address_type: 'x' }, { city: '' }]) {
      expect((await t.put('/customers/1/addresses/1', body)).status).toBe(400);
    }
    expect((await t.get('/customers/1/addresses/1')).body).toEqual(before);
  });

  it('answers 404 for an address of another customer and leaves it alone', async () => {
    const t = await withCustomers();
    const before = (await t.post('/customers/1/addresses', newAddress())).body;
    expect((await t.put('/customers/2/addresses/1', { city: 'Dallas' })).status).toBe(404);
    expect((await t.get('/customers/1/addresses/1')).body).toEqual(before);
  });
});

describe('deleting addresses', () => {
  it('deletes one address with 204 and no body', async () => {
    const t = await withCustomers();
    await t.post('/customers/1/addresses', newAddress());
    await t.post('/customers/1/addresses', newAddress());
    const res = await t.del('/customers/1/addresses/1');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.get('/customers/1/addresses/1')).status).toBe(404);
    expect((await t.get('/customers/1/addresses')).body.map((a: { id: number }) => a.id)).toEqual([2]);
    expect((await t.del('/customers/1/addresses/1')).status).toBe(404);
  });

  it('answers 404 when deleting an address of another customer and keeps it', async () => {
    const t = await withCustomers();
    await t.post('/customers/1/addresses', newAddress());
    expect((await t.del('/customers/2/addresses/1')).status).toBe(404);
    expect((await t.get('/customers/1/addresses/count')).body).toEqual({ count: 1 });
  });

  it('deletes all addresses of one customer only', async () => {
    const t = await withCustomers();
    await t.post('/customers/1/addresses', newAddress());
    await t.post('/customers/1/addresses', newAddress());
    await t.post('/customers/2/addresses', newAddress());
    expect((await t.del('/customers/1/addresses')).status).toBe(204);
    expect((await t.get('/customers/1/addresses')).status).toBe(204);
    expect((await t.get('/customers/2/addresses/count')).body).toEqual({ count: 1 });
  });

  it('answers 204 when deleting all addresses of a customer who has none', async () => {
    const t = await withCustomers();
    expect((await t.del('/customers/1/addresses')).status).toBe(204);
  });

  it('does not reuse the id of a deleted address', async () => {
    const t = await withCustomers();
    await t.post('/customers/1/addresses', newAddress());
    await t.del('/customers/1/addresses/1');
    expect((await t.post('/customers/1/addresses', newAddress())).body.id).toBe(2);
  });
});
