/** The customers of one in-memory store: records plus the id, email and group indexes. */
import { emailKey } from '../../domain/customer-rules.js';
import type { CustomerRecord } from '../../domain/records.js';
import type { CustomerQuery, PageRequest } from '../backend.js';
import { SortedIds } from './sorted-ids.js';

/** Customers by id, with a sorted id list and indexes by email (without case) and group. */
export class CustomerTable {
  private readonly records = new Map<number, CustomerRecord>();
  private readonly ids = new SortedIds();
  private readonly byEmail = new Map<string, number>();
  private readonly byGroup = new Map<number, Set<number>>();

  /** Number of customers. */
  get size(): number {
    return this.records.size;
  }

  /** The customer with this id. */
  get(id: number): CustomerRecord | undefined {
    return this.records.get(id);
  }

  /** The id of the customer with this email. */
  idByEmail(email: string): number | undefined {
    return this.byEmail.get(emailKey(email));
  }

  /**
   * Inserts a record or replaces the one with its id, moving only the index entries that changed.
   * Entries are overwritten, never deleted and added again: a V8 Map or Set pays time in
   * proportion to its size for a delete followed by an add.
   */
  put(c: CustomerRecord): void {
    const old = this.records.get(c.id);
    this.records.set(c.id, c);
    const email = emailKey(c.email);
    if (!old) {
      this.ids.add(c.id);
      this.byEmail.set(email, c.id);
      this.groupSet(c.customer_group_id).add(c.id);
      return;
    }
    const oldEmail = emailKey(old.email);
    if (email !== oldEmail && this.byEmail.get(oldEmail) === old.id) this.byEmail.delete(oldEmail);
    this.byEmail.set(email, c.id);
    if (c.customer_group_id !== old.customer_group_id) {
      this.byGroup.get(old.customer_group_id)?.delete(old.id);
      this.groupSet(c.customer_group_id).add(c.id);
    }
  }

  /** Removes a customer; returns the record it removed. */
  delete(id: number): CustomerRecord | undefined {
    const c = this.records.get(id);
    if (!c) return undefined;
    this.records.delete(id);
    this.ids.delete(id);
    const email = emailKey(c.email);
    if (this.byEmail.get(email) === id) this.byEmail.delete(email);
    this.byGroup.get(c.customer_group_id)?.delete(id);
    return c;
  }

  /** One page of matching customers, in id order. */
  page(q: CustomerQuery, p: PageRequest): CustomerRecord[] {
    const skip = (p.page - 1) * p.limit;
    if (onlyIdRange(q)) {
      const [start, end] = this.ids.range(q.min_id, q.max_id);
      return this.ids
        .slice(Math.min(start + skip, end), Math.min(start + skip + p.limit, end))
        .map((id) => this.records.get(id) as CustomerRecord);
    }
    const out: CustomerRecord[] = [];
    let seen = 0;
    for (const c of this.matches(q)) {
      if (seen++ < skip) continue;
      out.push(c);
      if (out.length === p.limit) break;
    }
    return out;
  }

  /** How many customers match. */
  count(q: CustomerQuery): number {
    if (onlyIdRange(q)) {
      const [start, end] = this.ids.range(q.min_id, q.max_id);
      return end - start;
    }
    let n = 0;
    for (const _ of this.matches(q)) n++;
    return n;
  }

  /** The ids of the first `limit` matching customers. */
  matchingIds(q: CustomerQuery, limit: number): number[] {
    const out: number[] = [];
    for (const c of this.matches(q)) {
      if (out.length === limit) break;
      out.push(c.id);
    }
    return out;
  }

  /** Customers with an id above `afterId`, in id order. */
  after(afterId: number, limit: number): CustomerRecord[] {
    const start = this.ids.lowerBound(afterId + 1);
    return this.ids.slice(start, start + limit).map((id) => this.records.get(id) as CustomerRecord);
  }

  private *matches(q: CustomerQuery): Generator<CustomerRecord> {
    if (q.email !== undefined) {
      const id = this.byEmail.get(emailKey(q.email));
      const c = id === undefined ? undefined : this.records.get(id);
      if (c && matchesQuery(c, q)) yield c;
      return;
    }
    if (q.customer_group_id !== undefined) {
      const ids = [...(this.byGroup.get(q.customer_group_id) ?? [])].sort((a, b) => a - b);
      for (const id of ids) {
        const c = this.records.get(id) as CustomerRecord;
        if (matchesQuery(c, q)) yield c;
      }
      return;
    }
    const [start, end] = this.ids.range(q.min_id, q.max_id);
    for (let i = start; i < end; i++) {
      const c = this.records.get(this.ids.at(i) as number) as CustomerRecord;
      if (matchesQuery(c, q)) yield c;
    }
  }

  private groupSet(groupId: number): Set<number> {
    let s = this.byGroup.get(groupId);
    if (!s) this.byGroup.set(groupId, (s = new Set()));
    return s;
  }
}

const ID_RANGE_KEYS = new Set(['min_id', 'max_id']);

function onlyIdRange(q: CustomerQuery): boolean {
  for (const k in q) if (!ID_RANGE_KEYS.has(k)) return false;
  return true;
}

function matchesQuery(c: CustomerRecord, q: CustomerQuery): boolean {
  return (
    (q.first_name === undefined || c.first_name === q.first_name) &&
    (q.last_name === undefined || c.last_name === q.last_name) &&
    (q.company === undefined || c.company === q.company) &&
    (q.email === undefined || emailKey(c.email) === emailKey(q.email)) &&
    (q.phone === undefined || c.phone === q.phone) &&
    (q.store_credit === undefined || Number(c.store_credit) === q.store_credit) &&
    (q.customer_group_id === undefined || c.customer_group_id === q.customer_group_id) &&
    (q.min_id === undefined || c.id >= q.min_id) &&
    (q.max_id === undefined || c.id <= q.max_id) &&
    (q.min_date_created === undefined || c.date_created >= q.min_date_created) &&
    (q.max_date_created === undefined || c.date_created <= q.max_date_created) &&
    (q.min_date_modified === undefined || c.date_modified >= q.min_date_modified) &&
    (q.max_date_modified === undefined || c.date_modified <= q.max_date_modified) &&
    (q.tax_exempt_category === undefined || c.tax_exempt_category === q.tax_exempt_category)
  );
}
