/**
 * The generator as a data set: groups, then each customer with their addresses, computed one at a
 * time from (seed, store hash), so a million customers stream without sitting in memory.
 */
import { createHash } from 'node:crypto';
import { collectDataSet, dataSetFill, type SyncDataSet, type World } from '../dataset/index.js';
import type { StoreFill } from '../engine/stores.js';
import { addressesFor } from './addresses.js';
import { createSeedContext, type SeedOptions } from './context.js';
import { customerAt } from './customers.js';
import { groupAt } from './groups.js';

/** The generated data set of `options`; the same options give the same entries on any machine. */
export function generatedDataSet(options: SeedOptions = {}): SyncDataSet {
  const ctx = createSeedContext(options);
  const origin = {
    seed: ctx.seed,
    store_hash: ctx.storeHash,
    customers: ctx.customers,
    groups: ctx.groups,
    addresses_per_customer: [...ctx.addressesPerCustomer],
    locale: ctx.locale,
    now: new Date(ctx.nowSeconds * 1000).toISOString(),
  };
  return {
    origin,
    id: createHash('sha256').update(JSON.stringify(origin)).digest('hex'),
    counts: { groups: ctx.groups, customers: ctx.customers },
    passwords: new Map(),
    *entries() {
      for (let i = 0; i < ctx.groups; i++) yield { kind: 'group', group: groupAt(ctx, i) };
      let nextAddressId = 1;
      for (let i = 0; i < ctx.customers; i++) {
        const customer = customerAt(ctx, i);
        const addresses = addressesFor(ctx, customer, nextAddressId);
        nextAddressId += addresses.length;
        yield { kind: 'customer', customer, addresses };
      }
    },
  };
}

/** Generates the world of one store in memory: ids from 1, consecutive per kind, and its fingerprint. */
export const generateWorld = (options: SeedOptions = {}): World => collectDataSet(generatedDataSet(options));

/** The generated world as a store fill, loaded a slice of customers at a time (serve's `prime`). */
export const worldFill = (options: SeedOptions = {}, slice?: number): StoreFill =>
  dataSetFill(generatedDataSet(options), slice);
