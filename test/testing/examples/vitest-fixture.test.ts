import { test as base, expect } from 'vitest';
import { startFakeStore, type FakeStore } from 'bc-fakestore/testing';

/** The code under test: marks a customer as VIP, retrying a 503 or a dropped connection twice. */
async function markVip(baseUrl: string, token: string, id: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${baseUrl}/customers/${id}`, {
        method: 'PUT',
        headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ notes: 'VIP' }),
        signal: AbortSignal.timeout(500),
      });
      if (res.ok) return;
      if (res.status !== 503 || attempt === 3) throw new Error(`PUT answered ${res.status}`);
    } catch (err) {
      if (attempt === 3 || (err as Error).name === 'TimeoutError') throw err;
    }
  }
}

// Each test gets a store of its own (a fresh store hash), closed when the test ends.
const test = base.extend<{ fake: FakeStore }>({
  // eslint-disable-next-line no-empty-pattern
  fake: async ({}, use) => {
    const fake = await startFakeStore();
    await use(fake);
    await fake.close();
  },
});

const jane = { first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com' };

test('sends one update with the note', async ({ fake }) => {
  const { id } = await fake.client.createCustomer(jane);
  await markVip(fake.baseUrl, fake.token, id);
  await fake.verify({
    method: 'PUT',
    path: `/customers/${id}`,
    body: { notes: 'VIP' },
    count: { exactly: 1 },
  });
});

test('retries through two 503s and a reset connection', async ({ fake }) => {
  const { id } = await fake.client.createCustomer(jane);
  await fake.fault({
    match: { method: 'PUT' },
    fault: { type: 'status', status: 503 },
    trigger: { times: 1 },
  });
  await fake.fault({ match: { method: 'PUT' }, fault: { type: 'reset' }, trigger: { times: 1 } });
  await markVip(fake.baseUrl, fake.token, id);
  await fake.verify({ operationId: 'updateCustomer', count: { exactly: 3 } });
  expect((await fake.client.getCustomer(id)).notes).toBe('VIP');
});

test('gives up on a store that never answers', async ({ fake }) => {
  const { id } = await fake.client.createCustomer(jane);
  await fake.fault({ match: { method: 'PUT' }, fault: { type: 'hang' } });
  await expect(markVip(fake.baseUrl, fake.token, id)).rejects.toThrow(/aborted due to timeout/);
});

test('finds only what changed since the last sync, without sleeping', async ({ fake }) => {
  await fake.clock.freeze('2024-01-01T00:00:00Z');
  const { id } = await fake.client.createCustomer(jane);
  await fake.client.createCustomer({ ...jane, email: 'john@example.com', first_name: 'John' });
  await fake.clock.advance('1h');
  await fake.client.updateCustomer(id, { notes: 'changed' });
  const changed = await fake.client.listCustomers({ min_date_modified: '2024-01-01T00:30:00Z' });
  expect(changed.map((c) => c.id)).toEqual([id]);
});

test('returns to a known point between steps', async ({ fake }) => {
  await fake.client.createCustomer(jane);
  const clean = await fake.snapshot();
  await fake.client.deleteCustomers({});
  await fake.restore(clean);
  expect(await fake.client.countCustomers()).toBe(1);
});
