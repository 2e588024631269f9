/** Addresses of one store's customers: nested under their customer, country code derived. */
import { invalidField, notFound } from '../errors.js';
import type { AddressCreate, AddressUpdate } from '../types.js';
import { countryIso2 } from './countries.js';
import type { PageRequest } from './customers.js';
import type { AddressRecord } from './records.js';
import type { Tenant } from './tenant.js';

/** Addresses of a tenant, indexed by id and by customer (ids in ascending order). */
export class AddressRepo {
  private readonly records = new Map<number, AddressRecord>();
  private readonly byCustomer = new Map<number, number[]>();
  private nextId = 1;

  constructor(private readonly tenant: Tenant) {}

  /** Number of addresses in the store. */
  get size(): number {
    return this.records.size;
  }

  /** The address, when it belongs to this customer; else a 404. */
  require(customerId: number, id: number): AddressRecord {
    this.tenant.customers.require(customerId);
    const a = this.records.get(id);
    if (!a || a.customer_id !== customerId) throw notFound();
    return a;
  }

  /** Adds a record as is (seeding, fixtures); the caller guarantees coherence. */
  insert(a: AddressRecord): void {
    this.records.set(a.id, a);
    const list = this.byCustomer.get(a.customer_id);
    // A new array of the exact length each time: an array grown by push keeps room for 17 ids,
    // some 13 MB of nothing in a store of 100k customers with a few addresses each.
    if (!list) this.byCustomer.set(a.customer_id, [a.id]);
    else if (list[list.length - 1]! < a.id) this.byCustomer.set(a.customer_id, list.concat(a.id));
    else if (!list.includes(a.id)) {
      this.byCustomer.set(
        a.customer_id,
        list.concat(a.id).sort((x, y) => x - y),
      );
    }
    if (a.id >= this.nextId) this.nextId = a.id + 1;
  }

  /** Adds an address to an existing customer. */
  create(customerId: number, input: AddressCreate): AddressRecord {
    this.tenant.customers.require(customerId);
    checkOwner(input.customer_id, customerId);
    const a: AddressRecord = {
      id: this.nextId,
      customer_id: customerId,
      first_name: input.first_name,
      last_name: input.last_name,
      company: input.company ?? '',
      street_1: input.street_1,
      street_2: input.street_2 ?? '',
      city: input.city,
      state: input.state,
      zip: input.zip,
      country: input.country,
      country_iso2: iso2Of(input.country),
      phone: input.phone,
      address_type: input.address_type ?? 'residential',
      form_fields: null,
    };
    this.insert(a);
    return a;
  }

  /** Applies a partial update to a customer's address. */
  update(customerId: number, id: number, input: AddressUpdate): AddressRecord {
    const old = this.require(customerId, id);
    checkOwner(input.customer_id, customerId);
    const iso2 = input.country === undefined ? old.country_iso2 : iso2Of(input.country);
    const next: AddressRecord = { ...old, ...input, customer_id: customerId, country_iso2: iso2 };
    this.records.set(id, next);
    return next;
  }

  /** Deletes one of a customer's addresses. */
  delete(customerId: number, id: number): void {
    this.require(customerId, id);
    this.records.delete(id);
    const list = this.byCustomer.get(customerId) ?? [];
    list.splice(list.indexOf(id), 1);
  }

  /** Deletes all addresses of a customer (also used when the customer goes). */
  deleteAllOf(customerId: number): void {
    for (const id of this.byCustomer.get(customerId) ?? []) this.records.delete(id);
    this.byCustomer.delete(customerId);
  }

  /** One page of a customer's addresses, in id order. */
  page(customerId: number, p: PageRequest): AddressRecord[] {
    this.tenant.customers.require(customerId);
    const ids = this.byCustomer.get(customerId) ?? [];
    const start = (p.page - 1) * p.limit;
    return ids.slice(start, start + p.limit).map((id) => this.records.get(id) as AddressRecord);
  }

  /** How many addresses a customer has. */
  count(customerId: number): number {
    this.tenant.customers.require(customerId);
    return this.byCustomer.get(customerId)?.length ?? 0;
  }

  /** Every address of every customer, by customer then id. */
  *all(): Generator<AddressRecord> {
    for (const c of this.tenant.customers.all()) {
      for (const id of this.byCustomer.get(c.id) ?? []) yield this.records.get(id) as AddressRecord;
    }
  }
}

function checkOwner(sent: number | undefined, customerId: number): void {
  if (sent !== undefined && sent !== customerId) {
    throw invalidField('customer_id', 'The address belongs to the customer named in the path.');
  }
}

function iso2Of(country: string): string {
  const code = countryIso2(country);
  if (!code) throw invalidField('country', `'${country}' is not a country name.`);
  return code;
}

/** The platform's JSON for an address, keys in its order. */
export function serializeAddress(a: AddressRecord): string {
  return JSON.stringify({
    id: a.id,
    customer_id: a.customer_id,
    first_name: a.first_name,
    last_name: a.last_name,
    company: a.company,
    street_1: a.street_1,
    street_2: a.street_2,
    city: a.city,
    state: a.state,
    zip: a.zip,
    country: a.country,
    country_iso2: a.country_iso2,
    phone: a.phone,
    address_type: a.address_type,
    form_fields: a.form_fields,
  });
}
