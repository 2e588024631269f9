import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findProviderState,
  PACT_STORE_HASH,
  PROVIDER_STATES,
  providerStateData,
  ProviderStateError,
  setUpProviderState,
  stateContext,
} from '../../src/provider-states/index.js';
import { Stores } from '../../src/engine/stores.js';
import { ADMIN, testApp } from '../helpers.js';

const fastCtx = () => stateContext(Date.now, 16);
const admin = { 'x-admin-token': ADMIN };

describe('provider-state registry', () => {
  it.each(PROVIDER_STATES.map((d) => [d.sentence, d] as const))(
    "applies '%s' with its documented example parameters and returns the documented values",
    async (_, definition) => {
      const values = await setUpProviderState(
        new Stores(),
        'qa',
        definition.sentence,
        definition.params,
        fastCtx(),
      );
      expect(Object.keys(values).sort()).toEqual([...definition.returns].sort());
    },
  );

  it('is documented: docs/provider-states.md lists every sentence', () => {
    const doc = readFileSync(new URL('../../docs/provider-states.md', import.meta.url), 'utf8');
    for (const { sentence } of PROVIDER_STATES) expect(doc).toContain(`| \`${sentence}\``);
  });

  it('reads the parameters of a concrete sentence', async () => {
    const found = findProviderState(
      PROVIDER_STATES,
      'a customer with email a@b.example and password pw12345 exists',
    );
    expect(found.definition.sentence).toBe('a customer with email {email} and password {password} exists');
    expect(found.params).toEqual({ email: 'a@b.example', password: 'pw12345' });
    const stores = new Stores();
    const state = 'a customer with email a@b.example exists';
    const { customerId } = await setUpProviderState(stores, 'qa', state, {}, fastCtx());
    const store = await stores.open('qa');
    expect((await store.read((v) => v.customer(customerId as number)))?.email).toBe('a@b.example');
  });

  it('rejects an unknown sentence, listing the known ones', () => {
    expect(() => findProviderState(PROVIDER_STATES, 'a unicorn exists')).toThrow(ProviderStateError);
    expect(() => findProviderState(PROVIDER_STATES, 'a unicorn exists')).toThrow(/'no customers exist'/);
  });

  it('names the state and the parameter when a parameter is missing', async () => {
    await expect(providerStateData('a customer group named {name} exists', {}, fastCtx())).rejects.toThrow(
      "The state 'a customer group named {name} exists' needs the parameter 'name'",
    );
  });
});

describe('POST /__admin/provider-states', () => {
  it('sets a state up on a clean store and answers the ids it created', async () => {
    const t = testApp();
    await t.post(`/stores/${PACT_STORE_HASH}/v2/customers`, {
      first_name: 'Old',
      last_name: 'Data',
      email: 'old@example.com',
    });
    const res = await t.post(
      '/__admin/provider-states',
      { consumer: 'c', state: 'a customer with an address exists', params: {}, action: 'setup' },
      admin,
    );
    expect(res.status).toBe(200);
    const { customerId, addressId } = res.body;
    expect((await t.get(`/stores/${PACT_STORE_HASH}/v2/customers/count`)).body).toEqual({ count: 1 });
    const address = await t.get(
      `/stores/${PACT_STORE_HASH}/v2/customers/${customerId}/addresses/${addressId}`,
    );
    expect(address.body).toMatchObject({ customer_id: customerId, country_iso2: 'US' });
  });

  it('gives each state a clean store, and teardown leaves it empty', async () => {
    const t = testApp();
    await t.post(
      '/__admin/provider-states',
      { state: '{count} customers exist', params: { count: 3 } },
      admin,
    );
    expect((await t.get(`/stores/${PACT_STORE_HASH}/v2/customers/count`)).body).toEqual({ count: 3 });
    const setup = await t.post(
      '/__admin/provider-states',
      { state: 'a customer group named {name} exists', params: { name: 'VIP' }, action: 'setup' },
      admin,
    );
    expect(setup.body).toEqual({ groupId: 1 });
    expect((await t.get(`/stores/${PACT_STORE_HASH}/v2/customers/count`)).body).toEqual({ count: 0 });
    const teardown = await t.post(
      '/__admin/provider-states',
      { state: 'a customer group named {name} exists', params: { name: 'VIP' }, action: 'teardown' },
      admin,
    );
    expect(teardown).toMatchObject({ status: 200, body: {} });
    expect((await t.get(`/stores/${PACT_STORE_HASH}/v2/customer_groups/count`)).body).toEqual({ count: 0 });
  });

  it('primes the store named by store_hash, leaving the pact store alone', async () => {
    const t = testApp();
    const res = await t.post(
      `/__admin/provider-states?store_hash=${t.hash}`,
      { state: '2 customers exist' },
      admin,
    );
    expect(res.body).toEqual({ firstCustomerId: 1, lastCustomerId: 2 });
    expect((await t.get('/customers/count')).body).toEqual({ count: 2 });
    expect((await t.get(`/stores/${PACT_STORE_HASH}/v2/customers/count`)).body).toEqual({ count: 0 });
  });

  it('answers 400 naming the problem for an unknown state, a bad action or a missing state', async () => {
    const t = testApp();
    const unknown = await t.post('/__admin/provider-states', { state: 'a unicorn exists' }, admin);
    expect(unknown.status).toBe(400);
    expect(unknown.body[0].message).toMatch(/^Unknown provider state 'a unicorn exists'/);
    const action = await t.post(
      '/__admin/provider-states',
      { state: 'no customers exist', action: 'undo' },
      admin,
    );
    expect(action.body[0].message).toMatch(/'undo' is neither 'setup' nor 'teardown'/);
    expect((await t.post('/__admin/provider-states', { params: {} }, admin)).status).toBe(400);
  });

  it('needs the admin token', async () => {
    const t = testApp();
    expect((await t.post('/__admin/provider-states', { state: 'no customers exist' })).status).toBe(401);
  });
});
