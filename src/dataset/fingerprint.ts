/**
 * The sha256 fingerprint of a world. Every entity is written in the canonical binary encoding of
 * canonical.ts (customers and addresses as their values in API key order, groups with sorted keys),
 * each kind into its own hash in id order; the fingerprint is the sha256 of the three kind digests.
 */
import { createHash } from 'node:crypto';
import type { AddressRecord, CustomerRecord, DataEntry, FormField, GroupRecord } from '../domain/records.js';
import { CanonicalHash } from './canonical.js';

function formFields(out: CanonicalHash, fields: readonly FormField[] | null): void {
  if (fields === null) return out.null();
  out.list(fields.length);
  for (const field of fields) {
    out.record(2);
    out.string(field.name);
    out.string(field.value);
  }
}

/** How a plain password counts in a fingerprint: by its sha256, so salted hashes never change it. */
const passwordMarker = (password: string): string =>
  `sha256:${createHash('sha256').update(password).digest('hex')}`;

/** Builds a fingerprint entity by entity, in id order per kind, while records are fresh in memory. */
export class Fingerprinter {
  private readonly groups = new CanonicalHash();
  private readonly customers = new CanonicalHash();
  private readonly addresses = new CanonicalHash();
  private counts = { groups: 0, customers: 0, addresses: 0 };

  /** Adds the next entry of a data set; a customer with a plain password in `passwords` counts by it. */
  entry(e: DataEntry, passwords?: ReadonlyMap<number, string>): void {
    if (e.kind === 'group') return this.group(e.group);
    const password = passwords?.get(e.customer.id);
    this.customer(
      password === undefined ? e.customer : { ...e.customer, password_hash: passwordMarker(password) },
    );
    for (const a of e.addresses) this.address(a);
  }

  /** Adds the next group. */
  group(g: GroupRecord): void {
    this.counts.groups++;
    this.groups.value(g);
  }

  /** Adds the next customer. */
  customer(c: CustomerRecord): void {
    this.counts.customers++;
    const out = this.customers;
    out.record(17);
    out.number(c.id);
    out.string(c.company);
    out.string(c.first_name);
    out.string(c.last_name);
    out.string(c.email);
    out.string(c.phone);
    formFields(out, c.form_fields);
    out.number(c.date_created);
    out.number(c.date_modified);
    out.string(c.store_credit);
    out.string(c.registration_ip_address);
    out.number(c.customer_group_id);
    out.string(c.notes);
    out.string(c.tax_exempt_category);
    out.boolean(c.reset_pass_on_login);
    out.boolean(c.accepts_marketing);
    out.string(c.password_hash);
  }

  /** Adds the next address. */
  address(a: AddressRecord): void {
    this.counts.addresses++;
    const out = this.addresses;
    out.record(15);
    out.number(a.id);
    out.number(a.customer_id);
    out.string(a.first_name);
    out.string(a.last_name);
    out.string(a.company);
    out.string(a.street_1);
    out.string(a.street_2);
    out.string(a.city);
    out.string(a.state);
    out.string(a.zip);
    out.string(a.country);
    out.string(a.country_iso2);
    out.string(a.phone);
    out.string(a.address_type);
    formFields(out, a.form_fields);
  }

  /** The sha256 hex fingerprint of everything added. */
  digest(): string {
    const { groups, customers, addresses } = this.counts;
    const summary = [
      'bc-fakestore/world/v1',
      `groups ${groups} ${this.groups.digest()}`,
      `customers ${customers} ${this.customers.digest()}`,
      `addresses ${addresses} ${this.addresses.digest()}`,
    ];
    return createHash('sha256')
      .update(`${summary.join('\n')}\n`)
      .digest('hex');
  }
}
