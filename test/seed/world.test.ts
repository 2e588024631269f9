import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/domain/records.js';
import {
  addressesFor,
  createSeedContext,
  customerAt,
  fingerprintWorld,
  firstAddressIdFor,
  generateWorld,
  groupAt,
} from '../../src/seed/index.js';

describe('generateWorld determinism', () => {
  it('gives byte-identical JSON for the same options', () => {
    const options = { seed: 7, storeHash: 'abc123', customers: 300, groups: 5 };
    expect(JSON.stringify(generateWorld(options))).toBe(JSON.stringify(generateWorld(options)));
  });

  it('fills the documented defaults: 25 customers, 3 groups, ids from 1', () => {
    const world = generateWorld();
    expect(world.customers).toHaveLength(25);
    expect(world.groups).toHaveLength(3);
    expect(world.customers.map((c) => c.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(world.groups.map((g) => g.id)).toEqual([1, 2, 3]);
    expect(world.addresses.map((a) => a.id)).toEqual(world.addresses.map((_, i) => i + 1));
  });

  it('keeps customer 10 and its addresses unchanged when the count grows from 100 to 10000', () => {
    const small = generateWorld({ seed: 3, customers: 100 });
    const large = generateWorld({ seed: 3, customers: 10_000 });
    expect(large.customers[9]).toEqual(small.customers[9]);
    expect(large.customers.slice(0, 100)).toEqual(small.customers);
    expect(large.addresses.filter((a) => a.customer_id <= 100)).toEqual(small.addresses);
    expect(large.groups).toEqual(small.groups);
  });

  it('computes any entity on its own, equal to the one in the whole world', () => {
    const world = generateWorld({ seed: 11, customers: 200, groups: 4 });
    const ctx = createSeedContext({ seed: 11, groups: 4 });
    const tenth = customerAt(ctx, 9);
    expect(tenth).toEqual(world.customers[9]);
    expect(groupAt(ctx, 2)).toEqual(world.groups[2]);
    const mine = addressesFor(ctx, tenth, firstAddressIdFor(ctx, 9));
    expect(mine).toEqual(world.addresses.filter((a) => a.customer_id === 10));
    expect(addressesFor(ctx, tenth)).toEqual(mine);
    expect(firstAddressIdFor(ctx, 200)).toBe(world.addresses.length + 1);
  });

  it('does not depend on what was generated before (no hidden state between calls)', () => {
    const ctx = createSeedContext({ seed: 5 });
    const first = customerAt(ctx, 42);
    customerAt(ctx, 7);
    groupAt(ctx, 1);
    expect(customerAt(ctx, 42)).toEqual(first);
  });

  it('gives different data for a different seed or store hash', () => {
    const base = generateWorld({ seed: 1, customers: 50 });
    const otherSeed = generateWorld({ seed: 2, customers: 50 });
    const otherStore = generateWorld({ seed: 1, storeHash: 'other', customers: 50 });
    expect(otherSeed.customers.map((c) => c.email)).not.toEqual(base.customers.map((c) => c.email));
    expect(otherStore.customers.map((c) => c.email)).not.toEqual(base.customers.map((c) => c.email));
  });

  it('rejects invalid options with a clear error', () => {
    expect(() => generateWorld({ customers: -1 })).toThrow(/customers/);
    expect(() => generateWorld({ addressesPerCustomer: [3, 1] })).toThrow(/min 3 is above max 1/);
    expect(() => generateWorld({ locale: 'xx' as never })).toThrow(/locale must be one of/);
  });
});

describe('what each generator input changes (docs/seeded-data.md, "What changes what")', () => {
  const base = { seed: 6, customers: 60, groups: 4 };
  const withoutDates = (c: CustomerRecord) => ({ ...c, date_created: 0, date_modified: 0, notes: '' });

  it('keeps every customer and group when --addresses changes; only addresses are redrawn', () => {
    const a = generateWorld(base);
    const b = generateWorld({ ...base, addressesPerCustomer: [2, 4] });
    expect(b.customers).toEqual(a.customers);
    expect(b.groups).toEqual(a.groups);
    expect(b.addresses).not.toEqual(a.addresses);
  });

  it('keeps group n whatever --groups, and redraws the customers (their group is drawn first)', () => {
    const a = generateWorld(base);
    const b = generateWorld({ ...base, groups: 6 });
    expect(b.groups.slice(0, 4)).toEqual(a.groups);
    expect(b.customers.map((c) => c.email)).not.toEqual(a.customers.map((c) => c.email));
  });

  it('changes only dates, and notes that name a year, when --now changes', () => {
    const a = generateWorld(base);
    const b = generateWorld({ ...base, now: Date.UTC(2026, 2, 1) });
    expect(b.customers.map(withoutDates)).toEqual(a.customers.map(withoutDates));
    expect(b.customers.filter((c, i) => c.notes !== a.customers[i]?.notes).map((c) => c.notes)).toEqual(
      b.customers.filter((c) => /\d{4}/.test(c.notes)).map((c) => c.notes),
    );
    expect(b.addresses).toEqual(a.addresses);
    expect(b.groups.map((g) => g.name)).toEqual(a.groups.map((g) => g.name));
    expect(b.customers.map((c) => c.date_created)).not.toEqual(a.customers.map((c) => c.date_created));
  });
});

describe('world fingerprint', () => {
  it('is a sha256 hex string, stable for the same options', () => {
    const a = generateWorld({ seed: 9, customers: 120 });
    const b = generateWorld({ seed: 9, customers: 120 });
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it('changes with the seed, the store hash and the count', () => {
    const base = generateWorld({ seed: 9, customers: 120 }).fingerprint;
    expect(generateWorld({ seed: 10, customers: 120 }).fingerprint).not.toBe(base);
    expect(generateWorld({ seed: 9, storeHash: 'x', customers: 120 }).fingerprint).not.toBe(base);
    expect(generateWorld({ seed: 9, customers: 121 }).fingerprint).not.toBe(base);
  });

  it('equals fingerprintWorld over the same entities, whatever their key order', () => {
    const world = generateWorld({ seed: 4, customers: 80 });
    const { groups, customers, addresses } = world;
    const reordered = {
      groups: groups.map((g) => Object.fromEntries(Object.entries(g).reverse()) as typeof g),
      customers: customers.map((c) => ({ ...c })),
      addresses,
    };
    expect(fingerprintWorld(reordered)).toBe(world.fingerprint);
  });

  it('notices a one-character change in any entity', () => {
    const world = generateWorld({ seed: 4, customers: 80 });
    const customers = world.customers.map((c) => (c.id === 40 ? { ...c, notes: `${c.notes}.` } : c));
    expect(fingerprintWorld({ ...world, customers })).not.toBe(world.fingerprint);
    const addresses = world.addresses.map((a, i) => (i === 3 ? { ...a, zip: `${a.zip} ` } : a));
    expect(fingerprintWorld({ ...world, addresses })).not.toBe(world.fingerprint);
  });

  it('is pinned for the default world (changes only when the generator or faker data change)', () => {
    expect(generateWorld().fingerprint).toMatchInlineSnapshot(
      `"480f5c55406be69267b2840fddab38730cf0e23d83e0f7c5007214a3b83c7dd9"`,
    );
  });
});
