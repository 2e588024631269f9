/**
 * The fake as a real third-party client sees it: node-bigcommerce 4.1.0, unmodified (see
 * node-bigcommerce-client.ts for how it reaches the fake). Every answer is checked against the
 * spec as well. XML mode: node-bigcommerce-xml.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/app.js';
import { freshHash, newAddress, newCustomer, READ_ONLY, TOKEN } from '../helpers.js';
import { tappedServer, type TappedServer } from '../helpers-server-tap.js';
import { BigCommerce, failure, FakeStoreAgent } from './node-bigcommerce-client.js';

let tap: TappedServer | undefined;

afterEach(async () => {
  await tap?.close();
  tap = undefined;
});

/** A tapped fake and a node-bigcommerce client bound to a fresh store of it. */
async function setup(
  options: AppOptions = {},
  client: { token?: string; failOnLimitReached?: boolean } = {},
) {
  tap = await tappedServer(options);
  const storeHash = freshHash();
  const bc = new BigCommerce({
    accessToken: client.token ?? TOKEN,
    clientId: 'any-client-id',
    storeHash,
    responseType: 'json',
    apiVersion: 'v2',
    agent: new FakeStoreAgent(tap.port),
    failOnLimitReached: client.failOnLimitReached ?? false,
  });
  return { bc, storeHash, tap };
}

describe('node-bigcommerce 4.1.0 against the fake', () => {
  it('creates, lists, updates and deletes a customer, resolving empty lists and deletes as ""', async () => {
    const { bc, storeHash, tap } = await setup();

    expect(await bc.get('/customers')).toBe('');
    const created = await bc.post(
      '/customers',
      newCustomer(1, { _authentication: { password: 'S3cret-pass' } }),
    );
    expect(created).toMatchObject({
      id: 1,
      email: 'jane.doe1@example.com',
      store_credit: '0.0000',
      form_fields: null,
    });
    expect(created.addresses).toEqual({
      url: `https://api.bigcommerce.com/stores/${storeHash}/v2/customers/1/addresses`,
      resource: '/customers/1/addresses',
    });
    expect(created).not.toHaveProperty('_authentication');

    const listed = await bc.get('/customers');
    expect(listed.map((c: { id: number }) => c.id)).toEqual([1]);
    expect(await bc.get('/customers?email=jane.doe1@example.com')).toHaveLength(1);
    expect(await bc.get('/customers?email=nobody@example.com')).toBe('');
    expect(await bc.get('/customers/count')).toEqual({ count: 1 });

    const updated = await bc.put('/customers/1', { phone: '512-555-0199', store_credit: 12.5 });
    expect(updated).toMatchObject({ id: 1, phone: '512-555-0199', store_credit: '12.5000' });
    expect(await bc.post('/customers/1/validate', { password: 'S3cret-pass' })).toEqual({ success: true });
    expect(await bc.post('/customers/1/validate', { password: 'wrong' })).toEqual({ success: false });

    expect(await bc.delete('/customers/1')).toBe('');
    const gone = await failure(bc.get('/customers/1'));
    expect(gone.code).toBe(404);
    expect(JSON.parse(gone.responseBody ?? '')).toEqual([
      { status: 404, message: 'The requested resource was not found.' },
    ]);
    expect(tap.violations()).toEqual([]);
  });

  it('rejects a duplicate email with code 400 and the v2 error array as responseBody', async () => {
    const { bc, tap } = await setup();
    await bc.post('/customers', newCustomer(1));

    const err = await failure(bc.post('/customers', newCustomer(2, { email: 'jane.doe1@example.com' })));
    expect(err.code).toBe(400);
    expect(JSON.parse(err.responseBody ?? '')).toEqual([
      {
        status: 400,
        message: "The field 'email' is invalid.",
        details: { invalid_reason: 'This email address is already in use by a customer.' },
      },
    ]);
    expect(err.message).toMatch(/^Request returned error code: 400 and body: \[/);
    expect(tap.violations()).toEqual([]);
  });

  it('creates, lists, updates and deletes addresses of a customer', async () => {
    const { bc, tap } = await setup();
    await bc.post('/customers', newCustomer(1));

    expect(await bc.get('/customers/1/addresses')).toBe('');
    const address = await bc.post('/customers/1/addresses', newAddress());
    expect(address).toMatchObject({
      customer_id: 1,
      country: 'United States',
      country_iso2: 'US',
      form_fields: null,
    });
    await bc.post('/customers/1/addresses', newAddress({ city: 'Dallas', zip: '75201' }));

    const listed = await bc.get('/customers/1/addresses?limit=1&page=2');
    expect(listed).toHaveLength(1);
    expect(listed[0].city).toBe('Dallas');
    expect(await bc.get('/customers/1/addresses/count')).toEqual({ count: 2 });

    const moved = await bc.put(`/customers/1/addresses/${address.id}`, { city: 'Round Rock' });
    expect(moved).toMatchObject({ id: address.id, city: 'Round Rock', zip: '78726' });
    expect(await bc.delete(`/customers/1/addresses/${address.id}`)).toBe('');
    expect(await bc.get('/customers/1/addresses/count')).toEqual({ count: 1 });
    expect(await bc.delete('/customers/1/addresses')).toBe('');
    expect(await bc.get('/customers/1/addresses')).toBe('');
    expect(tap.violations()).toEqual([]);
  });

  it('creates, updates and deletes a customer group, which unassigns its customers', async () => {
    const { bc, tap } = await setup();

    const group = await bc.post('/customer_groups', { name: 'Wholesale' });
    expect(group).toMatchObject({
      name: 'Wholesale',
      is_default: false,
      category_access: { type: 'all' },
      discount_rules: [],
    });
    const customer = await bc.post('/customers', newCustomer(1, { customer_group_id: group.id }));
    expect(customer.customer_group_id).toBe(group.id);

    const renamed = await bc.put(`/customer_groups/${group.id}`, {
      name: 'Trade',
      discount_rules: [{ type: 'all', method: 'percent', amount: 5 }],
    });
    expect(renamed).toMatchObject({
      id: group.id,
      name: 'Trade',
      discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }],
    });
    expect(await bc.get('/customer_groups?name=Trade')).toHaveLength(1);
    expect(await bc.get('/customer_groups/count')).toEqual({ count: 1 });

    expect(await bc.delete(`/customer_groups/${group.id}`)).toBe('');
    expect((await bc.get(`/customers/${customer.id}`)).customer_group_id).toBe(0);
    expect(await bc.get('/customer_groups')).toBe('');
    expect(tap.violations()).toEqual([]);
  });

  it('gets a 403 with the gateway object when a read-only token writes', async () => {
    const { bc, tap } = await setup({}, { token: READ_ONLY });

    expect(await bc.get('/customers')).toBe('');
    const err = await failure(bc.post('/customers', newCustomer(1)));
    expect(err.code).toBe(403);
    expect(JSON.parse(err.responseBody ?? '')).toMatchObject({
      status: 403,
      title: "You don't have a required scope to access the endpoint",
    });
    expect(tap.violations()).toEqual([]);
  });

  it('reads X-Retry-After from a 429 when told to fail on the rate limit', async () => {
    const { bc, tap } = await setup(
      { rateLimit: { quota: 1, windowMs: 30_000 } },
      { failOnLimitReached: true },
    );

    expect(await bc.get('/customers')).toBe('');
    const err = await failure(bc.get('/customers'));
    expect(err.retryAfter).toBeGreaterThan(0);
    expect(err.retryAfter).toBeLessThanOrEqual(30);
    expect(err.message).toMatch(/rate limit/);
    expect(tap.violations()).toEqual([]);
  });

  it('records each answer it sends, and its spec check reports a broken one', async () => {
    const { bc, tap } = await setup();
    await bc.get('/customers');
    await bc.post('/customers', newCustomer(1));

    expect(tap.exchanges.map((x) => [x.method, x.status])).toEqual([
      ['GET', 204],
      ['POST', 201],
    ]);
    expect(tap.exchanges[1]?.headers['content-type']).toMatch(/^application\/json/);
    expect(tap.exchanges[1]?.headers['x-rate-limit-requests-left']).toBeDefined();
    expect(tap.exchanges[0]?.body).toBe('');
    expect(tap.violations()).toEqual([]);

    tap.exchanges.push({ ...(tap.exchanges[1] as (typeof tap.exchanges)[number]), body: '{"id":"one"}' });
    expect(tap.violations()).toEqual([expect.stringMatching(/POST .*\/customers → 201: body/)]);
  });
});
