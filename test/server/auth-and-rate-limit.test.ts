import { inject } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import {
  READ_ONLY,
  TOKEN,
  assertConforms,
  freshHash,
  newAddress,
  newCustomer,
  storeCounts,
  testApp,
  type TestResponse,
} from '../helpers.js';

const GATEWAY_403 = {
  status: 403,
  title: "You don't have a required scope to access the endpoint",
  type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
  errors: {},
};

const RATE_HEADERS = [
  'x-rate-limit-time-window-ms',
  'x-rate-limit-time-reset-ms',
  'x-rate-limit-requests-quota',
  'x-rate-limit-requests-left',
];

const rate = (res: TestResponse) => Object.fromEntries(RATE_HEADERS.map((h) => [h, res.headers[h]]));

/** A test app whose clock the test moves by hand. */
function clockedApp(options: Parameters<typeof testApp>[0] = {}) {
  const clock = { now: Date.parse('2024-05-06T07:34:10Z') };
  const t = testApp({ ...options, clock: () => clock.now });
  return { ...t, clock };
}

describe('X-Auth-Token', () => {
  it.each(['nope', '', TOKEN.toUpperCase(), `${TOKEN} `])(
    'answers 401 with the gateway object for the token "%s"',
    async (token) => {
      const t = testApp();
      const res = await t.get('/customers', { 'x-auth-token': token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        status: 401,
        title: expect.any(String),
        type: GATEWAY_403.type,
        errors: {},
      });
    },
  );

  it('answers 401 with the gateway object when there is no token', async () => {
    const app = createApp();
    const url = `/stores/${freshHash()}/v2/customers`;
    const res = await inject(app.handle, { method: 'GET', url });
    const out = { status: res.statusCode, headers: res.headers, text: res.payload };
    assertConforms('GET', url, out);
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.payload)).toEqual({
      status: 401,
      title: expect.any(String),
      type: GATEWAY_403.type,
      errors: {},
    });
  });

  it('answers 401 to a write with no token, before reading the body, and changes nothing', async () => {
    const t = testApp();
    const res = await t.request('POST', '/customers', newCustomer(1), { 'x-auth-token': 'nope' });
    expect(res.status).toBe(401);
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });

  it('does not check X-Auth-Client', async () => {
    const t = testApp();
    expect((await t.get('/customers', { 'x-auth-client': 'whatever' })).status).toBe(204);
  });

  it('answers 401 for a token bound to other stores, and serves its own store', async () => {
    const t = testApp({ tokens: [{ token: 'a', scope: 'store_v2_customers', stores: ['s1'] }] });
    const headers = { 'x-auth-token': 'a' };
    expect((await t.request('POST', '/stores/s1/v2/customers', newCustomer(1), headers)).status).toBe(201);
    const other = await t.request('GET', '/stores/s2/v2/customers', undefined, headers);
    expect(other.status).toBe(401);
    expect(other.body.type).toBe(GATEWAY_403.type);
    expect((await t.request('GET', '/stores/s1/v2/customers/count', undefined, headers)).body).toEqual({
      count: 1,
    });
  });
});

describe('read-only scope', () => {
  it('may read every resource', async () => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'A' });
    await t.post('/customers', newCustomer(1));
    await t.post('/customers/1/addresses', newAddress());
    const ro = { 'x-auth-token': READ_ONLY };
    for (const path of [
      '/customers',
      '/customers/count',
      '/customers/1',
      '/customers/1/addresses',
      '/customers/1/addresses/count',
      '/customers/1/addresses/1',
      '/customer_groups',
      '/customer_groups/count',
      '/customer_groups/1',
    ]) {
      expect((await t.get(path, ro)).status).toBe(200);
    }
  });

  it.each([
    ['POST', '/customers', newCustomer(2)],
    ['PUT', '/customers/1', { notes: 'x' }],
    ['DELETE', '/customers/1', undefined],
    ['DELETE', '/customers', undefined],
    ['POST', '/customers/1/validate', { password: 'x' }],
    ['POST', '/customers/1/addresses', newAddress()],
    ['PUT', '/customers/1/addresses/1', { city: 'x' }],
    ['DELETE', '/customers/1/addresses/1', undefined],
    ['DELETE', '/customers/1/addresses', undefined],
    ['POST', '/customer_groups', { name: 'B' }],
    ['PUT', '/customer_groups/1', { name: 'B' }],
    ['DELETE', '/customer_groups/1', undefined],
  ])('gets the 403 gateway object for %s %s and changes nothing', async (method, path, body) => {
    const t = testApp();
    await t.post('/customer_groups', { name: 'A' });
    await t.post('/customers', newCustomer(1));
    await t.post('/customers/1/addresses', newAddress());
    const counts = await storeCounts(t.app, t.hash);
    const res = await t.request(method, path, body, { 'x-auth-token': READ_ONLY });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(GATEWAY_403);
    expect(await storeCounts(t.app, t.hash)).toEqual(counts);
    expect((await t.get('/customers/1')).body.notes).toBe('');
    expect((await t.get('/customer_groups/1')).body.name).toBe('A');
  });
});

describe('rate-limit headers', () => {
  it('come on every answer, errors included, as integers', async () => {
    const t = testApp();
    const answers = [
      await t.get('/customers'),
      await t.post('/customers', newCustomer(1)),
      await t.get('/customers/1'),
      await t.get('/customers/99'),
      await t.post('/customers', { email: 'bad' }),
      await t.get('/customers.xml'),
      await t.request('PUT', '/customers', {}),
      await t.request('PATCH', '/customers/1', {}),
      await t.get('/customers?limit=999'),
      await t.get('/customers', { 'x-auth-token': 'nope' }),
      await t.post('/customers', newCustomer(2), { 'x-auth-token': READ_ONLY }),
      await t.get('/nowhere'),
    ];
    for (const res of answers) {
      for (const h of RATE_HEADERS) expect(res.headers[h], `${res.status} ${h}`).toMatch(/^\d+$/);
    }
  });

  it('count down the requests left in the window', async () => {
    const t = clockedApp({ rateLimit: { quota: 10, windowMs: 30_000 } });
    const first = await t.get('/customers');
    expect(rate(first)).toEqual({
      'x-rate-limit-time-window-ms': '30000',
      'x-rate-limit-time-reset-ms': '30000',
      'x-rate-limit-requests-quota': '10',
      'x-rate-limit-requests-left': '9',
    });
    t.clock.now += 1_000;
    const second = await t.get('/customers');
    expect(second.headers['x-rate-limit-requests-left']).toBe('8');
    expect(second.headers['x-rate-limit-time-reset-ms']).toBe('29000');
  });

  it('do not count a request refused for its token', async () => {
    const t = clockedApp({ rateLimit: { quota: 10, windowMs: 30_000 } });
    await t.get('/customers');
    const refused = await t.get('/customers', { 'x-auth-token': 'nope' });
    expect(refused.headers['x-rate-limit-requests-left']).toBe('9');
    expect((await t.get('/customers')).headers['x-rate-limit-requests-left']).toBe('8');
  });
});

describe('rate limiting', () => {
  it('answers 429 with X-Retry-After once the quota is used, and passes again after the window', async () => {
    const t = clockedApp({ rateLimit: { quota: 3, windowMs: 1000 } });
    for (let i = 0; i < 3; i++) expect((await t.get('/customers')).status).toBe(204);
    t.clock.now += 400;
    const limited = await t.get('/customers');
    expect(limited.status).toBe(429);
    expect(limited.body[0].status).toBe(429);
    expect(limited.headers['x-retry-after']).toBe('1');
    expect(rate(limited)).toEqual({
      'x-rate-limit-time-window-ms': '1000',
      'x-rate-limit-time-reset-ms': '600',
      'x-rate-limit-requests-quota': '3',
      'x-rate-limit-requests-left': '0',
    });
    t.clock.now += 600;
    const again = await t.get('/customers');
    expect(again.status).toBe(204);
    expect(again.headers['x-rate-limit-requests-left']).toBe('2');
    expect(again.headers['x-retry-after']).toBeUndefined();
  });

  it('rounds X-Retry-After up to whole seconds', async () => {
    const t = clockedApp({ rateLimit: { quota: 1, windowMs: 30_000 } });
    await t.get('/customers');
    t.clock.now += 100;
    expect((await t.get('/customers')).headers['x-retry-after']).toBe('30');
  });

  it('refuses a write over the quota without doing it', async () => {
    const t = clockedApp({ rateLimit: { quota: 1, windowMs: 1000 } });
    await t.get('/customers');
    expect((await t.post('/customers', newCustomer(1))).status).toBe(429);
    t.clock.now += 1000;
    expect((await t.get('/customers/count')).body).toEqual({ count: 0 });
  });

  it('keeps a separate window per store', async () => {
    const t = clockedApp({ rateLimit: { quota: 2, windowMs: 1000 } });
    const other = freshHash();
    await t.get('/customers');
    await t.get('/customers');
    expect((await t.get('/customers')).status).toBe(429);
    const res = await t.get(`/stores/${other}/v2/customers`);
    expect(res.status).toBe(204);
    expect(res.headers['x-rate-limit-requests-left']).toBe('1');
  });

  it('shares one window between the tokens of a store', async () => {
    const t = clockedApp({ rateLimit: { quota: 2, windowMs: 1000 } });
    await t.get('/customers', { 'x-auth-token': TOKEN });
    await t.get('/customers', { 'x-auth-token': READ_ONLY });
    expect((await t.get('/customers', { 'x-auth-token': READ_ONLY })).status).toBe(429);
  });
});

describe('the stricter password-validation limit', () => {
  async function setup() {
    const t = clockedApp({ validateRateLimit: { quota: 2, windowMs: 10_000 } });
    await t.post('/customers', newCustomer(1, { _authentication: { password: 'secret123' } }));
    return t;
  }

  it('answers 429 to validation over its quota while other operations go on', async () => {
    const t = await setup();
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).status).toBe(200);
    expect((await t.post('/customers/1/validate', { password: 'wrong' })).status).toBe(200);
    const limited = await t.post('/customers/1/validate', { password: 'secret123' });
    expect(limited.status).toBe(429);
    expect(limited.headers['x-retry-after']).toBe('10');
    expect(limited.headers['x-rate-limit-requests-quota']).toBe('2');
    expect(limited.headers['x-rate-limit-requests-left']).toBe('0');
    expect((await t.get('/customers/1')).status).toBe(200);
    expect((await t.put('/customers/1', { notes: 'x' })).status).toBe(200);
  });

  it('opens again after its window', async () => {
    const t = await setup();
    await t.post('/customers/1/validate', { password: 'x' });
    await t.post('/customers/1/validate', { password: 'x' });
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).status).toBe(429);
    t.clock.now += 10_000;
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).body).toEqual({
      success: true,
    });
  });

  it('counts per store', async () => {
    const t = await setup();
    await t.post('/customers/1/validate', { password: 'x' });
    await t.post('/customers/1/validate', { password: 'x' });
    const other = freshHash();
    await t.post(`/stores/${other}/v2/customers`, newCustomer(1));
    expect((await t.post(`/stores/${other}/v2/customers/1/validate`, { password: 'x' })).status).toBe(200);
  });
});
