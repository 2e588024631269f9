/**
 * The storage interface: what a backend (memory, SQLite file, later PostgreSQL) must answer.
 * Backends store records and answer queries; they hold no rules. Rules, references and cascades
 * live in the engine's operations (store-ops.ts), which run on any backend through `Op`.
 */
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';
import type { Op } from './op.js';

/** Filters of `GET /customers` (and count, delete-many), parsed: dates as epoch ms. */
export interface CustomerQuery {
  first_name?: string;
  last_name?: string;
  company?: string;
  /** Compared without case. */
  email?: string;
  phone?: string;
  store_credit?: number;
  customer_group_id?: number;
  min_id?: number;
  max_id?: number;
  min_date_created?: number;
  max_date_created?: number;
  min_date_modified?: number;
  max_date_modified?: number;
  tax_exempt_category?: string;
}

/** Filters of `GET /customer_groups`, parsed (dates as epoch ms). */
export interface GroupQuery {
  name?: string;
  name_like?: string;
  is_default?: boolean;
  is_group_for_guests?: boolean;
  date_created?: number;
  date_created_min?: number;
  date_created_max?: number;
  date_modified?: number;
  date_modified_min?: number;
  date_modified_max?: number;
}

/** A page: `page` from 1, `limit` items. */
export interface PageRequest {
  page: number;
  limit: number;
}

/** What a backend keeps of a store besides its records. */
export interface StoreMeta {
  hash: string;
  /** Fingerprint of the data set the store was filled with, when it was one (seeded, fixture). */
  fingerprint: string | null;
  /** The ids the next created records get: never reused, even after deletes. */
  nextIds: { customers: number; addresses: number; groups: number };
}

/** What a fill says of the store it made, once its batches are read. */
export interface FillMeta {
  fingerprint: string | null;
  nextIds?: StoreMeta['nextIds'];
}

/** Entity counts of a store. */
export interface StoreCounts {
  customers: number;
  addresses: number;
  groups: number;
}

/** One slice of a data set, in dependency order (groups, then customers, then their addresses). */
export interface RecordBatch {
  groups?: readonly GroupRecord[];
  customers?: readonly CustomerRecord[];
  addresses?: readonly AddressRecord[];
}

/** Reads of one store. Outside a transaction they see committed data only. */
export interface StoreView {
  meta(): Op<StoreMeta | undefined>;
  counts(): Op<StoreCounts>;
  customer(id: number): Op<CustomerRecord | undefined>;
  /** The id of the customer with this email (compared without case). */
  customerIdByEmail(email: string): Op<number | undefined>;
  customerPage(q: CustomerQuery, page: PageRequest): Op<CustomerRecord[]>;
  customerCount(q: CustomerQuery): Op<number>;
  /** Ids of the first `limit` matching customers, in id order. */
  customerIds(q: CustomerQuery, limit: number): Op<number[]>;
  /** Customers with an id above `afterId`, in id order, at most `limit` (for reading a store through). */
  customersAfter(afterId: number, limit: number): Op<CustomerRecord[]>;
  address(id: number): Op<AddressRecord | undefined>;
  addressPage(customerId: number, page: PageRequest): Op<AddressRecord[]>;
  /** Addresses of a customer, or of the whole store when `customerId` is null. */
  addressCount(customerId: number | null): Op<number>;
  /** Every address of these customers, by customer then id. */
  addressesOf(customerIds: readonly number[]): Op<AddressRecord[]>;
  group(id: number): Op<GroupRecord | undefined>;
  /** The group with this name (compared without case). */
  groupByName(name: string): Op<GroupRecord | undefined>;
  /** The one group that has the flag (the default group, the guests' group). */
  flaggedGroup(flag: 'is_default' | 'is_group_for_guests'): Op<GroupRecord | undefined>;
  groupPage(q: GroupQuery, page: PageRequest): Op<GroupRecord[]>;
  groupCount(q: GroupQuery): Op<number>;
}

/** Reads and writes of one store inside a transaction: all of it commits, or none of it. */
export interface StoreTx extends StoreView {
  setMeta(meta: StoreMeta): Op<void>;
  /** Inserts or replaces a customer (same id). */
  putCustomer(c: CustomerRecord): Op<void>;
  deleteCustomer(id: number): Op<void>;
  putAddress(a: AddressRecord): Op<void>;
  deleteAddress(id: number): Op<void>;
  putGroup(g: GroupRecord): Op<void>;
  deleteGroup(id: number): Op<void>;
}

/** A storage backend: many stores, each isolated, each with its own ids. */
export interface Backend {
  /** `memory` or `sqlite` (and later `postgres`): shown by the admin API and the banner. */
  readonly name: string;
  /** Whether acknowledged writes survive a restart. */
  readonly durable: boolean;
  /** The stores kept, oldest first. */
  storeHashes(): Op<string[]>;
  /** Reads of a store (one that does not exist reads as empty, with no meta). */
  view(hash: string): StoreView;
  /** Runs `work` in one transaction of the store, creating the store if it must. */
  transact<T>(hash: string, work: (tx: StoreTx) => Op<T>): T | Promise<T>;
  /**
   * Replaces a store with the data of `batches`, built aside and swapped in at the end: until then
   * readers see the old data, and a failure (or a crash) leaves the old data in place. `finish`
   * is asked once every batch is read: the fingerprint, and the next ids when they are known
   * (a snapshot); by default the next ids follow the largest loaded ids.
   */
  replace(hash: string, batches: AsyncIterable<RecordBatch>, finish: () => FillMeta): Promise<void>;
  /** Forgets a store and its records; false when there was none. */
  drop(hash: string): Op<boolean>;
  /** Releases files and connections. */
  close(): Promise<void>;
}
