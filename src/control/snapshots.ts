/**
 * Snapshots of a store's data: read through the engine's read interface (so they work on every
 * backend), kept as references to the immutable records, and restored through `stores.fill` with
 * the snapshot's next ids, so ids continue exactly as they would have.
 */
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';
import type { RecordBatch, StoreMeta, StoreView } from '../engine/backend.js';
import type { Op } from '../engine/op.js';
import type { Store, StoreFill } from '../engine/stores.js';

/** A store's data at one moment. */
export interface StoreData {
  meta: StoreMeta | undefined;
  groups: GroupRecord[];
  /** Customers with their addresses, in slices of ids. */
  slices: { customers: CustomerRecord[]; addresses: AddressRecord[] }[];
}

/** A kept snapshot. */
export interface Snapshot {
  id: string;
  store_hash: string;
  /** When it was taken (real time). */
  created: string;
  customers: number;
  addresses: number;
  groups: number;
  data: StoreData;
}

/** Customers read (and loaded back) per slice. */
const SLICE = 5_000;

/** Reads a store's whole data in one operation (consistent on a synchronous backend). */
function* readAll(v: StoreView): Op<StoreData> {
  const meta = yield* v.meta();
  const groups: GroupRecord[] = [];
  for (let page = 1; ; page++) {
    const got = yield* v.groupPage({}, { page, limit: 250 });
    groups.push(...got);
    if (got.length < 250) break;
  }
  const slices: StoreData['slices'] = [];
  for (let after = 0; ;) {
    const customers = yield* v.customersAfter(after, SLICE);
    if (customers.length === 0) break;
    slices.push({ customers, addresses: yield* v.addressesOf(customers.map((c) => c.id)) });
    after = (customers[customers.length - 1] as CustomerRecord).id;
  }
  return { meta, groups, slices };
}

/** A store's data, read now. */
export function readStoreData(store: Store): StoreData | Promise<StoreData> {
  return store.read(readAll);
}

/** Store data as a fill: groups, then customers with their addresses, then the snapshot's ids. */
export function dataFill(data: StoreData): StoreFill {
  return {
    async *batches(): AsyncIterable<RecordBatch> {
      yield { groups: data.groups };
      for (const s of data.slices) yield s;
    },
    fingerprint: () => data.meta?.fingerprint ?? null,
    ...(data.meta ? { nextIds: () => ({ ...(data.meta as StoreMeta).nextIds }) } : {}),
  };
}

/** Most snapshots kept per store; past it the oldest is dropped. */
const MAX_PER_STORE = 100;

/** The snapshots of every store, by id. */
export class Snapshots {
  private readonly stores = new Map<string, Map<string, Snapshot>>();
  private ids = 0;

  /** Keeps a snapshot of a store's data and returns it. */
  keep(hash: string, data: StoreData): Snapshot {
    const count = (k: 'customers' | 'addresses') => data.slices.reduce((n, s) => n + s[k].length, 0);
    const snap: Snapshot = {
      id: `snap-${++this.ids}`,
      store_hash: hash,
      created: new Date().toISOString(),
      customers: count('customers'),
      addresses: count('addresses'),
      groups: data.groups.length,
      data,
    };
    let mine = this.stores.get(hash);
    if (!mine) this.stores.set(hash, (mine = new Map()));
    mine.set(snap.id, snap);
    if (mine.size > MAX_PER_STORE) mine.delete(mine.keys().next().value as string);
    return snap;
  }

  /** A store's snapshot by id. */
  get(hash: string, id: string): Snapshot | undefined {
    return this.stores.get(hash)?.get(id);
  }

  /** A store's snapshots, oldest first. */
  list(hash: string): Snapshot[] {
    return [...(this.stores.get(hash)?.values() ?? [])];
  }

  /** Drops one snapshot; false when there was none. */
  drop(hash: string, id: string): boolean {
    return this.stores.get(hash)?.delete(id) ?? false;
  }
}

/** A snapshot as the admin API shows it (without its data). */
export const snapshotView = ({ data: _, ...view }: Snapshot) => view;
