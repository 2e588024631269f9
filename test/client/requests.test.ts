import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createClient, type BigCommerceClient } from '../../src/client/index.js';
import { BASE_URL, TOKEN, clientAnswering, empty, json, onlyRequest } from './fake-fetch.js';

const prefix = `${BASE_URL}/stores/abc123/v2`;
const address = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  street_1: '1 Main St',
  city: 'Austin',
  state: 'Texas',
  zip: '78701',
  country: 'United States',
  phone: '555-0100',
  address_type: 'residential' as const,
};

/** Every operation: what the client is asked, and the method and URL it must send. */
const operations: [string, (client: BigCommerceClient) => Promise<unknown>, string, string][] = [
  ['listCustomers', (c) => c.listCustomers(), 'GET', '/customers'],
  [
    'createCustomer',
    (c) => c.createCustomer({ email: 'a@b.c', first_name: 'A', last_name: 'B' }),
    'POST',
    '/customers',
  ],
  ['deleteCustomers', (c) => c.deleteCustomers({ email: 'a@b.c' }), 'DELETE', '/customers?email=a%40b.c'],
  ['countCustomers', (c) => c.countCustomers(), 'GET', '/customers/count'],
  ['getCustomer', (c) => c.getCustomer(5), 'GET', '/customers/5'],
  ['updateCustomer', (c) => c.updateCustomer(5, { notes: 'x' }), 'PUT', '/customers/5'],
  ['deleteCustomer', (c) => c.deleteCustomer(5), 'DELETE', '/customers/5'],
  [
    'validateCustomerPassword',
    (c) => c.validateCustomerPassword(5, { password: 'p' }),
    'POST',
    '/customers/5/validate',
  ],
  ['listCustomerAddresses', (c) => c.listCustomerAddresses(5), 'GET', '/customers/5/addresses'],
  ['createCustomerAddress', (c) => c.createCustomerAddress(5, address), 'POST', '/customers/5/addresses'],
  ['deleteCustomerAddresses', (c) => c.deleteCustomerAddresses(5), 'DELETE', '/customers/5/addresses'],
  ['countCustomerAddresses', (c) => c.countCustomerAddresses(5), 'GET', '/customers/5/addresses/count'],
  ['countAllCustomerAddresses', (c) => c.countAllCustomerAddresses(), 'GET', '/customers/addresses/count'],
  ['getCustomerAddress', (c) => c.getCustomerAddress(5, 8), 'GET', '/customers/5/addresses/8'],
  [
    'updateCustomerAddress',
    (c) => c.updateCustomerAddress(5, 8, { city: 'Dallas' }),
    'PUT',
    '/customers/5/addresses/8',
  ],
  ['deleteCustomerAddress', (c) => c.deleteCustomerAddress(5, 8), 'DELETE', '/customers/5/addresses/8'],
  ['listCustomerGroups', (c) => c.listCustomerGroups(), 'GET', '/customer_groups'],
  ['createCustomerGroup', (c) => c.createCustomerGroup({ name: 'VIP' }), 'POST', '/customer_groups'],
  ['countCustomerGroups', (c) => c.countCustomerGroups(), 'GET', '/customer_groups/count'],
  ['getCustomerGroup', (c) => c.getCustomerGroup(3), 'GET', '/customer_groups/3'],
  ['updateCustomerGroup', (c) => c.updateCustomerGroup(3, { name: 'Gold' }), 'PUT', '/customer_groups/3'],
  ['deleteCustomerGroup', (c) => c.deleteCustomerGroup(3), 'DELETE', '/customer_groups/3'],
];

/** A body any operation accepts as a success: counts read `count`, validate reads `success`. */
const anySuccess = (): Response => json(200, { count: 0, success: true, id: 1 });

/** Every operationId of spec/customers.v2.yaml. */
function specOperationIds(): string[] {
  const spec = parse(readFileSync(new URL('../../spec/customers.v2.yaml', import.meta.url), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  return Object.values(spec.paths).flatMap((item) =>
    Object.values(item).flatMap((operation) => (operation.operationId ? [operation.operationId] : [])),
  );
}

describe('client requests', () => {
  it('has one method per operation of the spec, each tested below', () => {
    const { client } = clientAnswering();
    const ids = specOperationIds().sort();
    expect(ids).toHaveLength(22);
    expect(operations.map(([name]) => name).sort()).toEqual(ids);
    for (const id of ids)
      expect(typeof (client as unknown as Record<string, unknown>)[id], id).toBe('function');
  });

  it.each(operations)('%s sends the store hash and ids in the path', async (_name, call, method, path) => {
    const { client, requests } = clientAnswering((request) =>
      request.method === 'DELETE' ? empty() : anySuccess(),
    );
    await call(client);
    const request = onlyRequest(requests);
    expect(request.method).toBe(method);
    expect(request.url).toBe(`${prefix}${path}`);
  });

  it.each(operations)('%s sends the token and asks for JSON', async (_name, call) => {
    const { client, requests } = clientAnswering((request) =>
      request.method === 'DELETE' ? empty() : anySuccess(),
    );
    await call(client);
    const request = onlyRequest(requests);
    expect(request.headers.get('X-Auth-Token')).toBe(TOKEN);
    expect(request.headers.get('Accept')).toBe('application/json');
  });

  it('sends filters and paging as the query string', async () => {
    const { client, requests } = clientAnswering(() => empty());
    await client.listCustomers({ email: 'ada@example.com', page: 2, limit: 250 });
    expect(onlyRequest(requests).url).toBe(`${prefix}/customers?email=ada%40example.com&page=2&limit=250`);
  });

  it('sends group filters with their colon names', async () => {
    const { client, requests } = clientAnswering(() => empty());
    await client.listCustomerGroups({ 'name:like': 'vip', is_default: false });
    expect(onlyRequest(requests).url).toBe(`${prefix}/customer_groups?name:like=vip&is_default=false`);
  });

  it('sends the body as JSON with a JSON content type', async () => {
    const { client, requests } = clientAnswering(() => json(201, { id: 1, name: 'VIP' }));
    await client.createCustomerGroup({ name: 'VIP', is_default: true });
    const request = onlyRequest(requests);
    expect(request.headers.get('Content-Type')).toBe('application/json');
    await expect(request.json()).resolves.toEqual({ name: 'VIP', is_default: true });
  });

  it('encodes a store hash that needs it', async () => {
    const requests: Request[] = [];
    const client = createClient({
      baseUrl: `${BASE_URL}/`,
      storeHash: 'a b',
      token: TOKEN,
      fetch: async (request) => {
        requests.push(request);
        return empty();
      },
    });
    await client.listCustomers();
    expect(onlyRequest(requests).url).toBe(`${BASE_URL}/stores/a%20b/v2/customers`);
  });

  it('adds extra headers but keeps its own token and Accept', async () => {
    const requests: Request[] = [];
    const client = createClient({
      baseUrl: BASE_URL,
      storeHash: 'abc123',
      token: TOKEN,
      headers: { 'User-Agent': 'bc-fakestore-test', 'x-auth-token': 'other', accept: 'application/xml' },
      fetch: async (request) => {
        requests.push(request);
        return empty();
      },
    });
    await client.listCustomers();
    const request = onlyRequest(requests);
    expect(request.headers.get('User-Agent')).toBe('bc-fakestore-test');
    expect(request.headers.get('X-Auth-Token')).toBe(TOKEN);
    expect(request.headers.get('Accept')).toBe('application/json');
  });
});
