/** The provider states of the Customers V2 pacts: every sentence a consumer may name, and its data. */
import { buildAddress, type NewAddressInput } from '../domain/address-rules.js';
import { buildCustomer } from '../domain/customer-rules.js';
import { buildGroup } from '../domain/group-rules.js';
import { valueOf } from '../domain/reasons.js';
import type { AddressRecord, CustomerRecord, GroupRecord, WorldRecords } from '../domain/records.js';
import {
  countParam,
  stringParam,
  type ProviderStateDefinition,
  type StateContext,
  type StateParams,
  type StateValues,
} from './registry.js';

/** A state's data set in the making: records built by the rules of the API's writes, ids from 1. */
export class StateRecords implements WorldRecords {
  readonly groups: GroupRecord[] = [];
  readonly customers: CustomerRecord[] = [];
  readonly addresses: AddressRecord[] = [];

  constructor(private readonly ctx: StateContext) {}

  /** Adds customer "Jane Doe{n}" with this email and, when given, this password (hashed). */
  async customer(n: number, email: string, password?: string): Promise<CustomerRecord> {
    const hash = password === undefined ? null : await this.ctx.hashPassword(password);
    const input = { first_name: 'Jane', last_name: `Doe${n}`, email };
    return push(
      this.customers,
      valueOf(buildCustomer(input, this.customers.length + 1, 0, this.ctx.now, hash)),
    );
  }

  /** Adds the state address to a customer of this state. */
  address(customerId: number): AddressRecord {
    return push(this.addresses, valueOf(buildAddress(STATE_ADDRESS, this.addresses.length + 1, customerId)));
  }

  /** Adds a group with the defaults of one created through the API. */
  group(name: string): GroupRecord {
    const dates = { created: this.ctx.now, modified: this.ctx.now };
    return push(this.groups, valueOf(buildGroup({ name }, this.groups.length + 1, dates)));
  }
}

const push = <T>(list: T[], item: T): T => (list.push(item), item);

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
