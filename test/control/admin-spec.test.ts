import { describe, expect, it } from 'vitest';
import { createAdminClient } from '../../src/admin-client/index.js';
import { loadAdminSpec } from '../../src/control/admin-spec.js';
import { adminRoutes } from '../../src/routes/admin.js';
import { xmlReply } from '../../src/representation/xml.js';
import { checkExchange } from '../../src/spec-conformance.js';

const operations = () =>
  Object.entries(loadAdminSpec().paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { operationId?: string }>)
      .filter(([, op]) => op.operationId)
      .map(([method, op]) => ({ path, method: method.toUpperCase(), operationId: op.operationId as string })),
  );

describe('spec/admin.yaml', () => {
  it('describes every admin route, and nothing else', () => {
    const routes = adminRoutes.map((r) => ({
      path: `/__admin${r.path.replace(/:(\w+)/g, '{$1}')}`,
      method: r.method,
      operationId: r.operationId,
    }));
    const byId = (a: { operationId: string }, b: { operationId: string }) =>
      a.operationId.localeCompare(b.operationId);
    expect(operations().sort(byId)).toEqual(routes.sort(byId));
  });

  it('has a method of the typed admin client for every operation', () => {
    const client = createAdminClient({ url: 'http://127.0.0.1:1' }) as unknown as Record<string, unknown>;
    const missing = operations().filter((o) => typeof client[o.operationId] !== 'function');
    expect(missing).toEqual([]);
  });

  it('catches an admin answer that leaves it', () => {
    const x = {
      method: 'GET',
      url: '/__admin/stores/abc/snapshots',
      headers: { 'content-type': 'application/json' },
    };
    expect(checkExchange({ ...x, status: 200, body: '[]' })).toEqual([]);
    expect(checkExchange({ ...x, status: 200, body: '[{"id":1}]' })[0]).toMatch(
      /body \/0: missing field 'store_hash'/,
    );
    expect(checkExchange({ ...x, status: 418, body: '[]' })[0]).toMatch(
      /status 418 is not declared for listSnapshots/,
    );
  });

  it('checks injected answers against the shapes it documents, and only marked ones', () => {
    const x = { method: 'GET', url: '/stores/abc/v2/customers/1', status: 503 };
    const rate = {
      'x-rate-limit-time-window-ms': '30000',
      'x-rate-limit-time-reset-ms': '1000',
      'x-rate-limit-requests-quota': '150',
      'x-rate-limit-requests-left': '9',
    };
    const body = '[{"status":503,"message":"Service Unavailable"}]';
    const marked = { ...rate, 'content-type': 'application/json', 'x-fakestore-fault': 'f1' };
    expect(checkExchange({ ...x, headers: marked, body })).toEqual([]);
    expect(checkExchange({ ...x, headers: marked, body: '{"status":503}' })[0]).toMatch(/must be array/);
    // Without the marker, the answer is the store's own, and the V2 spec declares no 503.
    const unmarked = { ...rate, 'content-type': 'application/json' };
    expect(checkExchange({ ...x, headers: unmarked, body })[0]).toMatch(/status 503 is not declared/);
  });

  it('reads an injected answer in XML back by the V2 spec, and checks it the same way', () => {
    const x = { method: 'GET', url: '/stores/abc/v2/customers/1.xml', status: 503 };
    const headers = {
      'content-type': 'application/xml',
      'x-fakestore-fault': 'f1',
      'x-rate-limit-time-window-ms': '1',
    };
    const rate = {
      'x-rate-limit-time-reset-ms': '1',
      'x-rate-limit-requests-quota': '1',
      'x-rate-limit-requests-left': '1',
    };
    const list = xmlReply(
      { status: 503, body: '[{"status":503,"message":"Service Unavailable"}]' },
      'getCustomer',
    );
    const object = xmlReply(
      { status: 503, body: '{"status":503,"title":"x","type":"y","errors":{}}' },
      'getCustomer',
    );
    expect(checkExchange({ ...x, headers: { ...headers, ...rate }, body: list.body as string })).toEqual([]);
    expect(checkExchange({ ...x, headers: { ...headers, ...rate }, body: object.body as string })[0]).toMatch(
      /body is not XML of the expected shape/,
    );
  });
});
