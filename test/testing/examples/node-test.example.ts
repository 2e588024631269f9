import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFakeStore, VerificationError, type FakeStore } from 'bc-fakestore/testing';

let fake: FakeStore;
before(async () => {
  fake = await startFakeStore();
});
after(() => fake.close());

test('a failed verify says what was sent instead', async () => {
  const { id } = await fake.client.createCustomer({
    first_name: 'Jane',
    last_name: 'Doe',
    email: 'jane@example.com',
  });
  await fake.client.updateCustomer(id, { notes: 'gold' });
  await assert.rejects(
    fake.verify({ method: 'PUT', path: `/customers/${id}`, body: { notes: 'VIP' } }),
    (err: VerificationError) => {
      assert.match(err.message, /body\.notes: expected "VIP", got "gold"/);
      return true;
    },
  );
});

test('a 429 carries the rate-limit headers a client backs off with', async () => {
  await fake.fault({ fault: { type: 'status', status: 429, retry_after: 2 }, trigger: { times: 1 } });
  const res = await fetch(`${fake.baseUrl}/customers/count`, { headers: { 'X-Auth-Token': fake.token } });
  assert.equal(res.status, 429);
  assert.equal(res.headers.get('X-Retry-After'), '2');
  assert.equal(res.headers.get('X-Rate-Limit-Requests-Left'), '0');
});
