/**
 * Reads and writes of one store inside a transaction of the file. The transaction sees its own
 * writes; once it has committed, `committed` hands the store's new meta, counts, records, ids and
 * groups to the in-memory state, so that state never shows what a rolled-back write did.
 */
import { emailKey } from '../../domain/customer-rules.js';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../../domain/records.js';
import type { StoreCounts, StoreMeta, StoreTx } from '../backend.js';
import type { Op } from '../op.js';
import { addressSql, customerSql, emailSql, groupSql, storeSql } from './queries.js';
import { addressArgs, customerArgs, emailKeyOf, groupArgs, str } from './rows.js';
import type { Text } from './schema.js';
import type { Runner, Template } from './sql.js';
import { SqliteView } from './sqlite-view.js';
import { storeArgs, type StoreState } from './store-state.js';

/* eslint-disable require-yield -- a synchronous backend answers without ever waiting */

/** Reads and writes of one store inside a transaction. */
export class SqliteTx extends SqliteView implements StoreTx {
  private meta_: StoreMeta;
  private readonly counts_: StoreCounts;
  private storeChanged = false;
  private groupsWritten = false;
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
  protected override customersAsCommitted(): boolean {
    return this.written.size === 0;
  }
  protected override groupsAsCommitted(): boolean {
    return !this.groupsWritten;
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
    // The current record (this transaction's write, the cache, or the file): whether the row exists
    // and the email its index row is under.
    const old = this.customerById(c.id);
    if (!old) {
      this.sql.run(customerSql.insert, args);
      this.sql.run(emailSql.insert, [this.sid, emailKeyOf(c.email), c.id]);
      this.count('customers', 1);
    } else {
      this.sql.run(customerSql.update, args);
      const was = old.email;
      if (emailKey(was) !== emailKey(c.email)) {
        this.sql.run(emailSql.delete, [this.sid, emailKeyOf(was)]);
        this.sql.run(emailSql.insert, [this.sid, emailKeyOf(c.email), c.id]);
      }
    }
    this.written.set(c.id, c);
  }
  *deleteCustomer(id: number): Op<void> {
    const gone = this.sql.get<{ email: Text }>(customerSql.delete, [this.sid, id]);
    if (gone) {
      this.sql.run(emailSql.delete, [this.sid, emailKeyOf(str(gone.email))]);
      this.count('customers', -1);
    }
    this.written.set(id, null);
  }
  *putAddress(a: AddressRecord): Op<void> {
    this.put(addressSql, addressArgs(this.sid, a), 'addresses');
  }
  *deleteAddress(id: number): Op<void> {
    this.remove(addressSql.delete, id, 'addresses');
  }
  *putGroup(g: GroupRecord): Op<void> {
    this.put(groupSql, groupArgs(this.sid, g), 'groups');
    this.groupsWritten = true;
  }
  *deleteGroup(id: number): Op<void> {
    this.remove(groupSql.delete, id, 'groups');
    this.groupsWritten = true;
  }

  /** Writes the store's row if the transaction changed it; call last, inside the transaction. */
  flush(): void {
    if (this.storeChanged) this.sql.run(storeSql.update, storeArgs(this.sid, this.meta_, this.counts_));
  }

  /** Once committed: the store's state made current. */
  committed(): void {
    const state = this.state as StoreState;
    state.meta = this.meta_;
    state.counts = this.counts_;
    for (const [id, c] of this.written) {
      if (c) {
        state.customers.set(id, c);
        state.ids?.add(id);
      } else {
        state.customers.delete(id);
        state.ids?.delete(id);
      }
    }
    if (this.groupsWritten) state.groups = null;
  }

  /** Updates a row, or inserts it (counted) when there was none. */
  private put(t: { update: Template; insert: Template }, args: unknown[], kind: keyof StoreCounts): void {
    if (this.sql.run(t.update, args) > 0) return;
    this.sql.run(t.insert, args);
    this.count(kind, 1);
  }

  private remove(t: Template, id: number, kind: keyof StoreCounts): void {
    if (this.sql.run(t, [this.sid, id]) > 0) this.count(kind, -1);
  }

  private count(kind: keyof StoreCounts, delta: number): void {
    this.counts_[kind] += delta;
    this.storeChanged = true;
  }
}

/* eslint-enable require-yield */
