/** Customers of one store: records, the id/email/group indexes, rules and cached JSON. */
import { invalidField, notFound } from '../errors.js';
import type { CustomerCreate, CustomerUpdate } from '../types.js';
import { money, rfc2822 } from './format.js';
import type { CustomerRecord } from './records.js';
import { SortedIds } from './sorted-ids.js';
import type { Tenant } from './tenant.js';

/** Filters of `GET /customers`, parsed (dates as epoch ms, store credit as a number). */
export interface CustomerQuery {
  first_name?: string;
  last_name?: string;
  company?: string;
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

/** A page request: `page` from 1, `limit` items. */
export interface PageRequest {
  page: number;
  limit: number;
}

const EMAIL_IN_USE = 'This email address is already in use by a customer.';

/** Customers of a tenant, with indexes by id, email (lower-cased) and group. */
export class CustomerRepo {
  private readonly records = new Map<number, CustomerRecord>();
  private readonly ids = new SortedIds();
  private readonly byEmail = new Map<string, number>();
  private readonly byGroup = new Map<number, Set<number>>();
  /** Cached JSON bytes by id; undefined once the record changed (overwritten, not deleted: see `replace`). */
  private readonly json = new Map<number, Buffer | undefined>();
  private nextId = 1;

  constructor(private readonly tenant: Tenant) {}

  /** Number of customers. */
  get size(): number {
    return this.records.size;
  }

  /** The customer with this id, or undefined. */
  get(id: number): CustomerRecord | undefined {
    return this.records.get(id);
  }

  /** The customer with this id, or a 404. */
  require(id: number): CustomerRecord {
    const c = this.records.get(id);
    if (!c) throw notFound();
    return c;
  }

  /** The API representation of a customer. */
  toJson(c: CustomerRecord): string {
    return this.toJsonBytes(c).toString('utf8');
  }

  /** The API representation of a customer as UTF-8 bytes, cached until it changes. */
  toJsonBytes(c: CustomerRecord): Buffer {
    let b = this.json.get(c.id);
    if (b === undefined) {
      b = Buffer.from(serializeCustomer(c, this.tenant.linkBase, this.tenant.hash), 'utf8');
      this.json.set(c.id, b);
    }
    return b;
  }

  /** Adds a record as is (seeding, fixtures); the caller guarantees coherence. */
  insert(c: CustomerRecord): void {
    this.records.set(c.id, c);
    this.ids.add(c.id);
    this.byEmail.set(c.email.toLowerCase(), c.id);
    this.groupSet(c.customer_group_id).add(c.id);
    if (c.id >= this.nextId) this.nextId = c.id + 1;
  }

  /**
   * Checks the rules a create must pass, changing nothing: lets a route refuse a duplicate email
   * before it spends time hashing a password. `create` checks again.
   */
  checkCreate(input: CustomerCreate): void {
    this.checkEmail(input.email);
    this.checkGroup(input.customer_group_id ?? 0);
    if (input.store_credit !== undefined) checkMoney(input.store_credit);
  }

  /** Checks the rules an update must pass, changing nothing (see `checkCreate`). */
  checkUpdate(id: number, input: CustomerUpdate): void {
    this.require(id);
    if (input.email !== undefined) this.checkEmail(input.email, id);
    if (input.customer_group_id !== undefined) this.checkGroup(input.customer_group_id);
    if (input.store_credit !== undefined) checkMoney(input.store_credit);
  }

  /** Creates a customer after checking every rule; nothing changes when one fails. */
  create(input: CustomerCreate, passwordHash: string | null, now: number): CustomerRecord {
    this.checkCreate(input);
    const groupId = input.customer_group_id ?? 0;
    const c: CustomerRecord = {
      id: this.nextId,
      company: input.company ?? '',
      first_name: input.first_name,
      last_name: input.last_name,
      email: input.email,
      phone: input.phone ?? '',
      form_fields: null,
      date_created: now,
      date_modified: now,
      store_credit: input.store_credit === undefined ? '0.0000' : checkMoney(input.store_credit),
      registration_ip_address: input.registration_ip_address ?? '',
      customer_group_id: groupId,
      notes: input.notes ?? '',
      tax_exempt_category: input.tax_exempt_category ?? '',
      reset_pass_on_login: input._authentication?.force_reset ?? input.reset_pass_on_login ?? false,
      accepts_marketing: false,
      password_hash: passwordHash,
    };
    this.insert(c);
    return c;
  }

  /** Applies a partial update; `passwordHash` undefined keeps the password. */
  update(id: number, input: CustomerUpdate, passwordHash: string | undefined, now: number): CustomerRecord {
    const old = this.require(id);
    if (input.email !== undefined) this.checkEmail(input.email, id);
    if (input.customer_group_id !== undefined) this.checkGroup(input.customer_group_id);
    const credit = input.store_credit === undefined ? old.store_credit : checkMoney(input.store_credit);
    const { _authentication: auth, ...fields } = input;
    const next: CustomerRecord = {
      ...old,
      ...fields,
      store_credit: credit,
      reset_pass_on_login: auth?.force_reset ?? input.reset_pass_on_login ?? old.reset_pass_on_login,
      password_hash: passwordHash === undefined ? old.password_hash : passwordHash,
      date_modified: Math.max(now, old.date_created),
    };
    this.replace(old, next);
    return next;
  }

  /** Deletes a customer and their addresses; 404 when there is none. */
  delete(id: number): void {
    const c = this.require(id);
    this.remove(c);
    this.ids.delete(id);
    this.tenant.addresses.deleteAllOf(id);
  }

  /** Deletes every customer matching the query (and their addresses); returns how many. */
  deleteWhere(q: CustomerQuery): number {
    const doomed = new Set<number>();
    for (const c of this.matches(q)) doomed.add(c.id);
    for (const id of doomed) {
      this.remove(this.records.get(id) as CustomerRecord);
      this.tenant.addresses.deleteAllOf(id);
    }
    if (doomed.size > 0) this.ids.deleteWhere((id) => doomed.has(id));
    return doomed.size;
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

  /** Sets `customer_group_id` to 0 for every member of a deleted group. */
  ungroup(groupId: number): void {
    const members = this.byGroup.get(groupId);
    if (!members) return;
    for (const id of [...members]) {
      const c = this.records.get(id) as CustomerRecord;
      this.replace(c, { ...c, customer_group_id: 0 });
    }
  }

  /** Every customer, in id order. */
  *all(): Generator<CustomerRecord> {
    for (let i = 0; i < this.ids.size; i++)
      yield this.records.get(this.ids.at(i) as number) as CustomerRecord;
  }

  private *matches(q: CustomerQuery): Generator<CustomerRecord> {
    if (q.email !== undefined) {
      const id = this.byEmail.get(q.email.toLowerCase());
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

  /**
   * Puts a changed copy of a record (same id) in place of the old one and moves only the index
   * entries that changed. Entries are overwritten, never deleted and added again: a V8 Map or Set
   * pays time in proportion to its size for a delete followed by an add.
   */
  private replace(old: CustomerRecord, next: CustomerRecord): void {
    this.records.set(next.id, next);
    this.json.set(next.id, undefined);
    const oldEmail = old.email.toLowerCase();
    const email = next.email.toLowerCase();
    if (email !== oldEmail && this.byEmail.get(oldEmail) === old.id) this.byEmail.delete(oldEmail);
    this.byEmail.set(email, next.id);
    if (next.customer_group_id !== old.customer_group_id) {
      this.byGroup.get(old.customer_group_id)?.delete(old.id);
      this.groupSet(next.customer_group_id).add(next.id);
    }
  }

  /** Drops a record from the map and the email/group indexes (not from the id list). */
  private remove(c: CustomerRecord): void {
    this.records.delete(c.id);
    this.json.delete(c.id);
    if (this.byEmail.get(c.email.toLowerCase()) === c.id) this.byEmail.delete(c.email.toLowerCase());
    this.byGroup.get(c.customer_group_id)?.delete(c.id);
  }

  private groupSet(groupId: number): Set<number> {
    let s = this.byGroup.get(groupId);
    if (!s) this.byGroup.set(groupId, (s = new Set()));
    return s;
  }

  private checkEmail(email: string, selfId?: number): void {
    const owner = this.byEmail.get(email.toLowerCase());
    if (owner !== undefined && owner !== selfId) throw invalidField('email', EMAIL_IN_USE);
  }

  private checkGroup(groupId: number): void {
    if (groupId !== 0 && !this.tenant.groups.get(groupId)) {
      throw invalidField('customer_group_id', `There is no customer group with id ${groupId}.`);
    }
  }
}

function checkMoney(value: number | string): string {
  const m = money(value);
  if (m === null || m.startsWith('-')) {
    throw invalidField('store_credit', 'Store credit must be a non-negative amount.');
  }
  return m;
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
    (q.email === undefined || c.email.toLowerCase() === q.email.toLowerCase()) &&
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

/** The platform's JSON for a customer: its keys in the platform's order, no secrets. */
export function serializeCustomer(c: CustomerRecord, linkBase: string, storeHash: string): string {
  return JSON.stringify({
    id: c.id,
    company: c.company,
    first_name: c.first_name,
    last_name: c.last_name,
    email: c.email,
    phone: c.phone,
    form_fields: c.form_fields,
    date_created: rfc2822(c.date_created),
    date_modified: rfc2822(c.date_modified),
    store_credit: c.store_credit,
    registration_ip_address: c.registration_ip_address,
    customer_group_id: c.customer_group_id,
    notes: c.notes,
    tax_exempt_category: c.tax_exempt_category,
    reset_pass_on_login: c.reset_pass_on_login,
    accepts_marketing: c.accepts_marketing,
    addresses: {
      url: `${linkBase}/stores/${storeHash}/v2/customers/${c.id}/addresses`,
      resource: `/customers/${c.id}/addresses`,
    },
  });
}
