/**
 * Loads a seeded world into a store a slice at a time, yielding to the event loop between
 * slices, so a large seed does not stop the fake from answering other stores meanwhile. The
 * data and fingerprint are exactly those of `generateWorld` with the same options.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Tenant } from '../store/tenant.js';
import { addressesFor } from './addresses.js';
import { createSeedContext, type SeedOptions } from './context.js';
import { customerAt } from './customers.js';
import { Fingerprinter } from './fingerprint.js';
import { groupAt } from './groups.js';

/** Customers generated between two yields to the event loop. */
const SLICE = 2_000;

/** Generates the world of `options` straight into `tenant`, then sets its fingerprint. */
export async function loadWorld(tenant: Tenant, options: SeedOptions, slice = SLICE): Promise<void> {
  const ctx = createSeedContext(options);
  const fingerprint = new Fingerprinter();
  for (let i = 0; i < ctx.groups; i++) {
    const group = groupAt(ctx, i);
    tenant.groups.insert(group);
    fingerprint.group(group);
  }
  let nextAddressId = 1;
  for (let i = 0; i < ctx.customers; i++) {
    if (i > 0 && i % slice === 0) await nextTurn();
    const customer = customerAt(ctx, i);
    tenant.customers.insert(customer);
    fingerprint.customer(customer);
    for (const address of addressesFor(ctx, customer, nextAddressId)) {
      tenant.addresses.insert(address);
      fingerprint.address(address);
      nextAddressId++;
    }
  }
  tenant.fingerprint = fingerprint.digest();
}
