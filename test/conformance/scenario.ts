/**
 * One scenario that walks every operation of the spec through its success and error answers,
 * written as data so that any HTTP front (Prism proxy, the fake itself) can replay it.
 */
import { newAddress, newCustomer, READ_ONLY, TOKEN } from '../helpers.js';

/** Ids captured while the scenario runs (customers, addresses, groups). */
export type Ids = Record<string, number>;

/** One request of the scenario and the answer the fake gives it. */
export interface Step {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below `/stores/{hash}/v2`, built from the ids captured so far. */
  path: (ids: Ids) => string;
  /** JSON value, or raw text (sent as is). */
  body?: unknown;
  /** Extra headers; `X-Auth-Token` is the full-scope token unless set here (null: none). */
  headers?: Record<string, string | null>;
  /** The status the fake answers. */
  status: number;
  /**
   * The spec's request side forbids this request (schema, security): Prism with `--errors`
   * answers it itself (422, or 401 for a missing token) and never forwards it.
   */
  specRejects?: boolean;
  /** Runs on the store `<hash>-rl` (the rate-limit part), not the main one. */
  limitedStore?: boolean;
  /** Runs on this store hash instead (a malformed one). */
  storeHash?: string;
  /** Saves ids from the parsed answer. */
  save?: (body: any, ids: Ids) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Password-validation quota of the scenario's server (`validateRateLimit.quota`). */
export const VALIDATE_QUOTA = 4;
/** Body cap of the scenario's server (`maxBodyBytes`), so that a 413 is cheap to provoke. */
export const MAX_BODY = 16 * 1024;

const JSON_TEXT = { 'Content-Type': 'application/json' };
const c = (ids: Ids, key: string): number => {
  const id = ids[key];
  if (id === undefined) throw new Error(`scenario: ${key} was not captured`);
  return id;
};
const save =
  (key: string) =>
  (body: { id: number }, ids: Ids): void => {
    ids[key] = body.id;
  };

const password = 'secret123';
const validAddress = newAddress();

/** The scenario, in order. Invalid requests change nothing, so ids stay the same either way. */
export const scenario: Step[] = [
  // customer groups
  { name: 'no groups yet', method: 'GET', path: () => '/customer_groups', status: 204 },
  { name: 'count groups', method: 'GET', path: () => '/customer_groups/count', status: 200 },
  {
    name: 'create a group with rules and specific access',
    method: 'POST',
    path: () => '/customer_groups',
    body: {
      name: 'Wholesale',
      category_access: { type: 'specific', categories: [1, 2] },
      discount_rules: [{ type: 'all', method: 'percent', amount: 5 }],
    },
    status: 201,
    save: save('g1'),
  },
  {
    name: 'create the default group',
    method: 'POST',
    path: () => '/customer_groups',
    body: { name: 'Retail', is_default: true, is_group_for_guests: true },
    status: 201,
    save: save('g2'),
  },
  {
    name: 'duplicate group name (any case)',
    method: 'POST',
    path: () => '/customer_groups',
    body: { name: 'wholesale' },
    status: 409,
  },
  {
    name: 'group without a name',
    method: 'POST',
    path: () => '/customer_groups',
    body: {},
    status: 400,
    specRejects: true,
  },
  {
    name: 'price_list rule with another rule',
    method: 'POST',
    path: () => '/customer_groups',
    body: {
      name: 'Mixed',
      discount_rules: [
        { type: 'price_list', price_list_id: 1 },
        { type: 'all', method: 'fixed', amount: '1' },
      ],
    },
    status: 400,
  },
  { name: 'list groups', method: 'GET', path: () => '/customer_groups', status: 200 },
  { name: 'groups by name:like', method: 'GET', path: () => '/customer_groups?name:like=sale', status: 200 },
  {
    name: 'groups by is_default',
    method: 'GET',
    path: () => '/customer_groups?is_default=true',
    status: 200,
  },
  {
    name: 'groups by date range',
    method: 'GET',
    path: () => '/customer_groups?date_created:min=2000-01-01&date_modified:max=2999-01-01T00:00:00',
    status: 200,
  },
  { name: 'no group of that name', method: 'GET', path: () => '/customer_groups?name=Nope', status: 204 },
  { name: 'groups page past the end', method: 'GET', path: () => '/customer_groups?page=2', status: 204 },
  {
    name: 'non-boolean is_default',
    method: 'GET',
    path: () => '/customer_groups?is_default=maybe',
    status: 400,
    specRejects: true,
  },
  {
    name: 'group limit over 250',
    method: 'GET',
    path: () => '/customer_groups?limit=251',
    status: 413,
    specRejects: true,
  },
  {
    name: 'count groups with a malformed date',
    method: 'GET',
    path: () => '/customer_groups/count?date_created:min=someday',
    status: 400,
  },
  {
    name: 'count default groups',
    method: 'GET',
    path: () => '/customer_groups/count?is_default=true',
    status: 200,
  },
  { name: 'get a group', method: 'GET', path: (i) => `/customer_groups/${c(i, 'g1')}`, status: 200 },
  { name: 'get a missing group', method: 'GET', path: () => '/customer_groups/999999', status: 404 },
  {
    name: 'replace a group’s rules',
    method: 'PUT',
    path: (i) => `/customer_groups/${c(i, 'g1')}`,
    body: { discount_rules: [{ type: 'category', method: 'percent', amount: '10', category_id: 3 }] },
    status: 200,
  },
  {
    name: 'rename a group onto another’s name',
    method: 'PUT',
    path: (i) => `/customer_groups/${c(i, 'g1')}`,
    body: { name: 'Retail' },
    status: 409,
  },
  {
    name: 'group name of the wrong type',
    method: 'PUT',
    path: (i) => `/customer_groups/${c(i, 'g1')}`,
    body: { name: 5 },
    status: 400,
    specRejects: true,
  },
  {
    name: 'update a missing group',
    method: 'PUT',
    path: () => '/customer_groups/999999',
    body: { name: 'X' },
    status: 404,
  },

  // customers
  { name: 'no customers yet', method: 'GET', path: () => '/customers', status: 204 },
  { name: 'count customers', method: 'GET', path: () => '/customers/count', status: 200 },
  {
    name: 'create a customer with every writable field',
    method: 'POST',
    path: () => '/customers',
    body: (ids: Ids) => ({
      ...newCustomer('ada'),
      email: 'ada@example.com',
      company: 'Analytical Engines',
      phone: '+44 20 7946 0000',
      store_credit: 12.5,
      registration_ip_address: '203.0.113.7',
      customer_group_id: c(ids, 'g1'),
      notes: 'first programmer',
      tax_exempt_category: 'A',
      reset_pass_on_login: false,
      _authentication: { password, password_confirmation: password },
    }),
    status: 201,
    save: save('c1'),
  },
  {
    name: 'create a second customer',
    method: 'POST',
    path: () => '/customers',
    body: (ids: Ids) => ({
      ...newCustomer('grace'),
      email: 'grace@example.com',
      customer_group_id: c(ids, 'g2'),
    }),
    status: 201,
    save: save('c2'),
  },
  {
    name: 'duplicate email in another case',
    method: 'POST',
    path: () => '/customers',
    body: { ...newCustomer('x'), email: 'ADA@example.com' },
    status: 400,
  },
  {
    name: 'customer without email',
    method: 'POST',
    path: () => '/customers',
    body: { first_name: 'No', last_name: 'Mail' },
    status: 400,
    specRejects: true,
  },
  {
    name: 'customer with a read-only id',
    method: 'POST',
    path: () => '/customers',
    body: { ...newCustomer('ro'), id: 5 },
    status: 400,
    specRejects: true,
  },
  {
    name: 'customer with a malformed email',
    method: 'POST',
    path: () => '/customers',
    body: { ...newCustomer('bad'), email: 'not-an-email' },
    status: 400,
    specRejects: true,
  },
  {
    name: 'customer in a missing group',
    method: 'POST',
    path: () => '/customers',
    body: { ...newCustomer('nogroup'), customer_group_id: 999999 },
    status: 400,
  },
  {
    name: 'customer with a weak password',
    method: 'POST',
    path: () => '/customers',
    body: { ...newCustomer('weak'), _authentication: { password: 'short' } },
    status: 400,
  },
  {
    name: 'customer body sent as text/plain',
    method: 'POST',
    path: () => '/customers',
    body: JSON.stringify(newCustomer('text')),
    headers: { 'Content-Type': 'text/plain' },
    status: 415,
    specRejects: true,
  },
  {
    name: 'customer body over the size cap',
    method: 'POST',
    path: () => '/customers',
    body: { ...newCustomer('big'), notes: 'n'.repeat(MAX_BODY + 1) },
    status: 413,
  },
  { name: 'list customers', method: 'GET', path: () => '/customers', status: 200 },
  {
    name: 'customers by email, any case',
    method: 'GET',
    path: () => '/customers?email=Ada@Example.com',
    status: 200,
  },
  {
    name: 'customers by group and id range',
    method: 'GET',
    path: (i) => `/customers?customer_group_id=${c(i, 'g1')}&min_id=1&max_id=100`,
    status: 200,
  },
  {
    name: 'customers by creation date and store credit',
    method: 'GET',
    path: () => '/customers?min_date_created=2000-01-01T00:00:00Z&store_credit=12.5',
    status: 200,
  },
  {
    name: 'customers by RFC 2822 modification date',
    method: 'GET',
    path: () => `/customers?max_date_modified=${encodeURIComponent('Fri, 01 Jan 2999 00:00:00 +0000')}`,
    status: 200,
  },
  {
    name: 'no customer of that name',
    method: 'GET',
    path: () => '/customers?first_name=Nobody',
    status: 204,
  },
  {
    name: 'customers page past the end',
    method: 'GET',
    path: () => '/customers?page=3&limit=1',
    status: 204,
  },
  { name: 'malformed email filter', method: 'GET', path: () => '/customers?email=broken', status: 400 },
  {
    name: 'customer limit 0',
    method: 'GET',
    path: () => '/customers?limit=0',
    status: 400,
    specRejects: true,
  },
  {
    name: 'customer limit over 250',
    method: 'GET',
    path: () => '/customers?limit=300',
    status: 413,
    specRejects: true,
  },
  {
    name: 'count customers of a group',
    method: 'GET',
    path: (i) => `/customers/count?customer_group_id=${c(i, 'g2')}`,
    status: 200,
  },
  {
    name: 'count with a malformed email filter',
    method: 'GET',
    path: () => '/customers/count?email=broken',
    status: 400,
  },
  { name: 'get a customer', method: 'GET', path: (i) => `/customers/${c(i, 'c1')}`, status: 200 },
  { name: 'get a missing customer', method: 'GET', path: () => '/customers/999999', status: 404 },
  {
    name: 'non-numeric customer id',
    method: 'GET',
    path: () => '/customers/abc',
    status: 404,
    specRejects: true,
  },
  {
    name: 'update a customer partly',
    method: 'PUT',
    path: (i) => `/customers/${c(i, 'c1')}`,
    body: { phone: '555-0100', store_credit: '7.25', _authentication: { force_reset: true } },
    status: 200,
  },
  {
    name: 'take another customer’s email on update',
    method: 'PUT',
    path: (i) => `/customers/${c(i, 'c2')}`,
    body: { email: 'Ada@Example.com' },
    status: 400,
  },
  {
    name: 'write a read-only date',
    method: 'PUT',
    path: (i) => `/customers/${c(i, 'c1')}`,
    body: { date_created: 'yesterday' },
    status: 400,
    specRejects: true,
  },
  {
    name: 'update a missing customer',
    method: 'PUT',
    path: () => '/customers/999999',
    body: { phone: '1' },
    status: 404,
  },

  // password validation (the scenario's main store uses exactly VALIDATE_QUOTA of them)
  {
    name: 'validate the right password',
    method: 'POST',
    path: (i) => `/customers/${c(i, 'c1')}/validate`,
    body: { password },
    status: 200,
  },
  {
    name: 'validate a wrong password',
    method: 'POST',
    path: (i) => `/customers/${c(i, 'c1')}/validate`,
    body: { password: 'wrong' },
    status: 200,
  },
  {
    name: 'validate for a missing customer',
    method: 'POST',
    path: () => '/customers/999999/validate',
    body: { password },
    status: 404,
  },
  {
    name: 'validate without a password',
    method: 'POST',
    path: (i) => `/customers/${c(i, 'c1')}/validate`,
    body: {},
    status: 400,
    specRejects: true,
  },

  // addresses
  { name: 'no addresses yet', method: 'GET', path: (i) => `/customers/${c(i, 'c1')}/addresses`, status: 204 },
  {
    name: 'count addresses',
    method: 'GET',
    path: (i) => `/customers/${c(i, 'c1')}/addresses/count`,
    status: 200,
  },
  {
    name: 'add an address',
    method: 'POST',
    path: (i) => `/customers/${c(i, 'c1')}/addresses`,
    body: validAddress,
    status: 201,
    save: save('a1'),
  },
  {
    name: 'add a commercial address in Canada',
    method: 'POST',
    path: (i) => `/customers/${c(i, 'c1')}/addresses`,
    body: {
      ...validAddress,
      country: 'Canada',
      state: 'Ontario',
      address_type: 'commercial',
      street_2: 'Suite 4',
    },
    status: 201,
    save: save('a2'),
  },
  {
    name: 'address in an unknown country',
    method: 'POST',
    path: (i) => `/customers/${c(i, 'c1')}/addresses`,
    body: { ...validAddress, country: 'Narnia' },
    status: 400,
  },
  {
    name: 'address without its required fields',
    method: 'POST',
    path: (i) => `/customers/${c(i, 'c1')}/addresses`,
    body: { first_name: 'Only' },
    status: 400,
    specRejects: true,
  },
  {
    name: 'address with a read-only country_iso2',
    method: 'POST',
    path: (i) => `/customers/${c(i, 'c1')}/addresses`,
    body: { ...validAddress, country_iso2: 'US' },
    status: 400,
    specRejects: true,
  },
  {
    name: 'address naming another customer',
    method: 'POST',
    path: (i) => `/customers/${c(i, 'c1')}/addresses`,
    body: (i: Ids) => ({ ...validAddress, customer_id: c(i, 'c2') }),
    status: 400,
  },
  {
    name: 'address for a missing customer',
    method: 'POST',
    path: () => '/customers/999999/addresses',
    body: validAddress,
    status: 404,
  },
  { name: 'list addresses', method: 'GET', path: (i) => `/customers/${c(i, 'c1')}/addresses`, status: 200 },
  {
    name: 'second page of addresses',
    method: 'GET',
    path: (i) => `/customers/${c(i, 'c1')}/addresses?page=2&limit=1`,
    status: 200,
  },
  {
    name: 'addresses page past the end',
    method: 'GET',
    path: (i) => `/customers/${c(i, 'c1')}/addresses?page=5`,
    status: 204,
  },
  {
    name: 'address limit over 250',
    method: 'GET',
    path: (i) => `/customers/${c(i, 'c1')}/addresses?limit=251`,
    status: 413,
    specRejects: true,
  },
  {
    name: 'addresses of a missing customer',
    method: 'GET',
    path: () => '/customers/999999/addresses',
    status: 404,
  },
  {
    name: 'count every address (legacy route)',
    method: 'GET',
    path: () => '/customers/addresses/count',
    status: 200,
  },
  {
    name: 'count every address with an unknown token',
    method: 'GET',
    path: () => '/customers/addresses/count',
    headers: { 'X-Auth-Token': 'nope' },
    status: 401,
  },
  {
    name: 'address count of a missing customer',
    method: 'GET',
    path: () => '/customers/999999/addresses/count',
    status: 404,
  },
  {
    name: 'get an address',
    method: 'GET',
    path: (i) => `/customers/${c(i, 'c1')}/addresses/${c(i, 'a1')}`,
    status: 200,
  },
  {
    name: 'get an address through another customer',
    method: 'GET',
    path: (i) => `/customers/${c(i, 'c2')}/addresses/${c(i, 'a1')}`,
    status: 404,
  },
  {
    name: 'update an address partly',
    method: 'PUT',
    path: (i) => `/customers/${c(i, 'c1')}/addresses/${c(i, 'a1')}`,
    body: { city: 'Dallas', country: 'United States' },
    status: 200,
  },
  {
    name: 'address type out of the enum',
    method: 'PUT',
    path: (i) => `/customers/${c(i, 'c1')}/addresses/${c(i, 'a1')}`,
    body: { address_type: 'villa' },
    status: 400,
    specRejects: true,
  },
  {
    name: 'update a missing address',
    method: 'PUT',
    path: (i) => `/customers/${c(i, 'c1')}/addresses/999999`,
    body: { city: 'X' },
    status: 404,
  },
  {
    name: 'delete an address',
    method: 'DELETE',
    path: (i) => `/customers/${c(i, 'c1')}/addresses/${c(i, 'a1')}`,
    status: 204,
  },
  {
    name: 'delete it again',
    method: 'DELETE',
    path: (i) => `/customers/${c(i, 'c1')}/addresses/${c(i, 'a1')}`,
    status: 404,
  },
  {
    name: 'delete all addresses of a customer',
    method: 'DELETE',
    path: (i) => `/customers/${c(i, 'c1')}/addresses`,
    status: 204,
  },
  {
    name: 'delete addresses of a missing customer',
    method: 'DELETE',
    path: () => '/customers/999999/addresses',
    status: 404,
  },
  {
    name: 'no addresses left',
    method: 'GET',
    path: (i) => `/customers/${c(i, 'c1')}/addresses`,
    status: 204,
  },

  // auth and negotiation
  {
    name: 'no token',
    method: 'GET',
    path: () => '/customers',
    headers: { 'X-Auth-Token': null },
    status: 401,
    specRejects: true,
  },
  {
    name: 'malformed store hash',
    method: 'GET',
    path: () => '/customers',
    storeHash: 'not.a.hash',
    status: 404,
    specRejects: true,
  },
  {
    name: 'unknown token',
    method: 'GET',
    path: () => '/customers',
    headers: { 'X-Auth-Token': 'nope' },
    status: 401,
  },
  {
    name: 'read-only token reads',
    method: 'GET',
    path: (i) => `/customers/${c(i, 'c1')}`,
    headers: { 'X-Auth-Token': READ_ONLY },
    status: 200,
  },
  {
    name: 'read-only token updates',
    method: 'PUT',
    path: (i) => `/customers/${c(i, 'c1')}`,
    body: { phone: '1' },
    headers: { 'X-Auth-Token': READ_ONLY },
    status: 403,
  },
  {
    name: 'read-only token deletes',
    method: 'DELETE',
    path: (i) => `/customer_groups/${c(i, 'g1')}`,
    headers: { 'X-Auth-Token': READ_ONLY },
    status: 403,
  },
  {
    // XML answers (Accept: application/xml) stay out of this run: Prism validates an XML body
    // as a string. The suite's own spec check reads them (docs/robustness.md).
    name: 'a format the store does not serve asked for',
    method: 'GET',
    path: (i) => `/customers/${c(i, 'c1')}`,
    headers: { Accept: 'text/html' },
    status: 406,
  },

  // deletes and cascades
  { name: 'delete a group', method: 'DELETE', path: (i) => `/customer_groups/${c(i, 'g1')}`, status: 204 },
  {
    name: 'delete the group again',
    method: 'DELETE',
    path: (i) => `/customer_groups/${c(i, 'g1')}`,
    status: 404,
  },
  { name: 'its customer is ungrouped', method: 'GET', path: (i) => `/customers/${c(i, 'c1')}`, status: 200 },
  {
    name: 'delete customers by email',
    method: 'DELETE',
    path: () => '/customers?email=grace@example.com',
    status: 204,
  },
  {
    name: 'malformed id bound on delete-many',
    method: 'DELETE',
    path: () => '/customers?min_id=abc',
    status: 400,
    specRejects: true,
  },
  { name: 'delete a customer', method: 'DELETE', path: (i) => `/customers/${c(i, 'c1')}`, status: 204 },
  {
    name: 'delete the customer again',
    method: 'DELETE',
    path: (i) => `/customers/${c(i, 'c1')}`,
    status: 404,
  },
  { name: 'delete every customer', method: 'DELETE', path: () => '/customers', status: 204 },
  { name: 'count after deleting', method: 'GET', path: () => '/customers/count', status: 200 },

  // the stricter limiter of password validation, on a store of its own
  ...Array.from({ length: VALIDATE_QUOTA }, (_, n): Step => ({
    name: `validate within the quota (${n + 1})`,
    method: 'POST',
    path: () => '/customers/1/validate',
    body: { password },
    status: 404,
    limitedStore: true,
  })),
  {
    name: 'validate over the quota',
    method: 'POST',
    path: () => '/customers/1/validate',
    body: { password },
    status: 429,
    limitedStore: true,
  },
];

/** Headers of a step's request. */
export function stepHeaders(step: Step): Record<string, string> {
  const out: Record<string, string> = { 'X-Auth-Token': TOKEN };
  if (step.body !== undefined) Object.assign(out, JSON_TEXT);
  for (const [k, v] of Object.entries(step.headers ?? {})) {
    const existing = Object.keys(out).find((h) => h.toLowerCase() === k.toLowerCase());
    if (existing) delete out[existing];
    if (v !== null) out[k] = v;
  }
  return out;
}

/** A step's body as sent (functions get the ids). */
export function stepBody(step: Step, ids: Ids): string | undefined {
  const b = typeof step.body === 'function' ? (step.body as (i: Ids) => unknown)(ids) : step.body;
  if (b === undefined) return undefined;
  return typeof b === 'string' ? b : JSON.stringify(b);
}
