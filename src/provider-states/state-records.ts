/**
 * The records a provider state holds, built by the same rules as the API's writes (defaults,
 * checks) with ids from 1, as a fresh store would give them.
 */
import { buildAddress, type NewAddressInput } from '../domain/address-rules.js';
import { buildCustomer } from '../domain/customer-rules.js';
import { buildGroup } from '../domain/group-rules.js';
import { valueOf } from '../domain/reasons.js';
import type { AddressRecord, CustomerRecord, GroupRecord, WorldRecords } from '../domain/records.js';
import type { StateContext } from './registry.js';

/** A state's data set in the making. */
export class StateRecords implements WorldRecords {
  readonly groups: GroupRecord[] = [];
  readonly customers: CustomerRecord[] = [];
  readonly addresses: AddressRecord[] = [];

  constructor(private readonly ctx: StateContext) {}

  /** Adds customer "Jane Doe{n}" with this email and, when given, this password (hashed). */
  async customer(n: number, email: string, password?: string): Promise<CustomerRecord> {
    const hash = password === undefined ? null : await this.ctx.hashPassword(password);
    const input = { first_name: 'Jane', last_name: `Doe${n}`, email };
    const c = valueOf(buildCustomer(input, this.customers.length + 1, 0, this.ctx.now, hash));
    this.customers.push(c);
    return c;
  }

  /** Adds an address to a customer of this state. */
  address(customerId: number, input: NewAddressInput): AddressRecord {
    const a = valueOf(buildAddress(input, this.addresses.length + 1, customerId));
    this.addresses.push(a);
    return a;
  }

  /** Adds a group with the defaults of one created through the API. */
  group(name: string): GroupRecord {
    const now = this.ctx.now;
    const g = valueOf(buildGroup({ name }, this.groups.length + 1, { created: now, modified: now }));
    this.groups.push(g);
    return g;
  }
}
