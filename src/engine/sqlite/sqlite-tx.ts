/**
 * Reads and writes of one store in the file. Each method answers at once (better-sqlite3 is
 * synchronous), so an operation over them runs in one synchronous step. A view reads committed
 * data; a transaction also sees its own writes, and hands the store's new meta, counts and
 * records to `committed` once its transaction has committed.
 */
import { emailKey } from '../../domain/customer-rules.js';
import { groupNameKey } from '../../domain/group-rules.js';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../../domain/records.js';
import type {
  CustomerQuery,
  GroupQuery,
  PageRequest,
  StoreCounts,
  StoreMeta,
  StoreTx,
  StoreView,
} from '../backend.js';
import { matchesGroup } from '../memory/group-table.js';
import type { Op } from '../op.js';
import { customerQuery, isUnfiltered } from './customer-sql.js';
import { addressSql, customerSql, groupSql, storeSql } from './queries.js';
import { addressArgs, addressOf, customerArgs, customerOf, groupArgs, groupOf, text } from './rows.js';
import type { AddressRow, CustomerRow, GroupRow } from './schema.js';
import type { Runner } from './sql.js';
import { storeArgs, type StoreState } from './store-state.js';

/* eslint-disable require-yield -- a synchronous backend answers without ever waiting */

const NO_COUNTS: StoreCounts = { customers: 0, addresses: 0, groups: 0 };

/** Reads of one store (of none, when `state` is undefined: everything reads as empty). */
export class SqliteView implements StoreView {
  /** Row id of the store; 0 (no store has it) when there is none. */
  protected readonly sid: number;

  constructor(
    protected readonly sql: Runner,
    protected readonly state: StoreState | undefined,
  ) {
    this.sid = state?.id ?? 0;
  }

  /** A customer this view knows without asking the file (a transaction's own writes). */
  protected own(_id: number): CustomerRecord | null | undefined {
    return undefined;
  }

  *meta(): Op<StoreMeta | undefined> {
    return this.state?.meta;
  }
  *counts(): Op<StoreCounts> {
    return { ...(this.state?.counts ?? NO_COUNTS) };
  }
  *customer(id: number): Op<CustomerRecord | undefined> {
    const own = this.own(id);
    if (own !== undefined) return own ?? undefined;
    const cache = this.state?.customers;
    const hit = cache?.get(id);
    if (hit) return hit;
    const row = this.sql.get<CustomerRow>(customerSql.get, [this.sid, id]);
    if (!row) return undefined;
    const c = customerOf(row);
    cache?.set(id, c);
    return c;
  }
  *customerIdByEmail(email: string): Op<number | undefined> {
    const key = text(emailKey(email));
    return this.sql.get<{ id: number }>(customerSql.idByEmail, [this.sid, key])?.id;
  }
  *customerPage(q: CustomerQuery, page: PageRequest): Op<CustomerRecord[]> {
    const tail = [page.limit, (page.page - 1) * page.limit];
    const ids = customerQuery('ids', this.sid, q, tail);
    const cache = this.state?.customers;
    const out: CustomerRecord[] = [];
    for (const id of this.sql.column<number>(ids.t, ids.args)) {
      const own = this.own(id);
      const hit = own === undefined ? cache?.get(id) : own;
      if (!hit) return this.fullPage(q, tail);
      out.push(hit);
    }
    return out;
  }
  *customerCount(q: CustomerQuery): Op<number> {
    if (isUnfiltered(q)) return (yield* this.counts()).customers;
    const count = customerQuery('count', this.sid, q);
    return this.sql.get<{ n: number }>(count.t, count.args)?.n ?? 0;
  }
  *customerIds(q: CustomerQuery, limit: number): Op<number[]> {
    const ids = customerQuery('limitedIds', this.sid, q, [limit]);
    return this.sql.column<number>(ids.t, ids.args);
  }
  *customersAfter(afterId: number, limit: number): Op<CustomerRecord[]> {
    return this.sql.all<CustomerRow>(customerSql.after, [this.sid, afterId, limit]).map(customerOf);
  }
  *address(id: number): Op<AddressRecord | undefined> {
    const row = this.sql.get<AddressRow>(addressSql.get, [this.sid, id]);
    return row && addressOf(row);
  }
  *addressPage(customerId: number, page: PageRequest): Op<AddressRecord[]> {
    const args = [this.sid, customerId, page.limit, (page.page - 1) * page.limit];
    return this.sql.all<AddressRow>(addressSql.page, args).map(addressOf);
  }
  *addressCount(customerId: number | null): Op<number> {
    if (customerId === null) return (yield* this.counts()).addresses;
    return this.sql.get<{ n: number }>(addressSql.countOf, [this.sid, customerId])?.n ?? 0;
  }
  *addressesOf(customerIds: readonly number[]): Op<AddressRecord[]> {
    const out: AddressRecord[] = [];
    for (const id of customerIds) {
      for (const row of this.sql.all<AddressRow>(addressSql.ofCustomer, [this.sid, id]))
        out.push(addressOf(row));
    }
    return out;
  }
  *group(id: number): Op<GroupRecord | undefined> {
    const row = this.sql.get<GroupRow>(groupSql.get, [this.sid, id]);
    return row && groupOf(row);
  }
  *groupByName(name: string): Op<GroupRecord | undefined> {
    const row = this.sql.get<GroupRow>(groupSql.byName, [this.sid, text(groupNameKey(name))]);
    return row && groupOf(row);
  }
  *flaggedGroup(flag: 'is_default' | 'is_group_for_guests'): Op<GroupRecord | undefined> {
    const row = this.sql.get<GroupRow>(flag === 'is_default' ? groupSql.isDefault : groupSql.isForGuests, [
      this.sid,
    ]);
    return row && groupOf(row);
  }
  *groupPage(q: GroupQuery, page: PageRequest): Op<GroupRecord[]> {
    const start = (page.page - 1) * page.limit;
    return this.groups(q).slice(start, start + page.limit);
  }
  *groupCount(q: GroupQuery): Op<number> {
    return this.groups(q).length;
  }

  /** The matching groups, in id order (a store has few: they are filtered in code). */
  private groups(q: GroupQuery): GroupRecord[] {
    return this.sql
      .all<GroupRow>(groupSql.all, [this.sid])
      .map(groupOf)
      .filter((g) => matchesGroup(g, q));
  }

  /** A page read whole from the file, its committed records cached on the way. */
  private fullPage(q: CustomerQuery, tail: number[]): CustomerRecord[] {
    const page = customerQuery('page', this.sid, q, tail);
    return this.sql.all<CustomerRow>(page.t, page.args).map((row) => {
      const own = this.own(row.id);
      if (own) return own;
      const c = customerOf(row);
      if (own === undefined) this.state?.customers.set(c.id, c);
      return c;
    });
  }
}

/** Reads and writes of one store inside a transaction of the file. */
export class SqliteTx extends SqliteView implements StoreTx {
  private meta_: StoreMeta;
  private readonly counts_: StoreCounts;
  private storeChanged = false;
  /** Customers this transaction wrote: the record, or null once deleted. */
  private readonly written = new Map<number, CustomerRecord | null>();

  constructor(sql: Runner, state: StoreState) {
    super(sql, state);
    this.meta_ = state.meta;
    this.counts_ = { ...state.counts };
  }

  protected override own(id: number): CustomerRecord | null | undefined {
    return this.written.get(id);
  }

  override *meta(): Op<StoreMeta | undefined> {
    return this.meta_;
  }
  override *counts(): Op<StoreCounts> {
    return { ...this.counts_ };
  }

  *setMeta(meta: StoreMeta): Op<void> {
    this.meta_ = meta;
    this.storeChanged = true;
  }
  *putCustomer(c: CustomerRecord): Op<void> {
    const args = customerArgs(this.sid, c);
    if (this.sql.run(customerSql.update, args) === 0) {
      this.sql.run(customerSql.insert, args);
      this.count('customers', 1);
    }
    this.written.set(c.id, c);
  }
  *deleteCustomer(id: number): Op<void> {
    if (this.sql.run(customerSql.delete, [this.sid, id]) > 0) this.count('customers', -1);
    this.written.set(id, null);
  }
  *putAddress(a: AddressRecord): Op<void> {
    const args = addressArgs(this.sid, a);
    if (this.sql.run(addressSql.update, args) === 0) {
      this.sql.run(addressSql.insert, args);
      this.count('addresses', 1);
    }
  }
  *deleteAddress(id: number): Op<void> {
    if (this.sql.run(addressSql.delete, [this.sid, id]) > 0) this.count('addresses', -1);
  }
  *putGroup(g: GroupRecord): Op<void> {
    const args = groupArgs(this.sid, g);
    if (this.sql.run(groupSql.update, args) === 0) {
      this.sql.run(groupSql.insert, args);
      this.count('groups', 1);
    }
  }
  *deleteGroup(id: number): Op<void> {
    if (this.sql.run(groupSql.delete, [this.sid, id]) > 0) this.count('groups', -1);
  }

  /** Writes the store's row if the transaction changed it; call last, inside the transaction. */
  flush(): void {
    if (this.storeChanged) this.sql.run(storeSql.update, storeArgs(this.sid, this.meta_, this.counts_));
  }

  /** Once committed: the store's new meta and counts, and the cache made current. */
  committed(): void {
    const state = this.state as StoreState;
    state.meta = this.meta_;
    state.counts = this.counts_;
    for (const [id, c] of this.written) {
      if (c) state.customers.set(id, c);
      else state.customers.delete(id);
    }
  }

  private count(kind: keyof StoreCounts, delta: number): void {
    this.counts_[kind] += delta;
    this.storeChanged = true;
  }
}

/* eslint-enable require-yield */
