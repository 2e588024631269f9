import { describe, expect, it } from 'vitest';
import { clientAnswering, empty, json } from './fake-fetch.js';

const customer = { id: 1, first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' };

describe('client results', () => {
  it('returns an empty array when the store answers 204 to a customer list', async () => {
    const { client } = clientAnswering(() => empty(204));
    await expect(client.listCustomers({ email: 'nobody@example.com' })).resolves.toEqual([]);
  });

  it('returns an empty array when the store answers 204 to an address list', async () => {
    const { client } = clientAnswering(() => empty(204));
    await expect(client.listCustomerAddresses(7, { page: 3 })).resolves.toEqual([]);
  });

  it('returns an empty array when the store answers 204 to a group list', async () => {
    const { client } = clientAnswering(() => empty(204));
    await expect(client.listCustomerGroups()).resolves.toEqual([]);
  });

  it('resolves a list to the bare array the store sends', async () => {
    const { client } = clientAnswering(() => json(200, [customer]));
    await expect(client.listCustomers()).resolves.toEqual([customer]);
  });

  it('resolves a single resource to the object the store sends', async () => {
    const { client } = clientAnswering(() => json(200, customer));
    await expect(client.getCustomer(1)).resolves.toEqual(customer);
  });

  it('resolves a count to the number', async () => {
    const { client } = clientAnswering(() => json(200, { count: 27 }));
    await expect(client.countCustomers()).resolves.toBe(27);
  });

  it.each([true, false])('resolves validate to the boolean %s', async (success) => {
    const { client } = clientAnswering(() => json(200, { success }));
    await expect(client.validateCustomerPassword(1, { password: 'secret' })).resolves.toBe(success);
  });

  it('resolves a delete to undefined', async () => {
    const { client } = clientAnswering(() => empty(204));
    await expect(client.deleteCustomer(1)).resolves.toBeUndefined();
  });

  it('rejects a success that should carry a body but has none', async () => {
    const { client } = clientAnswering(() => empty(204));
    await expect(client.getCustomer(1)).rejects.toThrow('getCustomer: the API answered without a body');
  });

  it('exposes the rate-limit headers of a successful response as lastResponse', async () => {
    const { client } = clientAnswering(() => json(200, [customer]));
    expect(client.lastResponse).toBeUndefined();
    await client.listCustomers();
    expect(client.lastResponse?.status).toBe(200);
    expect(client.lastResponse?.rateLimit).toEqual({
      windowMs: 30000,
      resetMs: 12345,
      quota: 150,
      left: 149,
    });
    expect(client.lastResponse?.headers.get('content-type')).toBe('application/json');
  });

  it('exposes the rate-limit headers of a 204 as lastResponse', async () => {
    const { client } = clientAnswering(() => empty(204));
    await client.listCustomers();
    expect(client.lastResponse).toMatchObject({ status: 204, rateLimit: { left: 149 } });
  });

  it('reports no rate limit when the response lacks some of the four headers', async () => {
    const { client } = clientAnswering(
      () => new Response('{"count":1}', { status: 200, headers: { 'X-Rate-Limit-Requests-Left': '3' } }),
    );
    await client.countCustomerGroups();
    expect(client.lastResponse).toMatchObject({ status: 200, rateLimit: undefined });
  });
});
