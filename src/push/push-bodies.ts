/** The bodies push sends: what the API lets a client write of each entity (no ids, dates or read-only fields). */
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';
import type { Address, AddressCreate, CustomerCreate, CustomerGroup, GroupCreate } from '../types.js';

/** A group as `POST /customer_groups` takes it. */
export const groupBody = (g: GroupRecord): GroupCreate => ({
  name: g.name,
  is_default: g.is_default,
  category_access: g.category_access,
  discount_rules: g.discount_rules,
  is_group_for_guests: g.is_group_for_guests,
});

/** Canonical JSON (keys sorted), so values the store echoes in its own key order compare equal. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** What differs between a group of the data set and the store's group of the same name (empty: nothing). */
export function groupDifferences(mine: GroupRecord, theirs: CustomerGroup): string[] {
  const fields = ['discount_rules', 'category_access', 'is_default', 'is_group_for_guests'] as const;
  return fields.filter((f) => canonical(mine[f]) !== canonical(theirs[f]));
}

/** A customer as `POST /customers` takes it, in the store's group, with their password when there is one. */
export function customerBody(c: CustomerRecord, groupId: number, password?: string): CustomerCreate {
  const body: CustomerCreate = {
    email: c.email,
    first_name: c.first_name,
    last_name: c.last_name,
    company: c.company,
    phone: c.phone,
    store_credit: c.store_credit,
    registration_ip_address: c.registration_ip_address,
    customer_group_id: groupId,
    notes: c.notes,
    tax_exempt_category: c.tax_exempt_category,
    reset_pass_on_login: c.reset_pass_on_login,
  };
  return password === undefined ? body : { ...body, _authentication: { password } };
}

/** The fields of an address a client writes. */
const ADDRESS_FIELDS =
  'first_name last_name company street_1 street_2 city state zip country phone address_type'.split(
    ' ',
  ) as (keyof AddressRecord & keyof AddressCreate)[];

/** An address as `POST /customers/{id}/addresses` takes it. */
export const addressBody = (a: AddressRecord): AddressCreate =>
  Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, a[f]])) as unknown as AddressCreate;

/** The fields that make two addresses of one customer the same address. */
export const addressKey = (a: Address | AddressCreate): string =>
  JSON.stringify(ADDRESS_FIELDS.map((f) => (a as Record<string, unknown>)[f] ?? ''));
