/**
 * Rate limiting, driven by an injected clock (no sleeping): the four X-Rate-Limit-* headers on
 * every answer, a window per store, 429 with X-Retry-After once a window is used up, and the
 * stricter limiter of password validation.
 */
import { describe, expect, it } from 'vitest';
import { freshHash, newCustomer, READ_ONLY, testApp, type TestResponse } from '../helpers.js';
import { specOperations } from './spec-operations.js';

const HEADERS = [
  'x-rate-limit-time-window-ms',
  'x-rate-limit-time-reset-ms',
  'x-rate-limit-requests-quota',
  'x-rate-limit-requests-left',
] as const;

const rateOf = (res: TestResponse): Record<string, number> =>
  Object.fromEntries(HEADERS.map((h) => [h.replace('x-rate-limit-', ''), Number(res.headers[h])]));

/** A test app on a clock the test moves by hand. */
function clocked(options: Parameters<typeof testApp>[0] = {}) {
  const clock = { now: Date.UTC(2024, 4, 6, 7, 34, 10) };
  const t = testApp({ clock: () => clock.now, ...options });
  return { ...t, clock };
}

describe('rate-limit headers', () => {
  it('come as four integers on every kind of answer of the store API', async () => {
    const t = clocked({ rateLimit: { quota: 60, windowMs: 30_000 }, maxBodyBytes: 2048 });
    await t.post('/customers', newCustomer(1));
    const answers = [
      ...(await Promise.all(specOperations().map((op) => t.request(op.method, op.path, op.body)))),
      await t.get('/customers?page=0'),
      await t.get('/customers?limit=251'),
      await t.get('/customers', { 'x-auth-token': 'nope' }),
      await t.put('/customers/1', { notes: 'x' }, { 'x-auth-token': READ_ONLY }),
      await t.get('/customers/999'),
      await t.get('/stores/bad.hash/v2/customers'),
      await t.request('PUT', '/customers'),
      await t.request('PATCH', '/customers/1'),
      await t.get('/customers.xml'),
      await t.get('/customers', { accept: 'text/html' }),
      await t.post('/customers', newCustomer(2, { notes: 'x'.repeat(4096) })),
      await t.request('POST', '/customers', 'x', { 'content-type': 'text/plain' }),
    ];
    const statuses = new Set(answers.map((a) => a.status));
    for (const s of [200, 201, 204, 400, 401, 403, 404, 405, 406, 413, 415, 501])
      expect(statuses).toContain(s);
    for (const res of answers) {
      for (const h of HEADERS) expect(res.headers[h], `${res.status} ${h}`).toMatch(/^\d+$/);
    }
  });

  it('count down per request and show the time left in the window', async () => {
    const t = clocked({ rateLimit: { quota: 5, windowMs: 10_000 } });
    expect(rateOf(await t.get('/customers'))).toEqual({
      'time-window-ms': 10_000,
      'time-reset-ms': 10_000,
      'requests-quota': 5,
      'requests-left': 4,
    });
    t.clock.now += 2_500;
    expect(rateOf(await t.get('/customers/count'))).toMatchObject({
      'time-reset-ms': 7_500,
      'requests-left': 3,
    });
  });
});

describe('per-store windows', () => {
  it('keep one store’s traffic from using another store’s quota', async () => {
    const t = clocked({ rateLimit: { quota: 3, windowMs: 30_000 } });
    const other = `/stores/${freshHash()}/v2`;
    for (let i = 0; i < 3; i++) expect((await t.get('/customers')).status).toBe(204);
    expect((await t.get('/customers')).status).toBe(429);
    const fresh = await t.get(`${other}/customers`);
    expect(fresh.status).toBe(204);
    expect(rateOf(fresh)['requests-left']).toBe(2);
  });

  it('start afresh once the window has passed', async () => {
    const t = clocked({ rateLimit: { quota: 2, windowMs: 30_000 } });
    await t.get('/customers');
    await t.get('/customers');
    expect((await t.get('/customers')).status).toBe(429);
    t.clock.now += 29_999;
    expect((await t.get('/customers')).status).toBe(429);
    t.clock.now += 1;
    const again = await t.get('/customers');
    expect(again.status).toBe(204);
    expect(rateOf(again)).toMatchObject({ 'time-reset-ms': 30_000, 'requests-left': 1 });
  });
});

describe('429', () => {
  it('comes with X-Retry-After in whole seconds (rounded up), the four headers and the v2 error body', async () => {
    const t = clocked({ rateLimit: { quota: 1, windowMs: 30_000 } });
    await t.get('/customers');
    t.clock.now += 12_300;
    const res = await t.get('/customers');
    expect(res.status).toBe(429);
    expect(res.headers['x-retry-after']).toBe('18');
    expect(rateOf(res)).toEqual({
      'time-window-ms': 30_000,
      'time-reset-ms': 17_700,
      'requests-quota': 1,
      'requests-left': 0,
    });
    expect(res.body).toEqual([{ status: 429, message: expect.any(String) }]);
  });

  it('refuses writes too, and a refused write changes nothing', async () => {
    const t = clocked({ rateLimit: { quota: 2, windowMs: 30_000 } });
    expect((await t.post('/customers', newCustomer(1))).status).toBe(201);
    expect((await t.get('/customers/count')).body).toEqual({ count: 1 });
    expect((await t.post('/customers', newCustomer(2))).status).toBe(429);
    t.clock.now += 30_000;
    expect((await t.get('/customers/count')).body).toEqual({ count: 1 });
  });
});

describe('password validation', () => {
  it('has a stricter limiter of its own, while the store’s other requests go on', async () => {
    const t = clocked({ validateRateLimit: { quota: 3, windowMs: 60_000 } });
    await t.post('/customers', newCustomer(1, { _authentication: { password: 'secret123' } }));
    for (let i = 0; i < 3; i++) {
      expect((await t.post('/customers/1/validate', { password: 'secret123' })).body).toEqual({
        success: true,
      });
    }
    const refused = await t.post('/customers/1/validate', { password: 'secret123' });
    expect(refused.status).toBe(429);
    expect(refused.headers['x-retry-after']).toBe('60');
    expect(rateOf(refused)).toMatchObject({
      'requests-quota': 3,
      'requests-left': 0,
      'time-window-ms': 60_000,
    });
    expect((await t.get('/customers/1')).status).toBe(200);
    expect((await t.put('/customers/1', { notes: 'still writable' })).status).toBe(200);
    t.clock.now += 60_000;
    expect((await t.post('/customers/1/validate', { password: 'secret123' })).status).toBe(200);
  });

  it('counts per store', async () => {
    const t = clocked({ validateRateLimit: { quota: 1, windowMs: 60_000 } });
    const other = `/stores/${freshHash()}/v2`;
    await t.post('/customers', newCustomer(1));
    await t.post(`${other}/customers`, newCustomer(1));
    expect((await t.post('/customers/1/validate', { password: 'x' })).status).toBe(200);
    expect((await t.post('/customers/1/validate', { password: 'x' })).status).toBe(429);
    expect((await t.post(`${other}/customers/1/validate`, { password: 'x' })).status).toBe(200);
  });

  it('also counts against the store’s main quota', async () => {
    const t = clocked({ rateLimit: { quota: 3, windowMs: 30_000 } });
    await t.post('/customers', newCustomer(1));
    await t.post('/customers/1/validate', { password: 'x' });
    expect(rateOf(await t.get('/customers/1'))['requests-left']).toBe(0);
    expect((await t.post('/customers/1/validate', { password: 'x' })).status).toBe(429);
  });
});

describe('refused requests', () => {
  it('the 404 of a malformed store hash carries the four headers (regression: they were missing)', async () => {
    const t = clocked({ rateLimit: { quota: 7, windowMs: 30_000 } });
    const res = await t.get('/stores/not..a..hash/v2/customers');
    expect(res.status).toBe(404);
    expect(rateOf(res)).toEqual({
      'time-window-ms': 30_000,
      'time-reset-ms': 30_000,
      'requests-quota': 7,
      'requests-left': 7,
    });
  });

  it('a request refused for its token opens no window (regression: every store hash named kept state)', async () => {
    const t = clocked({ rateLimit: { quota: 5, windowMs: 30_000 } });
    const refused = await t.get('/customers', { 'x-auth-token': 'nope' });
    expect(refused.status).toBe(401);
    expect(rateOf(refused)).toMatchObject({ 'time-reset-ms': 30_000, 'requests-left': 5 });
    t.clock.now += 10_000;
    const first = await t.get('/customers');
    // The window starts with the first counted request, not with the refused one.
    expect(rateOf(first)).toMatchObject({ 'time-reset-ms': 30_000, 'requests-left': 4 });
    t.clock.now += 1_000;
    const refusedAgain = await t.get('/customers', { 'x-auth-token': 'nope' });
    expect(rateOf(refusedAgain)).toMatchObject({ 'time-reset-ms': 29_000, 'requests-left': 4 });
  });
});
