/**
 * What a write changed, as the engine tells its listeners once the write commits: the
 * representation cache drops what went stale; later, webhooks and the dashboard listen here too.
 */
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';
import type { CustomerQuery, GroupQuery, PageRequest, StoreMeta, StoreTx } from './backend.js';
import type { Op } from './op.js';

/** The records one committed write touched (put or deleted), by id; or a whole store replaced. */
export interface StoreChange {
  hash: string;
  /** The store was filled anew, reset or dropped: everything about it is stale. */
  whole: boolean;
  customers: Set<number>;
  addresses: Set<number>;
  groups: Set<number>;
}

/** An empty change of a store. */
export const noChange = (hash: string, whole = false): StoreChange => ({
  hash,
  whole,
  customers: new Set(),
  addresses: new Set(),
  groups: new Set(),
});

/** A transaction that notes the id of every record written through it. */
export class TrackingTx implements StoreTx {
  constructor(
    private readonly tx: StoreTx,
    readonly change: StoreChange,
  ) {}

  meta(): Op<StoreMeta | undefined> {
    return this.tx.meta();
  }
  counts() {
    return this.tx.counts();
  }
  customer(id: number) {
    return this.tx.customer(id);
  }
  customerIdByEmail(email: string) {
    return this.tx.customerIdByEmail(email);
  }
  customerPage(q: CustomerQuery, page: PageRequest) {
    return this.tx.customerPage(q, page);
  }
  customerCount(q: CustomerQuery) {
    return this.tx.customerCount(q);
  }
  customerIds(q: CustomerQuery, limit: number) {
    return this.tx.customerIds(q, limit);
  }
  customersAfter(afterId: number, limit: number) {
    return this.tx.customersAfter(afterId, limit);
  }
  address(id: number) {
    return this.tx.address(id);
  }
  addressPage(customerId: number, page: PageRequest) {
    return this.tx.addressPage(customerId, page);
  }
  addressCount(customerId: number | null) {
    return this.tx.addressCount(customerId);
  }
  addressesOf(customerIds: readonly number[]) {
    return this.tx.addressesOf(customerIds);
  }
  group(id: number) {
    return this.tx.group(id);
  }
  groupByName(name: string) {
    return this.tx.groupByName(name);
  }
  flaggedGroup(flag: 'is_default' | 'is_group_for_guests') {
    return this.tx.flaggedGroup(flag);
  }
  groupPage(q: GroupQuery, page: PageRequest) {
    return this.tx.groupPage(q, page);
  }
  groupCount(q: GroupQuery) {
    return this.tx.groupCount(q);
  }
  setMeta(meta: StoreMeta) {
    return this.tx.setMeta(meta);
  }

  putCustomer(c: CustomerRecord): Op<void> {
    this.change.customers.add(c.id);
    return this.tx.putCustomer(c);
  }
  deleteCustomer(id: number): Op<void> {
    this.change.customers.add(id);
    return this.tx.deleteCustomer(id);
  }
  putAddress(a: AddressRecord): Op<void> {
    this.change.addresses.add(a.id);
    return this.tx.putAddress(a);
  }
  deleteAddress(id: number): Op<void> {
    this.change.addresses.add(id);
    return this.tx.deleteAddress(id);
  }
  putGroup(g: GroupRecord): Op<void> {
    this.change.groups.add(g.id);
    return this.tx.putGroup(g);
  }
  deleteGroup(id: number): Op<void> {
    this.change.groups.add(id);
    return this.tx.deleteGroup(id);
  }
}
