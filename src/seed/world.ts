/** Generates a whole seeded world at once: groups, customers and their addresses, plus a fingerprint. */
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';
import { addressesFor } from './addresses.js';
import { createSeedContext } from './context.js';
import type { SeedOptions } from './context.js';
import { customerAt } from './customers.js';
import { Fingerprinter } from './fingerprint.js';
import { groupAt } from './groups.js';

/** A generated world; ids start at 1 and are consecutive per kind. */
export interface World {
  groups: GroupRecord[];
  customers: CustomerRecord[];
  addresses: AddressRecord[];
  /** sha256 hex of the canonical serialization of every entity (see fingerprintWorld). */
  fingerprint: string;
}

/** Generates the world of one store; the same options give byte-identical data on any machine. */
export function generateWorld(options: SeedOptions = {}): World {
  const ctx = createSeedContext(options);
  const fingerprint = new Fingerprinter();
  const groups: GroupRecord[] = [];
  for (let i = 0; i < ctx.groups; i++) {
    const group = groupAt(ctx, i);
    groups.push(group);
    fingerprint.group(group);
  }
  const customers: CustomerRecord[] = [];
  const addresses: AddressRecord[] = [];
  for (let i = 0; i < ctx.customers; i++) {
    const customer = customerAt(ctx, i);
    customers.push(customer);
    fingerprint.customer(customer);
    for (const address of addressesFor(ctx, customer, addresses.length + 1)) {
      addresses.push(address);
      fingerprint.address(address);
    }
  }
  return { groups, customers, addresses, fingerprint: fingerprint.digest() };
}
