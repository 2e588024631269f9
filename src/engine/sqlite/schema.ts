/**
 * The tables of a bc-fakestore database, as Kysely types them. Every record row carries the
 * integer id of its store (`store_id`); a store hash names at most one live store row.
 */
import type { Generated } from 'kysely';

/**
 * Text a client wrote: a string, or the UTF-16 code units of a string that is not well-formed
 * Unicode (a lone surrogate), which UTF-8 text could not keep exactly (see rows.ts).
 */
export type Text = string | Uint8Array;

/** One store: its hash while it is live, its fingerprint, next ids and entity counts. */
export interface StoresTable {
  id: Generated<number>;
  /** The hash it answers to; null while it loads and once it is retired (its rows then go). */
  hash: string | null;
  /** The hash a store being loaded will answer to (for the record; null once live). */
  loading_hash: string | null;
  fingerprint: string | null;
  next_customer_id: number;
  next_address_id: number;
  next_group_id: number;
  customer_count: number;
  address_count: number;
  group_count: number;
}

/** A customer. */
export interface CustomersTable {
  store_id: number;
  id: number;
  company: Text;
  first_name: Text;
  last_name: Text;
  email: Text;
  phone: Text;
  /** JSON of the form fields, or null. */
  form_fields: string | null;
  date_created: number;
  date_modified: number;
  store_credit: string;
  registration_ip_address: Text;
  customer_group_id: number;
  notes: Text;
  tax_exempt_category: Text;
  reset_pass_on_login: number;
  accepts_marketing: number;
  password_hash: string | null;
}

/**
 * The customers of a store by email without case: the unique email index, as a table of its own
 * so that a bulk load can write it once, in key order, after the customers (see bulk-load.ts).
 */
export interface CustomerEmailsTable {
  store_id: number;
  email_key: Text;
  customer_id: number;
}

/** An address of a customer. */
export interface AddressesTable {
  store_id: number;
  id: number;
  customer_id: number;
  first_name: Text;
  last_name: Text;
  company: Text;
  street_1: Text;
  street_2: Text;
  city: Text;
  state: Text;
  zip: Text;
  country: Text;
  country_iso2: string;
  phone: Text;
  address_type: string;
  form_fields: string | null;
}

/** A customer group; `name_key` is the name without case. Access and rules are JSON. */
export interface GroupsTable {
  store_id: number;
  id: number;
  name: Text;
  name_key: Text;
  is_default: number;
  is_group_for_guests: number;
  category_access: string;
  discount_rules: string;
  date_created: number;
  date_modified: number;
}

/** The database, as Kysely sees it. */
export interface Tables {
  stores: StoresTable;
  customers: CustomersTable;
  customer_emails: CustomerEmailsTable;
  addresses: AddressesTable;
  groups: GroupsTable;
}

/** A customer row as read back. */
export type CustomerRow = CustomersTable;
/** An address row as read back. */
export type AddressRow = AddressesTable;
/** A group row as read back. */
export type GroupRow = GroupsTable;
/** A store row as read back. */
export type StoreRow = Omit<StoresTable, 'id'> & { id: number };
