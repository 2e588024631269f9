/**
 * Customers' JSON bytes, made once per record version and shared by single answers and pages.
 * Entries go when the engine reports a change of the record or of its store.
 */
import type { CustomerRecord } from '../domain/records.js';
import type { StoreChange } from '../engine/changes.js';
import { customerJson } from './v2-json.js';

/** JSON bytes of customers, by store and id. */
export class CustomerJsonCache {
  /** Undefined marks a changed record: overwriting is cheaper than a Map delete followed by an add. */
  private readonly stores = new Map<string, Map<number, Buffer | undefined>>();

  constructor(private readonly linkBase: string) {}

  /** The bytes of a customer of a store, made on first use. */
  bytes(storeHash: string, c: CustomerRecord): Buffer {
    let store = this.stores.get(storeHash);
    if (!store) this.stores.set(storeHash, (store = new Map()));
    let b = store.get(c.id);
    if (b === undefined) {
      b = Buffer.from(customerJson(c, this.linkBase, storeHash), 'utf8');
      store.set(c.id, b);
    }
    return b;
  }

  /** Drops what a committed change made stale. */
  forget(change: StoreChange): void {
    if (change.whole) {
      this.stores.delete(change.hash);
      return;
    }
    const store = this.stores.get(change.hash);
    if (store) for (const id of change.customers) if (store.has(id)) store.set(id, undefined);
  }
}
