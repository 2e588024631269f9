/** The provider states of the Customers V2 pacts: every sentence a consumer may name, and its data. */
import {
  countParam,
  stringParam,
  type ProviderStateDefinition,
  type StateParams,
  type StateValues,
} from './registry.js';

export { STATE_ADDRESS, StateRecords } from './state-records.js';

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
    async setup(data, params): Promise<StateValues> {
      const count = countParam(params, 'count');
      for (let n = 1; n <= count; n++) await data.customer(n, `customer${n}@example.com`);
      const [first, last] = [data.customers[0], data.customers[count - 1]];
      return first && last ? { firstCustomerId: first.id, lastCustomerId: last.id } : {};
    },
  },
  {
    sentence: 'a customer with email {email} exists',
    params: { email: 'jane.doe@example.com' },
    returns: ['customerId'],
    async setup(data, params) {
      return { customerId: (await data.customer(1, email(params))).id };
    },
  },
  {
    sentence: 'a customer with email {email} and password {password} exists',
    params: { email: 'jane.doe@example.com', password: 'secret123' },
    returns: ['customerId'],
    async setup(data, params) {
      const password = stringParam(params, 'password');
      return { customerId: (await data.customer(1, email(params), password)).id };
    },
  },
  {
    sentence: 'a customer with an address exists',
    params: {},
    returns: ['customerId', 'addressId'],
    async setup(data) {
      const customer = await data.customer(1, 'jane.doe@example.com');
      const address = data.address(customer.id);
      return { customerId: customer.id, addressId: address.id };
    },
  },
  {
    sentence: 'a customer with an address and another customer exist',
    params: {},
    returns: ['customerId', 'addressId', 'otherCustomerId'],
    async setup(data) {
      const customer = await data.customer(1, 'jane.doe@example.com');
      const address = data.address(customer.id);
      const other = await data.customer(2, 'john.roe@example.com');
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
    setup: (data, params) => ({ groupId: data.group(stringParam(params, 'name')).id }),
  },
];
