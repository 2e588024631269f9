import { describe, expect, it } from 'vitest';
import { BigCommerceApiError, type BigCommerceClient } from '../../src/client/index.js';
import { clientAnswering, json, rateLimitHeaders } from './fake-fetch.js';

/** Runs `call` and returns the `BigCommerceApiError` it must reject with. */
async function apiError(call: () => Promise<unknown>): Promise<BigCommerceApiError> {
  const error: unknown = await call().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BigCommerceApiError);
  return error as BigCommerceApiError;
}

const gateway403 = {
  status: 403,
  title: "You don't have a required scope to access the endpoint",
  type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
  errors: {},
};

describe('client errors', () => {
  it('throws the v2 error array of a 400 with its invalid_reason details', async () => {
    const body = [
      {
        status: 400,
        message: "The field 'email' is invalid.",
        details: { invalid_reason: 'This email address is already in use by a customer.' },
      },
    ];
    const { client } = clientAnswering(() => json(400, body));
    const error = await apiError(() => client.updateCustomer(1, { email: 'taken@example.com' }));
    expect(error.status).toBe(400);
    expect(error.messages).toEqual(["The field 'email' is invalid."]);
    expect(error.errors).toEqual(body);
    expect(error.errors[0]?.details?.invalid_reason).toBe(
      'This email address is already in use by a customer.',
    );
    expect(error.body).toBe(JSON.stringify(body));
    expect(error.message).toContain('This email address is already in use by a customer.');
  });

  it('keeps every item of a v2 error array, in order', async () => {
    const body = [
      { status: 400, message: "The field 'first_name' is invalid." },
      { status: 400, message: "The field 'last_name' is invalid." },
    ];
    const { client } = clientAnswering(() => json(400, body));
    const error = await apiError(() =>
      client.createCustomer({ email: 'a@b.c', first_name: '', last_name: '' }),
    );
    expect(error.messages).toEqual([
      "The field 'first_name' is invalid.",
      "The field 'last_name' is invalid.",
    ]);
  });

  it('throws a 404 with the not-found message', async () => {
    const { client } = clientAnswering(() =>
      json(404, [{ status: 404, message: 'The requested resource was not found.' }]),
    );
    const error = await apiError(() => client.getCustomerGroup(99));
    expect(error.status).toBe(404);
    expect(error.messages).toEqual(['The requested resource was not found.']);
    expect(error.errors).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });

  it('normalizes the gateway object of a 403 to one item whose message is its title', async () => {
    const { client } = clientAnswering(() => json(403, gateway403));
    const error = await apiError(() => client.deleteCustomers({}));
    expect(error.status).toBe(403);
    expect(error.messages).toEqual([gateway403.title]);
    expect(error.errors).toEqual([{ status: 403, message: gateway403.title }]);
    expect(JSON.parse(error.body)).toEqual(gateway403);
  });

  it('normalizes the gateway object of a 401 the same way', async () => {
    const body = { status: 401, title: 'Unauthorized', type: gateway403.type, errors: {} };
    const { client } = clientAnswering(() => json(401, body));
    const error = await apiError(() => client.listCustomers());
    expect(error.status).toBe(401);
    expect(error.messages).toEqual(['Unauthorized']);
    expect(error.errors).toEqual([{ status: 401, message: 'Unauthorized' }]);
  });

  it('exposes X-Retry-After and the rate-limit headers of a 429', async () => {
    const { client } = clientAnswering(() =>
      json(429, [{ status: 429, message: 'Too many requests.' }], {
        ...rateLimitHeaders(0),
        'X-Retry-After': '12',
      }),
    );
    const error = await apiError(() => client.validateCustomerPassword(1, { password: 'guess' }));
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.rateLimit).toEqual({
      windowMs: 30000,
      resetMs: 12345,
      quota: 150,
      left: 0,
      retryAfterSeconds: 12,
    });
    expect(client.lastResponse).toMatchObject({ status: 429, rateLimit: { left: 0, retryAfterSeconds: 12 } });
  });

  it('exposes X-Retry-After of a 429 that lacks the other rate-limit headers', async () => {
    const { client } = clientAnswering(
      () => new Response('', { status: 429, headers: { 'X-Retry-After': '5' } }),
    );
    const error = await apiError(() => client.listCustomers());
    expect(error.retryAfterSeconds).toBe(5);
    expect(error.rateLimit).toBeUndefined();
    expect(error.errors).toEqual([]);
  });

  it('keeps a body that is not JSON as raw text with no error items', async () => {
    const { client } = clientAnswering(() => new Response('Bad gateway', { status: 502 }));
    const error = await apiError(() => client.countCustomers());
    expect(error).toMatchObject({ status: 502, body: 'Bad gateway', messages: [], errors: [] });
    expect(error.message).toBe('BigCommerce API answered 502');
  });

  it.each<[string, (client: BigCommerceClient) => Promise<unknown>]>([
    ['a list', (client) => client.listCustomerGroups()],
    ['a count', (client) => client.countCustomerAddresses(1)],
    ['a delete', (client) => client.deleteCustomerAddress(1, 2)],
    ['a create', (client) => client.createCustomerGroup({ name: 'VIP' })],
  ])('throws BigCommerceApiError from %s', async (_name, call) => {
    const { client } = clientAnswering(() => json(405, [{ status: 405, message: 'Method not allowed.' }]));
    const error = await apiError(() => call(client));
    expect(error.name).toBe('BigCommerceApiError');
    expect(error.messages).toEqual(['Method not allowed.']);
  });
});
