import { describe, expect, it } from 'vitest';
import { ADMIN, newCustomer, testApp } from '../helpers.js';

const admin = { 'x-admin-token': ADMIN };

/** A store that received: a create, two updates of customer 1 (notes a, then b), a read. */
async function storeWithTraffic() {
  const t = testApp();
  await t.post('/customers', newCustomer(1));
  await t.put('/customers/1', { notes: 'a', company: 'Acme' });
  await t.put('/customers/1', { notes: 'b' });
  await t.get('/customers/1?include=none', { 'x-trace': 'sync-42' });
  const verify = async (matcher: unknown) => {
    const res = await t.request('POST', `/__admin/stores/${t.hash}/requests/verify`, matcher, admin);
    return res.body;
  };
  return { t, verify };
}

describe('verify', () => {
  it('holds for an exact count and fails when there are more', async () => {
    const { verify } = await storeWithTraffic();
    const once = await verify({
      method: 'PUT',
      path: '/customers/1',
      body: { notes: 'b' },
      count: { exactly: 1 },
    });
    expect(once).toMatchObject({ ok: true, count: 1 });
    expect(once.requests[0].request.body).toEqual({ notes: 'b' });
    const twice = await verify({ method: 'PUT', path: '/customers/1', count: { exactly: 1 } });
    expect(twice).toMatchObject({ ok: false, count: 2, near_misses: [] });
    expect(twice.message).toContain('expected exactly 1 request(s) matching PUT /customers/1, found 2');
  });

  it('holds for at-least and at-most counts, and defaults to at least one', async () => {
    const { verify } = await storeWithTraffic();
    expect(await verify({ operationId: 'updateCustomer', count: { at_least: 2 } })).toMatchObject({
      ok: true,
      count: 2,
    });
    expect(await verify({ operationId: 'updateCustomer', count: { at_least: 3 } })).toMatchObject({
      ok: false,
    });
    expect(await verify({ method: 'DELETE', count: { at_most: 0 } })).toMatchObject({ ok: true, count: 0 });
    expect(await verify({ method: 'PUT', count: { at_most: 1 } })).toMatchObject({ ok: false, count: 2 });
    expect(await verify({ operationId: 'createCustomer' })).toMatchObject({
      ok: true,
      expected: { at_least: 1 },
    });
  });

  it('lists the closest requests with a field-by-field diff when the body is wrong', async () => {
    const { t, verify } = await storeWithTraffic();
    const r = await verify({ method: 'PUT', path: '/customers/1', body: { notes: 'c', company: 'Acme' } });
    expect(r.ok).toBe(false);
    expect(
      r.near_misses.map((n: { request: { request: { body: unknown } } }) => n.request.request.body),
    ).toEqual([
      { notes: 'a', company: 'Acme' },
      { notes: 'b' },
      // The read differs in method and has no body; the create (method, path, body) is further off.
      null,
    ]);
    expect(r.near_misses[0].differences).toEqual([{ field: 'body.notes', expected: 'c', actual: 'a' }]);
    expect(r.near_misses[1].differences).toEqual([
      { field: 'body.notes', expected: 'c', actual: 'b' },
      { field: 'body.company', expected: 'Acme' },
    ]);
    expect(r.message).toContain(`#2 PUT /stores/${t.hash}/v2/customers/1 → 200`);
    expect(r.message).toContain('body.notes: expected "c", got "a"');
    expect(r.message).toContain('body.company: expected "Acme", got (missing)');
  });

  it('matches the query as a subset, headers by name in any case, and JSON path conditions', async () => {
    const { verify } = await storeWithTraffic();
    expect(
      await verify({ method: 'GET', query: { include: 'none' }, headers: { 'X-Trace': 'sync-42' } }),
    ).toMatchObject({
      ok: true,
    });
    expect(await verify({ method: 'GET', query: { include: 'all' } })).toMatchObject({ ok: false });
    expect(
      await verify({
        method: 'POST',
        body_paths: [
          { path: '$.email', matches: '^jane\\.doe\\d+@example\\.com$' },
          { path: '$.company', exists: false },
          { path: '$.last_name', equals: 'Doe1' },
        ],
      }),
    ).toMatchObject({ ok: true });
    const miss = await verify({ method: 'POST', body_paths: [{ path: '$.last_name', equals: 'Doe2' }] });
    expect(miss.near_misses[0].differences).toEqual([
      { field: 'body.last_name', expected: 'Doe2', actual: 'Doe1' },
    ]);
  });

  it('ignores a .json suffix on the request path and takes * and ** in patterns', async () => {
    const t = testApp();
    await t.get('/customers/5.json');
    await t.get('/customers/5/addresses/9');
    const verify = async (path: string) =>
      (await t.request('POST', `/__admin/stores/${t.hash}/requests/verify`, { path }, admin)).body.count;
    expect(await verify('/customers/5')).toBe(1);
    expect(await verify('/customers/{customer_id}')).toBe(1);
    expect(await verify('/customers/*/addresses/*')).toBe(1);
    expect(await verify('/customers/**')).toBe(2);
  });

  it('refuses a matcher it cannot use with a 400 that says why', async () => {
    const t = testApp();
    const bad = async (matcher: unknown) =>
      t.request('POST', `/__admin/stores/${t.hash}/requests/verify`, matcher, admin);
    const path = await bad({ body_paths: [{ path: '$..x' }] });
    expect(path.status).toBe(400);
    expect(path.body[0].details.invalid_reason).toContain("JSON path '$..x'");
    expect((await bad({ count: { exactly: 1, at_most: 2 } })).status).toBe(400);
    expect((await bad({ methd: 'GET' })).body[0].details.invalid_reason).toContain("unknown field 'methd'");
  });
});
