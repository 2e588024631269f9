/**
 * The one model of a data set: a stream of entries, every group first, then each customer with
 * their addresses. The generator, fixtures, provider states and export folders produce it; three
 * consumers read it: collectDataSet (in memory), dataSetFill (into a store, in slices) and the
 * streaming writers (exportData, pushData).
 */
import type { AddressRecord, DataEntry, WorldRecords } from '../domain/records.js';

export type { DataEntry } from '../domain/records.js';
import { Fingerprinter } from './fingerprint.js';

/** Entity counts of a data set. */
export interface EntityCounts {
  groups: number;
  customers: number;
  addresses: number;
}

/** A data set: what it is, and its entries, streamed afresh by every call of `entries()`. */
export interface DataSet<Entries = Iterable<DataEntry> | AsyncIterable<DataEntry>> {
  /** Where it comes from, as a manifest records it (generator options, a fixture's name and settings). */
  readonly origin: Record<string, unknown>;
  /** Names the data set before it is read: a push state file is refused for another one. */
  readonly id: string;
  /** The counts known before reading (for progress bars). */
  readonly counts: Partial<EntityCounts>;
  /** Plain passwords by customer id (fixture customers that have one): push sends them. */
  readonly passwords: ReadonlyMap<number, string>;
  /**
   * The fingerprint a full read gives, when it is known before reading (a world in memory), so
   * consumers need not compute it again; null when the data set has none to keep.
   */
  readonly fingerprint?: string | null;
  /** The entries from the start: every group, then each customer with their addresses. */
  entries(): Entries;
}

/** A data set that streams synchronously (generated, fixtures, in memory): it can be collected. */
export type SyncDataSet = DataSet<Iterable<DataEntry>>;

/** A data set held in memory, with its records and the fingerprint of a full read. */
export interface World extends SyncDataSet, WorldRecords {
  /** sha256 hex of every entity (see src/dataset/fingerprint.ts). */
  readonly fingerprint: string;
}

/** Records in memory as a data set; addresses go with their customer whatever their order. */
export function recordsDataSet(
  records: WorldRecords,
  info: Partial<Pick<DataSet, 'origin' | 'id' | 'passwords'>> = {},
): SyncDataSet {
  const { groups, customers, addresses } = records;
  return {
    origin: info.origin ?? {},
    id: info.id ?? '',
    counts: { groups: groups.length, customers: customers.length, addresses: addresses.length },
    passwords: info.passwords ?? new Map(),
    *entries() {
      for (const group of groups) yield { kind: 'group', group };
      const byCustomer = new Map<number, AddressRecord[]>();
      for (const a of addresses) {
        const list = byCustomer.get(a.customer_id);
        if (list) list.push(a);
        else byCustomer.set(a.customer_id, [a]);
      }
      for (const customer of customers) {
        yield { kind: 'customer', customer, addresses: byCustomer.get(customer.id) ?? [] };
      }
    },
  };
}

/** Reads a data set through into memory, fingerprinting it as it goes. */
export function collectDataSet(set: SyncDataSet): World {
  const fingerprint = new Fingerprinter();
  const records: WorldRecords = { groups: [], customers: [], addresses: [] };
  for (const e of set.entries()) {
    fingerprint.entry(e, set.passwords);
    if (e.kind === 'group') records.groups.push(e.group);
    else {
      records.customers.push(e.customer);
      records.addresses.push(...e.addresses);
    }
  }
  return { ...recordsDataSet(records, set), ...records, fingerprint: fingerprint.digest() };
}

/** The fingerprint of records in memory: what a full read of them as a data set gives. */
export const fingerprintWorld = (records: WorldRecords): string =>
  collectDataSet(recordsDataSet(records)).fingerprint;
