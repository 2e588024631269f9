/**
 * Records to rows and back, exactly: booleans as 0/1, JSON fields as text, and any string that
 * is not well-formed Unicode (a lone surrogate, which JSON allows) kept as its UTF-16 code units,
 * so that what a client wrote reads back the same after a restart.
 */
import { emailKey } from '../../domain/customer-rules.js';
import { groupNameKey } from '../../domain/group-rules.js';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../../domain/records.js';
import type { AddressRow, CustomerRow, GroupRow, Text } from './schema.js';

const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** A string as stored: itself, or its UTF-16 code units when UTF-8 text could not keep it. */
export const text = (s: string): Text => (wellFormed(s) ? s : Buffer.from(s, 'utf16le'));

/** A stored string back. */
export const str = (v: Text): string =>
  typeof v === 'string' ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf16le');

const json = (v: unknown): string | null => (v === null ? null : JSON.stringify(v));

/** The stored key of an email: the email without case. */
export const emailKeyOf = (email: string): Text => text(emailKey(email));

/** The columns of a customer row, in the order `customerArgs` gives them. */
export const CUSTOMER_COLUMNS = [
  'store_id',
  'id',
  'company',
  'first_name',
  'last_name',
  'email',
  'phone',
  'form_fields',
  'date_created',
  'date_modified',
  'store_credit',
  'registration_ip_address',
  'customer_group_id',
  'notes',
  'tax_exempt_category',
  'reset_pass_on_login',
  'accepts_marketing',
  'password_hash',
] as const satisfies readonly (keyof CustomerRow)[];

/** A customer's row values, in `CUSTOMER_COLUMNS` order. */
export const customerArgs = (storeId: number, c: CustomerRecord): unknown[] => [
  storeId,
  c.id,
  text(c.company),
  text(c.first_name),
  text(c.last_name),
  text(c.email),
  text(c.phone),
  json(c.form_fields),
  c.date_created,
  c.date_modified,
  c.store_credit,
  text(c.registration_ip_address),
  c.customer_group_id,
  text(c.notes),
  text(c.tax_exempt_category),
  c.reset_pass_on_login ? 1 : 0,
  c.accepts_marketing ? 1 : 0,
  c.password_hash,
];

/** A customer row back as a record. */
export const customerOf = (r: CustomerRow): CustomerRecord => ({
  id: r.id,
  company: str(r.company),
  first_name: str(r.first_name),
  last_name: str(r.last_name),
  email: str(r.email),
  phone: str(r.phone),
  form_fields: r.form_fields === null ? null : JSON.parse(r.form_fields),
  date_created: r.date_created,
  date_modified: r.date_modified,
  store_credit: r.store_credit,
  registration_ip_address: str(r.registration_ip_address),
  customer_group_id: r.customer_group_id,
  notes: str(r.notes),
  tax_exempt_category: str(r.tax_exempt_category),
  reset_pass_on_login: r.reset_pass_on_login === 1,
  accepts_marketing: r.accepts_marketing === 1,
  password_hash: r.password_hash,
});

/** The columns of an address row, in the order `addressArgs` gives them. */
export const ADDRESS_COLUMNS = [
  'store_id',
  'id',
  'customer_id',
  'first_name',
  'last_name',
  'company',
  'street_1',
  'street_2',
  'city',
  'state',
  'zip',
  'country',
  'country_iso2',
  'phone',
  'address_type',
  'form_fields',
] as const satisfies readonly (keyof AddressRow)[];

/** An address's row values, in `ADDRESS_COLUMNS` order. */
export const addressArgs = (storeId: number, a: AddressRecord): unknown[] => [
  storeId,
  a.id,
  a.customer_id,
  text(a.first_name),
  text(a.last_name),
  text(a.company),
  text(a.street_1),
  text(a.street_2),
  text(a.city),
  text(a.state),
  text(a.zip),
  text(a.country),
  a.country_iso2,
  text(a.phone),
  a.address_type,
  json(a.form_fields),
];

/** An address row back as a record. */
export const addressOf = (r: AddressRow): AddressRecord => ({
  id: r.id,
  customer_id: r.customer_id,
  first_name: str(r.first_name),
  last_name: str(r.last_name),
  company: str(r.company),
  street_1: str(r.street_1),
  street_2: str(r.street_2),
  city: str(r.city),
  state: str(r.state),
  zip: str(r.zip),
  country: str(r.country),
  country_iso2: r.country_iso2,
  phone: str(r.phone),
  address_type: r.address_type as AddressRecord['address_type'],
  form_fields: r.form_fields === null ? null : JSON.parse(r.form_fields),
});

/** The columns of a group row, in the order `groupArgs` gives them. */
export const GROUP_COLUMNS = [
  'store_id',
  'id',
  'name',
  'name_key',
  'is_default',
  'is_group_for_guests',
  'category_access',
  'discount_rules',
  'date_created',
  'date_modified',
] as const satisfies readonly (keyof GroupRow)[];

/** A group's row values, in `GROUP_COLUMNS` order. */
export const groupArgs = (storeId: number, g: GroupRecord): unknown[] => [
  storeId,
  g.id,
  text(g.name),
  text(groupNameKey(g.name)),
  g.is_default ? 1 : 0,
  g.is_group_for_guests ? 1 : 0,
  JSON.stringify(g.category_access),
  JSON.stringify(g.discount_rules),
  g.date_created,
  g.date_modified,
];

/** A group row back as a record. */
export const groupOf = (r: GroupRow): GroupRecord => ({
  id: r.id,
  name: str(r.name),
  is_default: r.is_default === 1,
  category_access: JSON.parse(r.category_access),
  discount_rules: JSON.parse(r.discount_rules),
  is_group_for_guests: r.is_group_for_guests === 1,
  date_created: r.date_created,
  date_modified: r.date_modified,
});
