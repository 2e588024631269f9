/**
 * A seeded world as a store fill: generated a slice at a time, yielding to the event loop between
 * slices, so a large seed does not stop the fake from answering other stores meanwhile. The data
 * and fingerprint are exactly those of `generateWorld` with the same options.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LOAD_SLICE } from '../config.js';
import type { RecordBatch } from '../engine/backend.js';
import type { StoreFill } from '../engine/stores.js';
import type { AddressRecord, CustomerRecord } from '../domain/records.js';
import { addressesFor } from './addresses.js';
import { createSeedContext, type SeedOptions } from './context.js';
import { customerAt } from './customers.js';
import { Fingerprinter } from './fingerprint.js';
import { groupAt } from './groups.js';

/** The world of `options` as batches of `slice` customers (with their addresses), groups first. */
export function worldFill(options: SeedOptions, slice = LOAD_SLICE): StoreFill {
  const ctx = createSeedContext(options);
  const fingerprint = new Fingerprinter();
  let digest: string | null = null;
  return {
    async *batches(): AsyncGenerator<RecordBatch> {
      const groups = [];
      for (let i = 0; i < ctx.groups; i++) {
        const g = groupAt(ctx, i);
        fingerprint.group(g);
        groups.push(g);
      }
      yield { groups };
      let nextAddressId = 1;
      for (let start = 0; start < ctx.customers; start += slice) {
        if (start > 0) await nextTurn();
        const customers: CustomerRecord[] = [];
        const addresses: AddressRecord[] = [];
        for (let i = start; i < Math.min(ctx.customers, start + slice); i++) {
          const c = customerAt(ctx, i);
          fingerprint.customer(c);
          customers.push(c);
          for (const a of addressesFor(ctx, c, nextAddressId)) {
            fingerprint.address(a);
            addresses.push(a);
            nextAddressId++;
          }
        }
        yield { customers, addresses };
      }
      digest = fingerprint.digest();
    },
    fingerprint: () => digest,
  };
}
