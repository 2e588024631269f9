import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CoverageReport } from '../../src/control/coverage.js';
import { coverageTable } from '../../src/control/coverage-table.js';
import { ADMIN, newCustomer, testApp } from '../helpers.js';
import { testIo } from '../cli/cli-io.js';
import { controlFake } from './control-helpers.js';

const admin = { 'x-admin-token': ADMIN };

const line = (r: CoverageReport, operationId: string) =>
  r.operations.find((o) => o.operationId === operationId);

describe('API coverage', () => {
  it('counts operations × statuses across stores, next to the statuses the spec declares', async () => {
    const t = testApp();
    await t.post('/customers', newCustomer(1));
    await t.get('/customers/1');
    await t.get('/customers/1');
    await t.get(`/stores/other${t.hash}/v2/customers/9`);
    await t.get('/customers/1', { 'x-auth-token': 'nope' });
    await t.get('/nothing-here');
    const r: CoverageReport = (await t.get('/__admin/coverage', admin)).body;
    const get = line(r, 'getCustomer');
    expect(get?.statuses.filter((s) => s.count > 0)).toEqual([
      { status: 200, declared: true, count: 2 },
      { status: 401, declared: true, count: 1 },
      { status: 404, declared: true, count: 1 },
    ]);
    expect(get?.statuses.find((s) => s.status === 403)).toEqual({ status: 403, declared: true, count: 0 });
    expect(line(r, 'createCustomer')?.statuses.find((s) => s.status === 201)?.count).toBe(1);
    expect(line(r, 'deleteCustomers')?.statuses.every((s) => s.count === 0)).toBe(true);
    expect(r.unmatched).toBe(1);
    expect(r.totals).toMatchObject({ exercised: 2, exercised_statuses: 4 });
  });

  it('counts injected faults apart, and DELETE forgets everything', async () => {
    const t = testApp();
    await t.request(
      'POST',
      `/__admin/stores/${t.hash}/faults`,
      { fault: { type: 'status', status: 503 } },
      admin,
    );
    await t.get('/customers/1');
    const r: CoverageReport = (await t.get('/__admin/coverage', admin)).body;
    expect(line(r, 'getCustomer')).toMatchObject({ injected: { '503': 1 } });
    expect(line(r, 'getCustomer')?.statuses.every((s) => s.count === 0)).toBe(true);
    expect((await t.del('/__admin/coverage', admin)).status).toBe(204);
    expect((await t.get('/__admin/coverage', admin)).body.operations[0].injected).toEqual({});
  });

  it('prints as a table: answered with counts, declared statuses never answered, totals', () => {
    const table = coverageTable({
      operations: [
        {
          operationId: 'getCustomer',
          method: 'GET',
          path: '/stores/{store_hash}/v2/customers/{customer_id}',
          statuses: [
            { status: 200, declared: true, count: 3 },
            { status: 404, declared: true, count: 0 },
            { status: 500, declared: false, count: 1 },
          ],
          injected: { reset: 2 },
        },
      ],
      unmatched: 0,
      totals: { operations: 1, exercised: 1, declared_statuses: 2, exercised_statuses: 1 },
    });
    expect(table[0]).toMatch(/^operation\s+method\s+path\s+answered\s+never answered\s+injected$/);
    expect(table[1]).toMatch(
      /^getCustomer\s+GET\s+\/customers\/\{customer_id\}\s+200×3 500×1!\s+404\s+reset×2$/,
    );
    expect(table.at(-1)).toBe(
      '1 of 1 operations exercised; 1 of 2 declared statuses answered (! marks a status the spec does not declare)',
    );
  });

  it('bc-fakestore coverage --url prints the running fake’s table', async () => {
    const f = await controlFake();
    try {
      await f.api('/customers/1');
      const t = testIo();
      expect(await main(['coverage', '--url', f.url], t.io)).toBe(0);
      expect(t.out.find((l) => l.startsWith('getCustomer'))).toMatch(/\s404×1\s/);
      const json = testIo();
      expect(await main(['coverage', '--url', f.url, '--json'], json.io)).toBe(0);
      expect(JSON.parse(json.out.join('\n')).totals.exercised).toBe(1);
      const wrong = testIo();
      expect(await main(['coverage', '--url', f.url, '--admin-token', 'wrong'], wrong.io)).toBe(1);
      expect(wrong.err[0]).toMatch(/^error: GET \/__admin\/coverage → 401: /);
    } finally {
      await f.close();
    }
  });
});
