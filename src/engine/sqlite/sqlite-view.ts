/**
 * Reads of one store in the file. Each method answers at once (better-sqlite3 is synchronous), so
 * an operation over them runs in one synchronous step. Committed data comes from the store's
 * in-memory state where it has it (meta, counts, id index, groups, cached records) and from the
 * file otherwise; a transaction (sqlite-tx.ts) also sees its own writes.
 */
import { groupNameKey } from '../../domain/group-rules.js';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../../domain/records.js';
import type {
  CustomerQuery,
  GroupQuery,
  PageRequest,
  StoreCounts,
  StoreMeta,
  StoreView,
} from '../backend.js';
import { matchesGroup } from '../memory/group-table.js';
import type { SortedIds } from '../memory/sorted-ids.js';
import type { Op } from '../op.js';
import { customerQuery, isUnfiltered } from './customer-sql.js';
import { addressSql, customerSql, emailSql, groupSql } from './queries.js';
import { addressOf, customerOf, emailKeyOf, groupOf } from './rows.js';
import type { AddressRow, CustomerRow, GroupRow } from './schema.js';
import type { Runner } from './sql.js';
import { idsOf, type StoreState } from './store-state.js';

/* eslint-disable require-yield -- a synchronous backend answers without ever waiting */

const NO_COUNTS: StoreCounts = { customers: 0, addresses: 0, groups: 0 };

/** Whether a query filters by nothing but an id range (answered from the id index). */
function onlyIdRange(q: CustomerQuery): boolean {
  for (const k in q) {
    if (k !== 'min_id' && k !== 'max_id' && (q as Record<string, unknown>)[k] !== undefined) return false;
  }
  return true;
}

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

  /** A customer this view knows without asking the file: a transaction's own write (null: deleted). */
  protected own(_id: number): CustomerRecord | null | undefined {
    return undefined;
  }
  /** Whether the committed id index still answers this view (a transaction that wrote none). */
  protected customersAsCommitted(): boolean {
    return true;
  }
  /** Whether the committed group list still answers this view. */
  protected groupsAsCommitted(): boolean {
    return true;
  }

  *meta(): Op<StoreMeta | undefined> {
    return this.state?.meta;
  }
  *counts(): Op<StoreCounts> {
    return { ...(this.state?.counts ?? NO_COUNTS) };
  }
  *customer(id: number): Op<CustomerRecord | undefined> {
    return this.customerById(id);
  }
  *customerIdByEmail(email: string): Op<number | undefined> {
    return this.idOfEmail(email);
  }
  *customerPage(query: CustomerQuery, page: PageRequest): Op<CustomerRecord[]> {
    const q = this.withoutEmail(query);
    if (!q) return [];
    const skip = (page.page - 1) * page.limit;
    const index = this.idIndex(q);
    let ids: number[];
    if (index) {
      const [start, end] = index.range(q.min_id, q.max_id);
      ids = index.slice(Math.min(start + skip, end), Math.min(start + skip + page.limit, end));
    } else {
      const query = customerQuery('ids', this.sid, q, [page.limit, skip]);
      ids = this.sql.column<number>(query.t, query.args);
    }
    const out: CustomerRecord[] = [];
    for (const id of ids) {
      const c = this.customerById(id);
      if (c) out.push(c);
    }
    return out;
  }
  *customerCount(query: CustomerQuery): Op<number> {
    const q = this.withoutEmail(query);
    if (!q) return 0;
    if (isUnfiltered(q)) return (yield* this.counts()).customers;
    const index = this.idIndex(q);
    if (index) {
      const [start, end] = index.range(q.min_id, q.max_id);
      return end - start;
    }
    const count = customerQuery('count', this.sid, q);
    return this.sql.get<{ n: number }>(count.t, count.args)?.n ?? 0;
  }
  *customerIds(query: CustomerQuery, limit: number): Op<number[]> {
    const q = this.withoutEmail(query);
    if (!q) return [];
    const index = this.idIndex(q);
    if (index) {
      const [start, end] = index.range(q.min_id, q.max_id);
      return index.slice(start, Math.min(end, start + limit));
    }
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
    return this.groupList().find((g) => g.id === id);
  }
  *groupByName(name: string): Op<GroupRecord | undefined> {
    const key = groupNameKey(name);
    return this.groupList().find((g) => groupNameKey(g.name) === key);
  }
  *flaggedGroup(flag: 'is_default' | 'is_group_for_guests'): Op<GroupRecord | undefined> {
    return this.groupList().find((g) => g[flag]);
  }
  *groupPage(q: GroupQuery, page: PageRequest): Op<GroupRecord[]> {
    const start = (page.page - 1) * page.limit;
    return this.groupList()
      .filter((g) => matchesGroup(g, q))
      .slice(start, start + page.limit);
  }
  *groupCount(q: GroupQuery): Op<number> {
    return this.groupList().filter((g) => matchesGroup(g, q)).length;
  }

  /** A customer: the view's own write, the cache, or the file (then cached, when committed). */
  protected customerById(id: number): CustomerRecord | undefined {
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

  private idOfEmail(email: string): number | undefined {
    return this.sql.get<{ customer_id: number }>(emailSql.idOf, [this.sid, emailKeyOf(email)])?.customer_id;
  }

  /** The query with its email filter made an id range by the email index; null when none matches. */
  private withoutEmail(q: CustomerQuery): CustomerQuery | null {
    if (q.email === undefined) return q;
    const id = this.idOfEmail(q.email);
    if (id === undefined) return null;
    const { email: _, ...rest } = q;
    const min = Math.max(rest.min_id ?? id, id);
    const max = Math.min(rest.max_id ?? id, id);
    return min > max ? null : { ...rest, min_id: min, max_id: max };
  }

  /** The id index, when it answers this query for this view. */
  private idIndex(q: CustomerQuery): SortedIds | undefined {
    if (!this.state || !onlyIdRange(q) || !this.customersAsCommitted()) return undefined;
    return idsOf(this.state, this.sql);
  }

  /** The store's groups in id order (a store has few: their filters run in code). */
  private groupList(): GroupRecord[] {
    const read = () => this.sql.all<GroupRow>(groupSql.all, [this.sid]).map(groupOf);
    if (!this.state || !this.groupsAsCommitted()) return read();
    return (this.state.groups ??= read());
  }
}

/* eslint-enable require-yield */
