/**
 * What the consumer pacts share: names, tokens, the client pointed at a Pact mock server, and the
 * matchers for the fields the client's users read. Matchers keep the pacts about shapes; literal
 * values appear only where the value itself is the contract (an updated field, `success`).
 */
import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { expect } from 'vitest';
import { BigCommerceApiError, createClient, type BigCommerceClient } from '../../src/client/index.js';
import { DEFAULT_READ_ONLY_TOKEN, DEFAULT_TOKEN } from '../../src/options.js';
import { PACT_STORE_HASH } from '../../src/provider-states/index.js';

const { boolean, eachLike, fromProviderState, integer, like, regex } = MatchersV3;

/** The consumer: this kit's typed client. */
export const CONSUMER = 'bc-fakestore-client';
/** The provider: the Customers V2 API (the real one, and the fake that stands in for it). */
export const PROVIDER = 'bigcommerce-customers-v2';
/** The store every pact talks to; provider verification maps it to the store under test. */
export const STORE_HASH = PACT_STORE_HASH;
/** Full-scope token in the pacts (the fake's default; verification can swap in another). */
export const TOKEN = DEFAULT_TOKEN;
/** Read-only token in the pacts. */
export const READ_ONLY_TOKEN = DEFAULT_READ_ONLY_TOKEN;

/** A new interaction of a V4 pact (the library does not export the type by name). */
export type NewInteraction = ReturnType<PactV4['addInteraction']>;
/** An interaction with its request and response described, ready to run. */
export type DescribedInteraction = ReturnType<ReturnType<NewInteraction['withRequest']>['willRespondWith']>;

/** One consumer behaviour: the interaction it expects and the client code that relies on it. */
export interface ContractCase {
  /** The test name, a behaviour of the client. */
  behaviour: string;
  /** Describes the expected request and response (the interaction's description and state included). */
  interaction(pact: NewInteraction): DescribedInteraction;
  /** Drives the client against the mock server at `baseUrl` and checks what it returns. */
  run(baseUrl: string): Promise<void>;
}

/** The typed client, pointed at a Pact mock server. */
export const clientAt = (baseUrl: string, token: string = TOKEN): BigCommerceClient =>
  createClient({ baseUrl, storeHash: STORE_HASH, token });

/** The headers the client sends on every request. */
export const clientHeaders = (token: string = TOKEN) => ({
  'X-Auth-Token': token,
  Accept: 'application/json',
});

/** A path under the store prefix, e.g. `/customers`. */
export const storePath = (rest: string): string => `/stores/${STORE_HASH}/v2${rest}`;

/**
 * A path holding ids the provider state creates: `/customers/${customerId}` becomes the state's
 * value at verification time and the example id in the consumer test.
 */
export function statePath(rest: string, example: Record<string, number>) {
  const concrete = rest.replace(/\$\{(\w+)\}/g, (_, name: string) => String(example[name]));
  return fromProviderState(storePath(rest), storePath(concrete));
}

/** RFC 2822 date in GMT, as customers carry them. */
export const RFC2822 =
  '^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000$';
/** A 4-decimal amount string, as the platform returns money. */
export const MONEY = '^\\d+\\.\\d{4}$';
/** The example date of the pacts. */
export const EXAMPLE_DATE = 'Mon, 06 May 2024 07:34:10 +0000';

/** The customer fields the client's users read; `fields` replace matchers with literal values. */
export const customerShape = (fields: Record<string, unknown> = {}) => ({
  id: integer(1),
  first_name: like('Jane'),
  last_name: like('Doe'),
  email: like('jane.doe@example.com'),
  date_created: regex(RFC2822, EXAMPLE_DATE),
  date_modified: regex(RFC2822, EXAMPLE_DATE),
  store_credit: regex(MONEY, '0.0000'),
  customer_group_id: integer(0),
  reset_pass_on_login: boolean(false),
  accepts_marketing: boolean(false),
  ...fields,
});

/** A non-empty page of customers. */
export const customerPage = () => eachLike(customerShape(), 1);

/** The address fields the client's users read. */
export const addressShape = (fields: Record<string, unknown> = {}) => ({
  id: integer(1),
  customer_id: integer(1),
  first_name: like('Jane'),
  last_name: like('Doe'),
  street_1: like('123 Main Street'),
  city: like('Austin'),
  state: like('Texas'),
  zip: like('78726'),
  country: like('United States'),
  country_iso2: regex('^[A-Z]{2}$', 'US'),
  phone: like('512-555-0100'),
  address_type: regex('^(residential|commercial)$', 'residential'),
  ...fields,
});

/** The customer-group fields the client's users read. */
export const groupShape = (fields: Record<string, unknown> = {}) => ({
  id: integer(1),
  name: like('Wholesale'),
  is_default: boolean(false),
  category_access: { type: regex('^(all|specific|none)$', 'all') },
  is_group_for_guests: boolean(false),
  ...fields,
});

/** `{"count": n}`. */
export const countShape = (n: number) => ({ count: integer(n) });

/** The v2 error array with one item. */
export const errorList = (status: number, message: unknown, details?: Record<string, unknown>) => [
  details ? { status, message, details } : { status, message },
];

/** The 404 of an unknown id. */
export const notFoundBody = () => errorList(404, like('The requested resource was not found.'));

/** The gateway's 403 object for a write with a read-only token. */
export const forbiddenBody = () => ({
  status: 403,
  title: like("You don't have a required scope to access the endpoint"),
  type: like('https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes'),
});

/** Expects the client to reject with a `BigCommerceApiError` of this status and first message. */
export async function expectApiError(
  call: Promise<unknown>,
  status: number,
  message?: string,
): Promise<BigCommerceApiError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BigCommerceApiError);
  const apiError = err as BigCommerceApiError;
  expect(apiError.status).toBe(status);
  if (message !== undefined) expect(apiError.messages[0]).toBe(message);
  return apiError;
}
