/** The provider states of the Customers V2 pacts: every sentence a consumer may name, and its data. */
import type { NewAddressInput } from '../domain/address-rules.js';
import type { CustomerRecord } from '../domain/records.js';
import { createAddress } from '../engine/address-ops.js';
import { createCustomer } from '../engine/customer-ops.js';
import { createGroup } from '../engine/group-ops.js';
import type { Store } from '../engine/stores.js';
import {
  countParam,
  stringParam,
  type ProviderStateDefinition,
  type StateContext,
  type StateParams,
  type StateValues,
} from './registry.js';

async function addCustomer(
  store: Store,
  ctx: StateContext,
  n: number,
  email: string,
  password?: string,
): Promise<CustomerRecord> {
  const hash = password === undefined ? null : await ctx.hashPassword(password);
  const input = { first_name: 'Jane', last_name: `Doe${n}`, email };
  return store.write((tx) => createCustomer(tx, input, hash, ctx.now));
}

const addAddress = (store: Store, customerId: number) =>
  store.write((tx) => createAddress(tx, customerId, STATE_ADDRESS));

/** The address every address state gives its customer. */
export const STATE_ADDRESS: NewAddressInput = {
  first_name: 'Jane',
  last_name: 'Doe',
  phone: '512-555-0100',
  street_1: '123 Main Street',
  city: 'Austin',
  state: 'Texas',
  zip: '78726',
  country: 'United States',
};

const email = (params: StateParams): string => stringParam(params, 'email');

/** Every provider state, in the order docs/provider-states.md lists them. */
export const PROVIDER_STATES: readonly ProviderStateDefinition[] = [
  {
    sentence: 'no customers exist',
    params: {},
    returns: [],
    setup: () => ({}),
  },
  {
    sentence: '{count} customers exist',
    params: { count: 3 },
    returns: ['firstCustomerId', 'lastCustomerId'],
    async setup(store, params, ctx): Promise<StateValues> {
      const count = countParam(params, 'count');
      const ids: number[] = [];
      for (let n = 1; n <= count; n++) {
        ids.push((await addCustomer(store, ctx, n, `customer${n}@example.com`)).id);
      }
      return count === 0 ? {} : { firstCustomerId: ids[0]!, lastCustomerId: ids[ids.length - 1]! };
    },
  },
  {
    sentence: 'a customer with email {email} exists',
    params: { email: 'jane.doe@example.com' },
    returns: ['customerId'],
    async setup(store, params, ctx) {
      return { customerId: (await addCustomer(store, ctx, 1, email(params))).id };
    },
  },
  {
    sentence: 'a customer with email {email} and password {password} exists',
    params: { email: 'jane.doe@example.com', password: 'secret123' },
    returns: ['customerId'],
    async setup(store, params, ctx) {
      const password = stringParam(params, 'password');
      return { customerId: (await addCustomer(store, ctx, 1, email(params), password)).id };
    },
  },
  {
    sentence: 'a customer with an address exists',
    params: {},
    returns: ['customerId', 'addressId'],
    async setup(store, _params, ctx) {
      const customer = await addCustomer(store, ctx, 1, 'jane.doe@example.com');
      const address = await addAddress(store, customer.id);
      return { customerId: customer.id, addressId: address.id };
    },
  },
  {
    sentence: 'a customer with an address and another customer exist',
    params: {},
    returns: ['customerId', 'addressId', 'otherCustomerId'],
    async setup(store, _params, ctx) {
      const customer = await addCustomer(store, ctx, 1, 'jane.doe@example.com');
      const address = await addAddress(store, customer.id);
      const other = await addCustomer(store, ctx, 2, 'john.roe@example.com');
      return { customerId: customer.id, addressId: address.id, otherCustomerId: other.id };
    },
  },
  {
    sentence: 'no customer groups exist',
    params: {},
    returns: [],
    setup: () => ({}),
  },
  {
    sentence: 'a customer group named {name} exists',
    params: { name: 'Wholesale' },
    returns: ['groupId'],
    async setup(store, params, ctx) {
      const name = stringParam(params, 'name');
      const g = await store.write((tx) => createGroup(tx, { name }, ctx.now));
      return { groupId: g.id };
    },
  },
];
