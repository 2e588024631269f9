/** What the writers and the push read: a data set as groups, then customers each with their addresses. */
import type { FixtureWorld } from '../fixtures/index.js';
import {
  addressesFor,
  createSeedContext,
  customerAt,
  Fingerprinter,
  groupAt,
  type SeedOptions,
} from '../seed/index.js';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';

/** A customer and their addresses, in id order. */
export interface CustomerEntry {
  customer: CustomerRecord;
  addresses: AddressRecord[];
}

/** A data set read one entity at a time, so a large generated one never sits in memory whole. */
export interface DataSource {
  /** Where the data comes from, as the manifest records it. */
  readonly origin: Record<string, unknown>;
  readonly groupCount: number;
  readonly customerCount: number;
  /** Plain passwords by customer id (fixture customers that have one). */
  readonly passwords: ReadonlyMap<number, string>;
  groups(): Iterable<GroupRecord>;
  customers(): Iterable<CustomerEntry>;
  /** The data's fingerprint; for a generated source, call it after reading groups() and customers() through. */
  fingerprint(): string;
}

/**
 * The world `generateWorld(options)` would make, produced one customer at a time. Its
 * fingerprint equals generateWorld's once groups() and customers() have been read to the end.
 */
export function generatedSource(options: SeedOptions): DataSource {
  const ctx = createSeedContext(options);
  // The fingerprint is fed by one read of groups() followed by one of customers(); any other
  // order (a second customers() for the addresses, say) leaves it alone.
  let fingerprint = new Fingerprinter();
  let stage: 'fresh' | 'groups read' | 'done' = 'fresh';
  return {
    origin: {
      seed: ctx.seed,
      store_hash: ctx.storeHash,
      customers: ctx.customers,
      groups: ctx.groups,
      addresses_per_customer: [...ctx.addressesPerCustomer],
      locale: ctx.locale,
      now: new Date(ctx.nowSeconds * 1000).toISOString(),
    },
    groupCount: ctx.groups,
    customerCount: ctx.customers,
    passwords: new Map(),
    *groups() {
      const fp = new Fingerprinter();
      for (let i = 0; i < ctx.groups; i++) {
        const g = groupAt(ctx, i);
        fp.group(g);
        yield g;
      }
      fingerprint = fp;
      stage = 'groups read';
    },
    *customers() {
      const fp = stage === 'groups read' ? fingerprint : undefined;
      if (fp) stage = 'fresh';
      let nextAddressId = 1;
      for (let i = 0; i < ctx.customers; i++) {
        const customer = customerAt(ctx, i);
        const addresses = addressesFor(ctx, customer, nextAddressId);
        nextAddressId += addresses.length;
        fp?.customer(customer);
        if (fp) for (const a of addresses) fp.address(a);
        yield { customer, addresses };
      }
      if (fp) stage = 'done';
    },
    fingerprint() {
      if (stage !== 'done') throw new Error('read groups() and then customers() through first');
      return fingerprint.digest();
    },
  };
}

/** A loaded fixture as a data source. */
export function fixtureSource(world: FixtureWorld): DataSource {
  return {
    origin: { fixture: world.name, ...world.settings, now: new Date(world.settings.now).toISOString() },
    groupCount: world.groups.length,
    customerCount: world.customers.length,
    passwords: world.passwords,
    groups: () => world.groups,
    *customers() {
      let a = 0;
      for (const customer of world.customers) {
        const start = a;
        while (world.addresses[a]?.customer_id === customer.id) a++;
        yield { customer, addresses: world.addresses.slice(start, a) };
      }
    },
    fingerprint: () => world.fingerprint,
  };
}
