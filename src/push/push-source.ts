/** What `push` reads: groups, customers (with a password when the data set has one) and addresses, as the API shows them. */
import { createHash } from 'node:crypto';
import type { DataSource, EntityCounts } from '../export/index.js';
import { DEFAULT_LINK_BASE } from '../config.js';
import { addressValue, customerValue, groupValue } from '../representation/v2-json.js';
import type { Address, Customer, CustomerGroup } from '../types.js';

/** A customer to push, and the password to give them (fixture customers that have one). */
export interface PushCustomer {
  customer: Customer;
  password?: string;
}

/** A data set to push, read in dependency order: all groups, then all customers, then all addresses. */
export interface PushSource {
  /** Identifies the data set, so a state file is never applied to another one. */
  readonly id: string;
  /** Entity counts known in advance (for progress). */
  readonly counts: Partial<EntityCounts>;
  groups(): AsyncIterable<CustomerGroup>;
  customers(): AsyncIterable<PushCustomer>;
  addresses(): AsyncIterable<Address>;
}

/** A generated world or a loaded fixture (see src/export/sources.ts) as a push source. */
export function pushSourceOf(data: DataSource, fingerprint?: string): PushSource {
  const id = fingerprint ?? createHash('sha256').update(JSON.stringify(data.origin)).digest('hex');
  return {
    id,
    counts: { groups: data.groupCount, customers: data.customerCount },
    async *groups() {
      for (const g of data.groups()) yield groupValue(g) as CustomerGroup;
    },
    async *customers() {
      for (const { customer } of data.customers()) {
        const password = data.passwords.get(customer.id);
        const api = customerValue(customer, DEFAULT_LINK_BASE, 'source') as Customer;
        yield password === undefined ? { customer: api } : { customer: api, password };
      }
    },
    async *addresses() {
      for (const { addresses } of data.customers()) {
        for (const a of addresses) yield addressValue(a) as Address;
      }
    },
  };
}
