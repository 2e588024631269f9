/**
 * The rules of customers, written once for the API, provider states and fixtures: store credit,
 * the password rule, and how a record is built from what a client writes.
 */
import { checkAmount } from './group-rules.js';
import { passwordProblem } from './passwords.js';
import { failed, invalid, passed, type Checked, type FieldPath } from './reasons.js';
import type { CustomerUpdate } from '../types.js';
import type { CustomerRecord } from './records.js';

/** What a client (or a provider state) writes of a customer (the spec's update body). */
export type CustomerInput = CustomerUpdate;

/** What the platform says of an email address that another customer has. */
export const EMAIL_IN_USE = 'This email address is already in use by a customer.';

/** Emails are unique without case. */
export const emailKey = (email: string): string => email.toLowerCase();

/** Store credit: a non-negative amount, kept as a 4-decimal string. */
export const checkStoreCredit = (value: number | string, at: FieldPath = ['store_credit']): Checked<string> =>
  checkAmount(value, at);

/**
 * The password a write sets, checked: undefined when none is sent. Errors name `password` (or
 * `password_confirmation`), as the platform does, not `_authentication.password`.
 */
export function checkPassword(auth: CustomerInput['_authentication']): Checked<string | undefined> {
  if (auth?.password === undefined) {
    return auth?.password_confirmation === undefined
      ? passed(undefined)
      : failed(invalid(['password'], 'a password_confirmation needs a password'));
  }
  if (auth.password_confirmation !== undefined && auth.password_confirmation !== auth.password) {
    return failed(invalid(['password_confirmation'], 'the password confirmation does not match'));
  }
  const problem = passwordProblem(auth.password);
  return problem ? failed(invalid(['password'], problem)) : passed(auth.password);
}

/** A new customer from what a client writes, with the defaults of the platform. */
export function buildCustomer(
  input: CustomerInput & { first_name: string; last_name: string; email: string },
  id: number,
  groupId: number,
  now: number,
  passwordHash: string | null,
): Checked<CustomerRecord> {
  const credit = input.store_credit === undefined ? passed('0.0000') : checkStoreCredit(input.store_credit);
  if (!credit.ok) return credit;
  return passed({
    id,
    company: input.company ?? '',
    first_name: input.first_name,
    last_name: input.last_name,
    email: input.email,
    phone: input.phone ?? '',
    form_fields: null,
    date_created: now,
    date_modified: now,
    store_credit: credit.value,
    registration_ip_address: input.registration_ip_address ?? '',
    customer_group_id: groupId,
    notes: input.notes ?? '',
    tax_exempt_category: input.tax_exempt_category ?? '',
    reset_pass_on_login: input._authentication?.force_reset ?? input.reset_pass_on_login ?? false,
    accepts_marketing: false,
    password_hash: passwordHash,
  });
}

/** A customer with a partial update applied; `passwordHash` undefined keeps the password. */
export function updateCustomer(
  old: CustomerRecord,
  input: CustomerInput,
  now: number,
  passwordHash: string | undefined,
): Checked<CustomerRecord> {
  const credit =
    input.store_credit === undefined ? passed(old.store_credit) : checkStoreCredit(input.store_credit);
  if (!credit.ok) return credit;
  const { _authentication: auth, ...fields } = input;
  return passed({
    ...old,
    ...fields,
    store_credit: credit.value,
    reset_pass_on_login: auth?.force_reset ?? input.reset_pass_on_login ?? old.reset_pass_on_login,
    password_hash: passwordHash === undefined ? old.password_hash : passwordHash,
    date_modified: Math.max(now, old.date_created),
  });
}
