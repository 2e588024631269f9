/**
 * The V2 representation of records: the platform's JSON, keys in its order, dates in its formats,
 * secrets left out. One module per API generation: a V3 view would sit beside this one.
 */
import { groupDate, rfc2822 } from '../domain/format.js';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';

/** How group dates are written: the published examples' `2023-07-17 06:30:41`, or RFC 2822. */
export type GroupDateFormat = 'sql' | 'rfc2822';

/** The link object of a customer's addresses. */
export const addressesLink = (linkBase: string, storeHash: string, customerId: number) => ({
  url: `${linkBase}/stores/${storeHash}/v2/customers/${customerId}/addresses`,
  resource: `/customers/${customerId}/addresses`,
});

/** A customer as the API shows it (a plain value: JSON.stringify gives the platform's text). */
export function customerValue(c: CustomerRecord, linkBase: string, storeHash: string) {
  return {
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
    addresses: addressesLink(linkBase, storeHash, c.id),
  };
}

/** An address as the API shows it. */
export function addressValue(a: AddressRecord) {
  return {
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
  };
}

/** A group as the API shows it. */
export function groupValue(g: GroupRecord, dates: GroupDateFormat = 'sql') {
  const date = dates === 'sql' ? groupDate : rfc2822;
  return {
    id: g.id,
    name: g.name,
    is_default: g.is_default,
    category_access: g.category_access,
    discount_rules: g.discount_rules,
    is_group_for_guests: g.is_group_for_guests,
    date_created: date(g.date_created),
    date_modified: date(g.date_modified),
  };
}

/** The platform's JSON text of a customer. */
export const customerJson = (c: CustomerRecord, linkBase: string, storeHash: string): string =>
  JSON.stringify(customerValue(c, linkBase, storeHash));

/** The platform's JSON text of an address. */
export const addressJson = (a: AddressRecord): string => JSON.stringify(addressValue(a));

/** The platform's JSON text of a group. */
export const groupJson = (g: GroupRecord, dates: GroupDateFormat = 'sql'): string =>
  JSON.stringify(groupValue(g, dates));
