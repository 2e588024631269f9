/**
 * The memory backend: every store in plain maps and sorted id lists, answered synchronously.
 * Transactions keep an undo log, so a failed operation leaves no trace.
 */
import type { AddressRecord, CustomerRecord, GroupRecord } from '../../domain/records.js';
import type {
  Backend,
  CustomerQuery,
  GroupQuery,
  PageRequest,
  StoreCounts,
  StoreMeta,
  StoreTx,
} from '../backend.js';
import { runSync, type Op } from '../op.js';
import { AddressTable } from './address-table.js';
import { CustomerTable } from './customer-table.js';
import { GroupTable } from './group-table.js';

/** One store's data. */
interface MemoryStore {
  meta: StoreMeta;
  customers: CustomerTable;
  addresses: AddressTable;
  groups: GroupTable;
}

const newStore = (hash: string): MemoryStore => ({
  meta: { hash, fingerprint: null, nextIds: { customers: 1, addresses: 1, groups: 1 } },
  customers: new CustomerTable(),
  addresses: new AddressTable(),
  groups: new GroupTable(),
});

/* eslint-disable require-yield -- a synchronous backend answers without ever waiting */

/** Reads and writes of one memory store; writes log their undo when a log is given. */
class MemoryStoreTx implements StoreTx {
  constructor(
    private readonly s: MemoryStore,
    private readonly exists: boolean,
    private readonly undo: (() => void)[] | null,
  ) {}

  *meta(): Op<StoreMeta | undefined> {
    return this.exists ? this.s.meta : undefined;
  }
  *counts(): Op<StoreCounts> {
    return { customers: this.s.customers.size, addresses: this.s.addresses.size, groups: this.s.groups.size };
  }
  *customer(id: number): Op<CustomerRecord | undefined> {
    return this.s.customers.get(id);
  }
  *customerIdByEmail(email: string): Op<number | undefined> {
    return this.s.customers.idByEmail(email);
  }
  *customerPage(q: CustomerQuery, page: PageRequest): Op<CustomerRecord[]> {
    return this.s.customers.page(q, page);
  }
  *customerCount(q: CustomerQuery): Op<number> {
    return this.s.customers.count(q);
  }
  *customerIds(q: CustomerQuery, limit: number): Op<number[]> {
    return this.s.customers.matchingIds(q, limit);
  }
  *customersAfter(afterId: number, limit: number): Op<CustomerRecord[]> {
    return this.s.customers.after(afterId, limit);
  }
  *address(id: number): Op<AddressRecord | undefined> {
    return this.s.addresses.get(id);
  }
  *addressPage(customerId: number, page: PageRequest): Op<AddressRecord[]> {
    return this.s.addresses.page(customerId, page);
  }
  *addressCount(customerId: number | null): Op<number> {
    return this.s.addresses.count(customerId);
  }
  *addressesOf(customerIds: readonly number[]): Op<AddressRecord[]> {
    return this.s.addresses.of(customerIds);
  }
  *group(id: number): Op<GroupRecord | undefined> {
    return this.s.groups.get(id);
  }
  *groupByName(name: string): Op<GroupRecord | undefined> {
    return this.s.groups.byName(name);
  }
  *flaggedGroup(flag: 'is_default' | 'is_group_for_guests'): Op<GroupRecord | undefined> {
    return this.s.groups.flagged(flag);
  }
  *groupPage(q: GroupQuery, page: PageRequest): Op<GroupRecord[]> {
    return this.s.groups.page(q, page);
  }
  *groupCount(q: GroupQuery): Op<number> {
    return this.s.groups.count(q);
  }

  *setMeta(meta: StoreMeta): Op<void> {
    const old = this.s.meta;
    this.s.meta = meta;
    this.undo?.push(() => (this.s.meta = old));
  }
  *putCustomer(c: CustomerRecord): Op<void> {
    this.logRestore(this.s.customers, c.id);
    this.s.customers.put(c);
  }
  *deleteCustomer(id: number): Op<void> {
    const old = this.s.customers.delete(id);
    if (old) this.undo?.push(() => this.s.customers.put(old));
  }
  *putAddress(a: AddressRecord): Op<void> {
    this.logRestore(this.s.addresses, a.id);
    this.s.addresses.put(a);
  }
  *deleteAddress(id: number): Op<void> {
    const old = this.s.addresses.delete(id);
    if (old) this.undo?.push(() => this.s.addresses.put(old));
  }
  *putGroup(g: GroupRecord): Op<void> {
    this.logRestore(this.s.groups, g.id);
    this.s.groups.put(g);
  }
  *deleteGroup(id: number): Op<void> {
    const old = this.s.groups.delete(id);
    if (old) this.undo?.push(() => this.s.groups.put(old));
  }

  /** Logs how to undo a put: put the old record back, or delete the new one. */
  private logRestore<R>(
    table: { get(id: number): R | undefined; put(r: R): void; delete(id: number): unknown },
    id: number,
  ): void {
    if (!this.undo) return;
    const old = table.get(id);
    this.undo.push(old === undefined ? () => table.delete(id) : () => table.put(old));
  }
}

/* eslint-enable require-yield */

/** Creates the memory backend. */
export function createMemoryBackend(): Backend {
  const stores = new Map<string, MemoryStore>();
  const empty = newStore('');

  /** Adds (or replaces) a store as the newest: Map order is creation order. */
  function keep(hash: string, store: MemoryStore): void {
    stores.delete(hash);
    stores.set(hash, store);
  }

  return {
    name: 'memory',
    durable: false,
    // eslint-disable-next-line require-yield
    *storeHashes() {
      return [...stores.keys()];
    },
    view(hash) {
      const s = stores.get(hash);
      return new MemoryStoreTx(s ?? empty, s !== undefined, null);
    },
    transact(hash, work) {
      let s = stores.get(hash);
      const created = !s;
      if (!s) keep(hash, (s = newStore(hash)));
      const undo: (() => void)[] = [];
      try {
        return runSync(work(new MemoryStoreTx(s, true, undo)));
      } catch (err) {
        for (let i = undo.length - 1; i >= 0; i--) (undo[i] as () => void)();
        if (created) stores.delete(hash);
        throw err;
      }
    },
    async replace(hash, batches, finish) {
      const s = newStore(hash);
      const next = s.meta.nextIds;
      for await (const batch of batches) {
        for (const g of batch.groups ?? []) {
          s.groups.put(g);
          next.groups = Math.max(next.groups, g.id + 1);
        }
        for (const c of batch.customers ?? []) {
          s.customers.put(c);
          next.customers = Math.max(next.customers, c.id + 1);
        }
        for (const a of batch.addresses ?? []) {
          s.addresses.put(a);
          next.addresses = Math.max(next.addresses, a.id + 1);
        }
      }
      const meta = finish();
      s.meta.fingerprint = meta.fingerprint;
      if (meta.nextIds) s.meta.nextIds = { ...meta.nextIds };
      keep(hash, s);
    },
    // eslint-disable-next-line require-yield
    *drop(hash) {
      return stores.delete(hash);
    },
    async close() {
      stores.clear();
    },
  };
}
