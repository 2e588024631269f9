import { afterEach, beforeEach, expect, inject, test } from 'vitest';
import { startFakeStore, type FakeStore } from 'bc-fakestore/testing';

let fake: FakeStore;
beforeEach(async () => {
  fake = await startFakeStore({ url: inject('fakeUrl') });
});
afterEach(() => fake.close());

test('each test sees an empty store of its own', async () => {
  expect(await fake.client.countCustomers()).toBe(0);
  await fake.client.createCustomer({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' });
  await fake.verify({ operationId: 'createCustomer', body: { first_name: 'Ada' } });
});

test('a test never sees another one’s data or requests', async () => {
  expect(await fake.client.countCustomers()).toBe(0);
  expect(await fake.journal()).toHaveLength(1);
});
