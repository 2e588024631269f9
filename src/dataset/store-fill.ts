/**
 * The one way a data set fills a store (serve's new stores, the admin seed, fixtures, provider
 * states): read a slice of customers at a time, yielding to the event loop between slices, so a
 * million customers never stall the fake's other stores. The fingerprint is taken as it goes.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LOAD_SLICE } from '../config.js';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';
import type { RecordBatch } from '../engine/backend.js';
import type { StoreFill } from '../engine/stores.js';
import { Fingerprinter } from './fingerprint.js';
import type { DataSet } from './data-set.js';

/** The data set as batches: all groups, then slices of `slice` customers with their addresses. */
export function dataSetFill(set: DataSet, slice = LOAD_SLICE): StoreFill {
  let digest: string | null = null;
  return {
    async *batches(): AsyncGenerator<RecordBatch> {
      // Taken as it goes, unless the data set knows it already.
      const fingerprint = set.fingerprint === undefined ? new Fingerprinter() : null;
      let groups: GroupRecord[] | null = [];
      let customers: CustomerRecord[] = [];
      let addresses: AddressRecord[] = [];
      for await (const e of set.entries()) {
        fingerprint?.entry(e, set.passwords);
        if (e.kind === 'group') {
          groups?.push(e.group);
          continue;
        }
        if (groups) yield { groups };
        groups = null;
        customers.push(e.customer);
        addresses.push(...e.addresses);
        if (customers.length < slice) continue;
        yield { customers, addresses };
        customers = [];
        addresses = [];
        await nextTurn();
      }
      if (groups) yield { groups };
      if (customers.length > 0) yield { customers, addresses };
      digest = fingerprint ? fingerprint.digest() : (set.fingerprint ?? null);
    },
    fingerprint: () => digest,
  };
}
