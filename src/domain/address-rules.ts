/**
 * The rules of addresses, written once for the API and for fixtures: the country is a full
 * country name the platform knows, stored under its canonical name, and `country_iso2` follows it.
 */
import { findCountry, type Country } from './countries.js';
import { failed, invalid, passed, type Checked, type FieldPath } from './reasons.js';
import type { AddressCreate, AddressUpdate } from '../types.js';
import type { AddressRecord } from './records.js';

/** What a client writes of an address (the spec's update body: every field optional). */
export type AddressInput = AddressUpdate;

/** The fields a new address must have (the spec's create body; sheet 3.5). */
export type NewAddressInput = AddressCreate;

/** A country name the platform knows (any case, common aliases), or why not. */
export function checkCountry(name: string, at: FieldPath = ['country']): Checked<Country> {
  const country = findCountry(name);
  return country
    ? passed(country)
    : failed(invalid(at, `'${name}' is not a country name (use the full English name, e.g. United States)`));
}

/** An address names its customer in the path; a body that names another is refused. */
export function checkOwner(sent: number | undefined, customerId: number): Checked<number> {
  return sent !== undefined && sent !== customerId
    ? failed(invalid(['customer_id'], 'the address belongs to the customer named in the path'))
    : passed(customerId);
}

/** A new address of a customer, with the platform's defaults. */
export function buildAddress(input: NewAddressInput, id: number, customerId: number): Checked<AddressRecord> {
  const owner = checkOwner(input.customer_id, customerId);
  if (!owner.ok) return owner;
  const country = checkCountry(input.country);
  if (!country.ok) return country;
  return passed({
    id,
    customer_id: customerId,
    first_name: input.first_name,
    last_name: input.last_name,
    company: input.company ?? '',
    street_1: input.street_1,
    street_2: input.street_2 ?? '',
    city: input.city,
    state: input.state,
    zip: input.zip,
    country: country.value.name,
    country_iso2: country.value.iso2,
    phone: input.phone,
    address_type: input.address_type ?? 'residential',
    form_fields: null,
  });
}

/** An address with a partial update applied. */
export function updateAddress(old: AddressRecord, input: AddressInput): Checked<AddressRecord> {
  const owner = checkOwner(input.customer_id, old.customer_id);
  if (!owner.ok) return owner;
  const country = input.country === undefined ? undefined : checkCountry(input.country);
  if (country && !country.ok) return country;
  return passed({
    ...old,
    ...input,
    customer_id: old.customer_id,
    country: country ? country.value.name : old.country,
    country_iso2: country ? country.value.iso2 : old.country_iso2,
  });
}
