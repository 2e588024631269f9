/**
 * A provider state's data set in the making: records built by the same rules as the API's writes,
 * with ids from 1, stamped with the context's time and passwords hashed at its cost.
 */
import { DEFAULT_PASSWORD_COST } from '../config.js';
import { buildAddress, type NewAddressInput } from '../domain/address-rules.js';
import { buildCustomer } from '../domain/customer-rules.js';
import { wholeSeconds } from '../domain/format.js';
import { buildGroup } from '../domain/group-rules.js';
import { hashPassword } from '../domain/passwords.js';
import { valueOf } from '../domain/reasons.js';
import type { AddressRecord, CustomerRecord, GroupRecord, WorldRecords } from '../domain/records.js';

/** What a setup needs besides its parameters: the time and the password hasher. */
export interface StateContext {
  /** Creation time of the records, epoch ms (whole seconds). */
  now: number;
  /** Hashes a customer password as the store keeps it. */
  hashPassword(password: string): Promise<string>;
}

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

/** A context from a clock and a password cost; defaults to now and the production-like cost. */
export function stateContext(
  clock: () => number = Date.now,
  passwordCost = DEFAULT_PASSWORD_COST,
): StateContext {
  return { now: wholeSeconds(clock()), hashPassword: (password) => hashPassword(password, passwordCost) };
}
