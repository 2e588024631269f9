/**
 * Auth and scopes across every operation of the spec: who may read, who may write, who may use
 * the admin API and from where, and that no secret ever reaches the log.
 */
import { inject } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ADMIN, assertConforms, newCustomer, READ_ONLY, testApp, TOKEN } from '../helpers.js';
import { populatedApp, specOperations, storeSnapshot } from './spec-operations.js';

const operations = specOperations();
const reads = operations.filter((op) => !op.write);
const writes = operations.filter((op) => op.write);
const GATEWAY_TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

const BOUND = 'token-for-one-store';
const boundTokens = [
  { token: TOKEN, scope: 'store_v2_customers' as const },
  { token: READ_ONLY, scope: 'store_v2_customers_read_only' as const },
  { token: BOUND, scope: 'store_v2_customers' as const, stores: ['the-one-store'] },
];

describe('tokens', () => {
  it('covers every operation of the spec', () => {
    expect(operations.length).toBeGreaterThanOrEqual(21);
    expect(reads.length).toBeGreaterThan(0);
    expect(writes.length).toBeGreaterThan(0);
  });

  it.each([
    ['no token', {}],
    ['an empty token', { 'x-auth-token': '' }],
    ['an unknown token', { 'x-auth-token': 'guess' }],
    ['a token in the wrong case', { 'x-auth-token': TOKEN.toUpperCase() }],
    ['the admin token', { 'x-auth-token': ADMIN }],
    ['a token bound to another store', { 'x-auth-token': BOUND }],
    ['the token in X-Auth-Client only', { 'x-auth-client': TOKEN }],
  ])(
    'answers 401 with the gateway object to %s on every operation, changing nothing',
    async (_name, headers) => {
      const t = await populatedApp({ tokens: boundTokens });
      const before = await storeSnapshot(t);
      for (const op of operations) {
        const url = `/stores/${t.hash}/v2${op.path}`;
        const r = await inject(t.app.handle, {
          method: op.method,
          url,
          headers: { ...headers, ...(op.body ? { 'content-type': 'application/json' } : {}) },
          payload: op.body === undefined ? undefined : JSON.stringify(op.body),
        });
        const res = {
          status: r.statusCode,
          headers: r.headers,
          text: r.payload,
          body: JSON.parse(r.payload),
        };
        assertConforms(op.method, url, res);
        expect(res.status, op.operationId).toBe(401);
        expect(res.body, op.operationId).toEqual({
          status: 401,
          title: expect.any(String),
          type: GATEWAY_TYPE,
          errors: {},
        });
      }
      expect(await storeSnapshot(t)).toBe(before);
    },
  );

  it('lets a store-bound token use its own store only', async () => {
    const t = testApp({ tokens: boundTokens });
    expect(
      (await t.post('/stores/the-one-store/v2/customers', newCustomer(1), { 'x-auth-token': BOUND })).status,
    ).toBe(201);
    expect((await t.get('/customers/count', { 'x-auth-token': BOUND })).status).toBe(401);
    expect((await t.get('/stores/the-one-store/v2/customers/count')).body).toEqual({ count: 1 });
  });
});

describe('the read-only scope', () => {
  it.each(reads.map((op) => [op.operationId, op]))(
    'may %s, with the same answer as the full token',
    async (_id, op) => {
      const t = await populatedApp();
      const full = await t.request(op.method, op.path, op.body);
      const readOnly = await t.request(op.method, op.path, op.body, { 'x-auth-token': READ_ONLY });
      expect(full.status).toBe(200);
      expect(readOnly.status).toBe(full.status);
      expect(readOnly.body).toEqual(full.body);
    },
  );

  it.each(writes.map((op) => [op.operationId, op]))(
    'may never %s: 403 and nothing changes',
    async (_id, op) => {
      const t = await populatedApp();
      const before = await storeSnapshot(t);
      const res = await t.request(op.method, op.path, op.body, { 'x-auth-token': READ_ONLY });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        status: 403,
        title: "You don't have a required scope to access the endpoint",
        type: GATEWAY_TYPE,
        errors: {},
      });
      expect(await storeSnapshot(t)).toBe(before);
    },
  );

  it('gets 403 before its body is even read (a malformed body changes nothing either)', async () => {
    const t = await populatedApp();
    const res = await t.request('POST', '/customers', '{"broken', { 'x-auth-token': READ_ONLY });
    expect(res.status).toBe(403);
  });

  it('lets the full token make every one of those writes (the 403s are the scope’s doing)', async () => {
    for (const op of writes) {
      const t = await populatedApp();
      const res = await t.request(op.method, op.path, op.body);
      expect(res.status, op.operationId).toBeLessThan(300);
    }
  });
});

describe('the admin API', () => {
  const adminGet = (
    app: ReturnType<typeof createApp>,
    headers: Record<string, string>,
    remoteAddress?: string,
  ) => inject(app.handle, { method: 'GET', url: '/__admin/stores', headers, remoteAddress });

  it('needs the admin token: no token, the API token and a wrong token get 401', async () => {
    const app = createApp();
    const attempts: Record<string, string>[] = [
      {},
      { 'x-admin-token': TOKEN },
      { 'x-auth-token': ADMIN },
      { 'x-admin-token': `${ADMIN}x` },
    ];
    for (const headers of attempts) {
      const res = await adminGet(app, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(res.payload)[0].status).toBe(401);
    }
    expect((await adminGet(app, { 'x-admin-token': ADMIN })).statusCode).toBe(200);
  });

  it('does not let the admin token use the store API', async () => {
    const t = testApp();
    expect((await t.get('/customers', { 'x-auth-token': ADMIN, 'x-admin-token': ADMIN })).status).toBe(401);
  });

  it.each(['203.0.113.9', '10.0.0.1', '::ffff:192.168.1.2', '2001:db8::1', '128.0.0.1'])(
    'refuses the client %s (not loopback) with 403, even with the admin token, but answers its health probe',
    async (remoteAddress) => {
      const app = createApp();
      const res = await adminGet(app, { 'x-admin-token': ADMIN }, remoteAddress);
      expect(res.statusCode).toBe(403);
      // An orchestrator probes health from elsewhere; it tells nothing but "ok".
      const health = await inject(app.handle, { method: 'GET', url: '/__admin/health', remoteAddress });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
    },
  );

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])(
    'serves the loopback client %s',
    async (remoteAddress) => {
      expect((await adminGet(createApp(), { 'x-admin-token': ADMIN }, remoteAddress)).statusCode).toBe(200);
    },
  );

  it('serves remote clients with the token once allowRemoteAdmin is set, and still needs the token', async () => {
    const app = createApp({ allowRemoteAdmin: true });
    expect((await adminGet(app, { 'x-admin-token': ADMIN }, '203.0.113.9')).statusCode).toBe(200);
    expect((await adminGet(app, {}, '203.0.113.9')).statusCode).toBe(401);
  });

  it('uses its own configured token, not the default one', async () => {
    const app = createApp({ adminToken: 'a-long-admin-secret' });
    expect((await adminGet(app, { 'x-admin-token': ADMIN })).statusCode).toBe(401);
    expect((await adminGet(app, { 'x-admin-token': 'a-long-admin-secret' })).statusCode).toBe(200);
  });
});

describe('the log', () => {
  it('never shows a token, an admin token or a password', async () => {
    const lines: string[] = [];
    const secrets = {
      token: 'tok-3f9a1c7e5b',
      readOnly: 'ro-8d2e6b4a0c',
      admin: 'adm-71c5e9f3a2',
      password: 'pw4Secret9xyz',
      newPassword: 'pw7Other3abc',
      wrongPassword: 'pw2Wrong8def',
    };
    const t = testApp({
      log: (line) => lines.push(line),
      adminToken: secrets.admin,
      tokens: [
        { token: secrets.token, scope: 'store_v2_customers' },
        { token: secrets.readOnly, scope: 'store_v2_customers_read_only' },
      ],
    });
    const auth = { 'x-auth-token': secrets.token };
    const created = await t.post(
      '/customers',
      newCustomer(1, { _authentication: { password: secrets.password } }),
      auth,
    );
    expect(created.status).toBe(201);
    await t.post(
      '/customers',
      newCustomer(2, {
        _authentication: { password: secrets.password, password_confirmation: secrets.wrongPassword },
      }),
      auth,
    );
    await t.put('/customers/1', { _authentication: { password: secrets.newPassword } }, auth);
    await t.post('/customers/1/validate', { password: secrets.wrongPassword }, auth);
    await t.post('/customers/1/validate', { password: secrets.newPassword }, auth);
    await t.get('/customers', { 'x-auth-token': secrets.readOnly });
    await t.put('/customers/1', { notes: 'x' }, { 'x-auth-token': secrets.readOnly });
    await t.get('/customers', { 'x-auth-token': `${secrets.token}-wrong` });
    await t.request('GET', '/__admin/stores', undefined, { 'x-admin-token': secrets.admin });
    await t.request('GET', '/__admin/stores', undefined, { 'x-admin-token': `${secrets.admin}-wrong` });
    expect(lines.length).toBeGreaterThanOrEqual(10);
    const log = lines.join('\n');
    for (const [name, secret] of Object.entries(secrets)) {
      expect(log.includes(secret), `${name} appears in the log`).toBe(false);
    }
  });
});
