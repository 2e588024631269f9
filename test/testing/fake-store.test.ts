import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, startFakeStore, VerificationError } from '../../src/testing/index.js';
import type { RunningServer } from '../../src/server.js';

let shared: RunningServer;
beforeAll(async () => {
  shared = await startFakeServer();
});
afterAll(() => shared.close());

const jane = { first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com' };

describe('startFakeStore', () => {
  it('gives each call its own store of a shared fake', async () => {
    const [a, b] = await Promise.all([
      startFakeStore({ url: shared.url }),
      startFakeStore({ url: shared.url }),
    ]);
    expect(a.storeHash).not.toBe(b.storeHash);
    expect(a.baseUrl).toBe(`${shared.url}/stores/${a.storeHash}/v2`);
    await a.client.createCustomer(jane);
    expect(await b.client.countCustomers()).toBe(0);
    expect(await b.journal()).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('fills the store from a seed, and reset puts it back with an empty journal, no rules and the fake’s clock', async () => {
    const fake = await startFakeStore({ url: shared.url, seed: { seed: 3, customers: 4, groups: 1 } });
    expect(await fake.client.countCustomers()).toBe(4);
    await fake.client.deleteCustomers({});
    await fake.fault({ fault: { type: 'status', status: 503 } });
    await fake.clock.freeze('2020-01-01T00:00:00Z');
    await fake.reset();
    expect(await fake.client.countCustomers()).toBe(4);
    expect(await fake.journal()).toHaveLength(1);
    expect(await fake.admin.listFaults(fake.storeHash)).toEqual([]);
    expect((await fake.admin.getStoreClock(fake.storeHash)).scope).toBe('global');
    await fake.close();
  });

  it('moves the store’s clock: set, advance, now, back to the fake’s', async () => {
    const fake = await startFakeStore({ url: shared.url });
    await fake.clock.set(new Date('2030-01-01T00:00:00Z'));
    await fake.clock.freeze();
    await fake.clock.advance(90_000);
    expect((await fake.clock.now()).getTime()).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:01:30Z'));
    expect((await fake.client.createCustomer(jane)).date_created).toMatch(/ 2030 /);
    expect((await fake.clock.real()).scope).toBe('global');
    await fake.close();
  });

  it('removes a fault rule through its handle, and verify throws with the near misses', async () => {
    const fake = await startFakeStore({ url: shared.url });
    const rule = await fake.fault({ match: { method: 'POST' }, fault: { type: 'status', status: 503 } });
    await expect(fake.client.createCustomer(jane)).rejects.toMatchObject({ status: 503 });
    await rule.remove();
    await fake.client.createCustomer(jane);
    const failure = await fake
      .verify({ method: 'POST', body: { first_name: 'John' } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VerificationError);
    expect((failure as VerificationError).result.near_misses[0]?.differences).toEqual([
      { field: 'body.first_name', expected: 'John', actual: 'Jane' },
    ]);
    await fake.close();
  });

  it('close forgets the store on a shared fake: its data, journal and rules', async () => {
    const fake = await startFakeStore({ url: shared.url });
    await fake.client.createCustomer(jane);
    await fake.fault({ delay: { type: 'fixed', ms: 1 } });
    await fake.close();
    const again = await startFakeStore({ url: shared.url, storeHash: fake.storeHash });
    expect(await again.admin.listFaults(again.storeHash)).toEqual([]);
    expect(await again.client.countCustomers()).toBe(0);
    await again.close();
  });

  it('starts and stops a fake of its own when given no url', async () => {
    const fake = await startFakeStore({ rateLimit: { quota: 5, windowMs: 30_000 } });
    await fake.client.countCustomers();
    expect(fake.client.lastResponse?.rateLimit?.quota).toBe(5);
    await fake.close();
    await expect(fetch(`${fake.url}/__admin/health`)).rejects.toThrow(TypeError);
  });
});
