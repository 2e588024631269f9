/**
 * Model-based fuzzing of one store: fast-check generates sequences of valid and invalid
 * requests from the spec, each is sent to a fresh app (in-process, every answer checked against
 * the spec), its answer is compared with the model's prediction, and the whole store is read
 * back and checked after every step. `runFuzz` is the entry point of the test and of `npm run fuzz`.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { inject, type InjectOptions } from 'light-my-request';
import type { App } from '../../src/app.js';
import { answerBody } from '../../src/spec-conformance.js';
import { assertConforms, READ_ONLY, storeCounts, testApp, TOKEN } from '../helpers.js';
import { bodyArb, GroupPick, Pick, type BodySchema, type BodySpec } from './fuzz-arbitraries.js';
import {
  addressesOf,
  customersOf,
  emailTaken,
  emptyModel,
  expectPage,
  groupDate,
  groupNameTaken,
  groupsOf,
  integerFilter,
  invariantProblems,
  lastWins,
  matching,
  pageFilter,
  parseShownDate,
  rfc2822,
  writeDate,
  type DateForm,
  type Filter,
  type Json,
  type Model,
} from './fuzz-oracle.js';

/** Totals of a fuzz session. */
export interface FuzzStats {
  runs: number;
  commands: number;
  /** Every request sent: the generated ones plus the read-back after each step. */
  requests: number;
  /** The generated requests alone (one per command, but ticks send none). */
  generatedRequests: number;
  /** Answers with status >= 500, except 501 to an unknown method (any one fails the run). */
  serverErrors: number;
  byStatus: Record<string, number>;
  byOperation: Record<string, number>;
}

/** Options of `runFuzz`. */
export interface FuzzOptions {
  runs: number;
  /** fast-check seed; random when omitted (printed either way). */
  seed?: number;
  /** fast-check replay path of a failure (with its seed). */
  path?: string;
  /** Most commands per run. */
  maxCommands?: number;
}

type Auth = 'full' | 'read' | 'none' | 'bad' | 'other';

/** How a request is sent: token, `.json` suffix, Accept, Content-Type, HEAD for GETs. */
interface Envelope {
  auth: Auth;
  json: boolean;
  accept: string | undefined;
  contentType: string | null;
  head: boolean;
}

/** A path id: a pick resolved against the model, or a raw segment. */
type Target = Pick | { raw: string };

interface FilterRecipe {
  name: string;
  mode: 'existing' | 'random' | 'invalid';
  pick: number;
  text: string;
  delta: number;
  form: DateForm;
  offset: number;
  upper: boolean;
}

type Op =
  | 'listCustomers'
  | 'countCustomers'
  | 'deleteCustomers'
  | 'createCustomer'
  | 'getCustomer'
  | 'updateCustomer'
  | 'deleteCustomer'
  | 'validateCustomerPassword'
  | 'listCustomerAddresses'
  | 'countCustomerAddresses'
  | 'createCustomerAddress'
  | 'getCustomerAddress'
  | 'updateCustomerAddress'
  | 'deleteCustomerAddress'
  | 'deleteCustomerAddresses'
  | 'listCustomerGroups'
  | 'countCustomerGroups'
  | 'createCustomerGroup'
  | 'getCustomerGroup'
  | 'updateCustomerGroup'
  | 'deleteCustomerGroup'
  | 'tick'
  | 'junk';

/** One generated command. */
interface Action {
  op: Op;
  env: Envelope;
  c?: Target;
  a?: Target;
  g?: Target;
  body?: BodySpec;
  filters?: FilterRecipe[];
  page?: string;
  limit?: string;
  /** Parameters the API does not know (ignored). */
  extra?: Array<[string, string]>;
  seconds?: number;
  junk?: { method: string; path: string; status: 'route' | 'store' };
}

/** The system under test for one run. */
interface Real {
  app: App;
  hash: string;
  clock: { now: number };
  stats: FuzzStats;
  snapshot: string | undefined;
  nextId: { customer: number; address: number; group: number };
}

interface Res {
  head: boolean;
  status: number;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const KNOWN_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'];
const OTHER_STORE_TOKEN = 'fuzz-token-of-another-store';
const TOKENS: Record<Exclude<Auth, 'none'>, string> = {
  full: TOKEN,
  read: READ_ONLY,
  bad: 'not-a-known-token',
  other: OTHER_STORE_TOKEN,
};
const GOOD_ACCEPT = [
  'application/json',
  '*/*',
  'application/json; charset=utf-8',
  'text/plain;q=0.5, application/*',
  // XML answers are read back by the spec and held to the same model as JSON ones.
  'application/xml',
];
const BAD_ACCEPT = ['text/xml', 'text/html'];
const GOOD_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'application/vnd.api+json',
];
const BAD_TYPES: Array<string | null> = ['text/plain', 'application/x-www-form-urlencoded', null];
/** The countries the fuzzer sends, by lower-cased name: stored under their canonical name. */
const COUNTRY: Record<string, [string, string]> = {
  'united states': ['United States', 'US'],
  canada: ['Canada', 'CA'],
  germany: ['Germany', 'DE'],
  pakistan: ['Pakistan', 'PK'],
  japan: ['Japan', 'JP'],
  brazil: ['Brazil', 'BR'],
  france: ['France', 'FR'],
};
/** Most customers one DELETE /customers removes (lowest ids first). */
const DELETE_BATCH = 100;
const LINK_BASE = 'https://api.bigcommerce.com';
/** Keys of a customer and of an address, in the order the platform sends them (sheet 4.1, 4.8). */
const CUSTOMER_KEYS =
  'id,company,first_name,last_name,email,phone,form_fields,date_created,date_modified,store_credit,registration_ip_address,customer_group_id,notes,tax_exempt_category,reset_pass_on_login,accepts_marketing,addresses';
const ADDRESS_KEYS =
  'id,customer_id,first_name,last_name,company,street_1,street_2,city,state,zip,country,country_iso2,phone,address_type,form_fields';

class FuzzFailure extends Error {
  override name = 'FuzzFailure';
}

// ---------------------------------------------------------------------------------------------
// Sending

/** Replaces lone surrogates as a URL encoder does, so the oracle sees the value actually sent. */
const wellFormed = (s: string): string =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

function queryString(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(wellFormed(v))}`).join('&');
}

async function send(
  r: Real,
  method: string,
  path: string,
  env: Envelope,
  opts: { query?: Array<[string, string]>; body?: string; store?: string; noSuffix?: boolean } = {},
): Promise<Res> {
  const q = opts.query?.length ? `?${queryString(opts.query)}` : '';
  const suffix = env.json && !opts.noSuffix ? '.json' : '';
  const url = `/stores/${opts.store ?? r.hash}/v2${path}${suffix}${q}`;
  const headers: Record<string, string> = {};
  if (env.auth !== 'none') headers['x-auth-token'] = TOKENS[env.auth];
  if (env.accept !== undefined) headers.accept = env.accept;
  if (env.contentType !== null) headers['content-type'] = env.contentType;
  const res = await inject(r.app.handle, {
    method: method as InjectOptions['method'],
    url,
    headers,
    payload: opts.body,
  });
  r.stats.requests++;
  r.stats.byStatus[res.statusCode] = (r.stats.byStatus[res.statusCode] ?? 0) + 1;
  // 501 is the spec's answer to a method the API does not know (PATCH, TRACE), not a failure.
  if (res.statusCode >= 500 && !(res.statusCode === 501 && !KNOWN_METHODS.includes(method))) {
    r.stats.serverErrors++;
    throw new FuzzFailure(`${method} ${url} answered ${res.statusCode}: ${res.payload}`);
  }
  assertConforms(method, url, { status: res.statusCode, headers: res.headers, text: res.payload });
  let body: unknown;
  if (res.payload && method !== 'HEAD')
    body = answerBody({ method, url, status: res.statusCode, headers: res.headers, body: res.payload });
  return { head: method === 'HEAD', status: res.statusCode, text: res.payload, body };
}

/** A plain read with the full token (the state checks). */
const read = (r: Real, path: string, query: Array<[string, string]> = []): Promise<Res> =>
  send(
    r,
    'GET',
    path,
    { auth: 'full', json: false, accept: undefined, contentType: null, head: false },
    { query },
  );

function must(ok: boolean, message: () => string): void {
  if (!ok) throw new FuzzFailure(message());
}

function expectError(res: Res, status: number, what: string): void {
  must(
    res.status === status,
    () => `${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 400)}`,
  );
  if (res.head) must(res.text === '', () => `${what}: a HEAD answer has a body`);
  else if (status === 401 || status === 403) {
    must(
      res.body?.status === status,
      () => `${what}: the gateway error body lacks status ${status}: ${res.text}`,
    );
  } else {
    must(
      Array.isArray(res.body) && res.body.length >= 1 && res.body[0].status === status,
      () => `${what}: not a v2 error array with status ${status}: ${res.text}`,
    );
  }
}

function expectJson(res: Res, status: number, want: Json, what: string, keys?: string): void {
  must(
    res.status === status,
    () => `${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 400)}`,
  );
  must(isDeepStrictEqual(res.body, want), () => `${what}: got ${res.text}\n  want ${JSON.stringify(want)}`);
  if (keys)
    must(
      Object.keys(res.body).join(',') === keys,
      () => `${what}: keys out of order: ${Object.keys(res.body)}`,
    );
}

// ---------------------------------------------------------------------------------------------
// Resolving picks

interface Resolved {
  seg: string;
  id: number;
  state: 'live' | 'gone' | 'noroute';
}

const MISSING_BASE = 900_000;

function resolve(t: Target | undefined, live: number[], deleted: number[], foreign: number[] = []): Resolved {
  if (!t) throw new Error('fuzz: target missing');
  if (!(t instanceof Pick))
    return { seg: t.raw, id: Number(t.raw), state: t.raw === '0' ? 'gone' : 'noroute' };
  const from = (list: number[]): number | undefined =>
    list.length ? list[t.index % list.length] : undefined;
  const missing = (): Resolved => ({ seg: String(MISSING_BASE + (t.index % 1000)), id: -1, state: 'gone' });
  let id: number | undefined;
  switch (t.kind) {
    case 'existing':
      id = from(live);
      return id === undefined ? missing() : { seg: String(id), id, state: 'live' };
    case 'deleted':
      id = from(deleted);
      break;
    case 'foreign':
      id = from(foreign);
      break;
    case 'missing':
      break;
  }
  return id === undefined ? missing() : { seg: String(id), id, state: 'gone' };
}

const customerIds = (m: Model): number[] => customersOf(m).map((c) => c.id);
const groupIds = (m: Model): number[] => groupsOf(m).map((g) => g.id);

function resolveCustomer(a: Action, m: Model): Resolved {
  return resolve(a.c, customerIds(m), m.deleted.customers);
}

function resolveAddress(a: Action, m: Model, customer: Resolved): Resolved {
  const own = customer.state === 'live' ? addressesOf(m, customer.id).map((x) => x.id) : [];
  const foreign = [...m.addresses.values()].filter((x) => x.customer_id !== customer.id).map((x) => x.id);
  return resolve(
    a.a,
    own,
    m.deleted.addresses.map(([, id]) => id),
    foreign,
  );
}

/** Replaces GroupPicks in a body by group ids; reports whether each exists. */
function resolveBody(v: unknown, m: Model, missingGroup: { value: boolean }): unknown {
  if (v instanceof GroupPick) {
    const r = resolve(v, groupIds(m), m.deleted.groups);
    if (r.state !== 'live' && v.kind === 'existing') return 0;
    if (r.state !== 'live') missingGroup.value = true;
    return r.state === 'live' ? r.id : Number(r.seg);
  }
  if (Array.isArray(v)) return v.map((x) => resolveBody(x, m, missingGroup));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveBody(x, m, missingGroup)]));
  }
  return v;
}

interface SentBody {
  text: string | undefined;
  value: Json | undefined;
  missingGroup: boolean;
}

function sentBody(spec: BodySpec | undefined, m: Model): SentBody {
  if (!spec) return { text: undefined, value: undefined, missingGroup: false };
  if (spec.kind === 'schema-invalid' && spec.raw !== undefined) {
    return { text: spec.raw, value: undefined, missingGroup: false };
  }
  const flag = { value: false };
  const value = resolveBody(spec.value, m, flag);
  return { text: JSON.stringify(value), value: value as Json, missingGroup: flag.value };
}

// ---------------------------------------------------------------------------------------------
// Expected answers

/**
 * The gate every store request passes: token, scope, Accept (in the platform's order). An Accept
 * naming no served format is a 406 unless a `.json` suffix asks for JSON (sheet 6.2: the suffix
 * comes before the Accept ranges that name nothing the store serves).
 */
function gate(env: Envelope, write: boolean, suffixed = env.json): number | undefined {
  if (env.auth !== 'full' && env.auth !== 'read') return 401;
  if (env.auth === 'read' && write) return 403;
  if (env.accept !== undefined && BAD_ACCEPT.includes(env.accept) && !suffixed) return 406;
  return undefined;
}

/** A body whose only fault is a changed read-only field: an update judges it once the record is found. */
const readOnlyEcho = (spec: BodySpec | undefined): boolean =>
  spec?.kind === 'schema-invalid' && spec.reason.startsWith('read-only');

/** The body gate: JSON content type, then the schema (for an update, not its read-only fields). */
function bodyGate(env: Envelope, spec: BodySpec | undefined, update = false): number | undefined {
  if (env.contentType === null || !GOOD_TYPES.includes(env.contentType)) return 415;
  if (spec?.kind === 'schema-invalid' && !(update && readOnlyEcho(spec))) return 400;
  return undefined;
}

/** An update's 400 for a read-only field that differs from the stored record. */
const echoGate = (spec: BodySpec | undefined): number | undefined => (readOnlyEcho(spec) ? 400 : undefined);

/** The group a customer created without one joins: the default group, if the store has one. */
const defaultGroupId = (m: Model): number => groupsOf(m).find((g) => g.is_default)?.id ?? 0;

const money = (v: unknown): string => Number(v).toFixed(4);

function customerJson(id: number, input: Json, old: Json | undefined, now: number, hash: string): Json {
  const keep = (k: string, dflt: unknown): unknown => input[k] ?? old?.[k] ?? dflt;
  const auth = input._authentication as Json | undefined;
  return {
    id,
    company: keep('company', ''),
    first_name: keep('first_name', ''),
    last_name: keep('last_name', ''),
    email: keep('email', ''),
    phone: keep('phone', ''),
    form_fields: null,
    date_created: old ? old.date_created : rfc2822(now),
    date_modified: rfc2822(now),
    store_credit:
      input.store_credit !== undefined ? money(input.store_credit) : (old?.store_credit ?? '0.0000'),
    registration_ip_address: keep('registration_ip_address', ''),
    customer_group_id: keep('customer_group_id', 0),
    notes: keep('notes', ''),
    tax_exempt_category: keep('tax_exempt_category', ''),
    reset_pass_on_login: auth?.force_reset ?? input.reset_pass_on_login ?? old?.reset_pass_on_login ?? false,
    accepts_marketing: false,
    addresses: {
      url: `${LINK_BASE}/stores/${hash}/v2/customers/${id}/addresses`,
      resource: `/customers/${id}/addresses`,
    },
  };
}

function addressJson(id: number, customerId: number, input: Json, old: Json | undefined): Json {
  const keep = (k: string, dflt: unknown): unknown => input[k] ?? old?.[k] ?? dflt;
  const [country, iso2] = COUNTRY[(keep('country', '') as string).toLowerCase()] ?? ['', ''];
  return {
    id,
    customer_id: customerId,
    first_name: keep('first_name', ''),
    last_name: keep('last_name', ''),
    company: keep('company', ''),
    street_1: keep('street_1', ''),
    street_2: keep('street_2', ''),
    city: keep('city', ''),
    state: keep('state', ''),
    zip: keep('zip', ''),
    country,
    country_iso2: iso2,
    phone: keep('phone', ''),
    address_type: keep('address_type', 'residential'),
    form_fields: null,
  };
}

function ruleJson(r: Json): Json {
  if (r.type === 'price_list') return { type: 'price_list', price_list_id: r.price_list_id };
  const base = { type: r.type, method: r.method, amount: money(r.amount) };
  if (r.type === 'category') return { ...base, category_id: r.category_id };
  if (r.type === 'product') return { ...base, product_id: r.product_id };
  return base;
}

function groupJson(id: number, input: Json, old: Json | undefined, now: number): Json {
  const access = input.category_access as Json | undefined;
  return {
    id,
    name: input.name ?? old?.name,
    is_default: input.is_default ?? old?.is_default ?? false,
    category_access: access
      ? access.type === 'specific'
        ? { type: 'specific', categories: [...new Set(access.categories as number[])] }
        : { type: access.type }
      : (old?.category_access ?? { type: 'all' }),
    discount_rules: input.discount_rules
      ? (input.discount_rules as Json[]).map(ruleJson)
      : (old?.discount_rules ?? []),
    is_group_for_guests: input.is_group_for_guests ?? old?.is_group_for_guests ?? false,
    date_created: old ? old.date_created : groupDate(now),
    date_modified: groupDate(now),
  };
}

// ---------------------------------------------------------------------------------------------
// Filters

const INVALID_DATES = ['yesterday', '2024-13-45', '06/05/2024'];

function dateFilter(
  name: string,
  rec: FilterRecipe,
  base: number,
  cmp: (e: Json) => number,
  op: 'min' | 'max' | 'eq',
): Filter {
  if (rec.mode === 'invalid')
    return { name, value: INVALID_DATES[rec.pick % INVALID_DATES.length] as string, invalid: 400 };
  const bound = writeDate(base + rec.delta * 1000, rec.form, rec.offset);
  const keeps =
    op === 'min'
      ? (e: Json) => cmp(e) >= bound.ms
      : op === 'max'
        ? (e: Json) => cmp(e) <= bound.ms
        : (e: Json) => cmp(e) === bound.ms;
  return { name, value: bound.text, keeps };
}

function customerFilter(rec: FilterRecipe, m: Model): Filter {
  const cs = customersOf(m);
  const c = cs.length ? (cs[rec.pick % cs.length] as Json) : undefined;
  const name = rec.name;
  switch (name) {
    case 'email': {
      if (rec.mode === 'invalid') {
        return {
          name,
          value: ['broken', 'nobody.example.com', 'a b@c.d'][rec.pick % 3] as string,
          invalid: 400,
        };
      }
      const raw = rec.mode === 'existing' && c ? (c.email as string) : `nobody${rec.pick % 7}@example.com`;
      const value = rec.upper ? raw.toUpperCase() : raw;
      return { name, value, keeps: (e) => e.email.toLowerCase() === value.toLowerCase() };
    }
    case 'store_credit': {
      if (rec.mode === 'invalid')
        return { name, value: ['abc', '', '12abc', ' '][rec.pick % 4] as string, invalid: 400 };
      const value =
        rec.mode === 'existing' && c
          ? rec.upper
            ? String(Number(c.store_credit))
            : c.store_credit
          : String(rec.pick % 50);
      return { name, value, keeps: (e) => Number(e.store_credit) === Number(value) };
    }
    case 'customer_group_id': {
      if (rec.mode === 'invalid')
        return { name, value: ['-1', 'x', '1.5'][rec.pick % 3] as string, invalid: 400 };
      const value = String(rec.mode === 'existing' && c ? c.customer_group_id : rec.pick % 5);
      return integerFilter(name, value, 0, (e, n) => e.customer_group_id === n);
    }
    case 'min_id':
    case 'max_id': {
      if (rec.mode === 'invalid')
        return { name, value: ['x', '1.5', ''][rec.pick % 3] as string, invalid: 400 };
      const value = String(rec.mode === 'existing' && c ? c.id + rec.delta : (rec.pick % 20) - 5);
      return integerFilter(
        name,
        value,
        Number.MIN_SAFE_INTEGER,
        name === 'min_id' ? (e, n) => e.id >= n : (e, n) => e.id <= n,
      );
    }
    case 'min_date_created':
    case 'max_date_created':
    case 'min_date_modified':
    case 'max_date_modified': {
      const field = name.endsWith('created') ? 'date_created' : 'date_modified';
      const base = c ? parseShownDate(c[field]) : m.now;
      return dateFilter(
        name,
        rec,
        base,
        (e) => parseShownDate(e[field]),
        name.startsWith('min') ? 'min' : 'max',
      );
    }
    default: {
      const value = wellFormed(rec.mode === 'existing' && c ? String(c[name]) : rec.text);
      return { name, value, keeps: (e) => e[name] === value };
    }
  }
}

function groupFilter(rec: FilterRecipe, m: Model): Filter {
  const gs = groupsOf(m);
  const g = gs.length ? (gs[rec.pick % gs.length] as Json) : undefined;
  const name = rec.name;
  switch (name) {
    case 'name': {
      const value = wellFormed(rec.mode === 'existing' && g ? g.name : rec.text);
      return { name, value, keeps: (e) => e.name === value };
    }
    case 'name:like': {
      const whole = wellFormed(rec.mode === 'existing' && g ? g.name : rec.text);
      const part = whole.slice(
        rec.pick % Math.max(1, whole.length),
        (rec.pick % Math.max(1, whole.length)) + 3,
      );
      const value = wellFormed(rec.upper ? part.toUpperCase() : part);
      return { name, value, keeps: (e) => e.name.toLowerCase().includes(value.toLowerCase()) };
    }
    case 'is_default':
    case 'is_group_for_guests': {
      if (rec.mode === 'invalid')
        return { name, value: ['yes', 'maybe', '2'][rec.pick % 3] as string, invalid: 400 };
      const value = ['true', 'false', '1', '0'][rec.pick % 4] as string;
      const want = value === 'true' || value === '1';
      return { name, value, keeps: (e) => e[name] === want };
    }
    default: {
      const field = name.startsWith('date_created') ? 'date_created' : 'date_modified';
      const base = g ? parseShownDate(g[field]) : m.now;
      const op = name.endsWith(':min') ? 'min' : name.endsWith(':max') ? 'max' : 'eq';
      return dateFilter(name, rec, base, (e) => parseShownDate(e[field]), op);
    }
  }
}

function pageParams(a: Action): Filter[] {
  const out: Filter[] = [];
  if (a.page !== undefined) out.push(pageFilter('page', a.page));
  if (a.limit !== undefined) out.push(pageFilter('limit', a.limit));
  return out;
}

const pairsOf = (filters: Filter[]): Array<[string, string]> => filters.map((f) => [f.name, f.value]);

// ---------------------------------------------------------------------------------------------
// Executing one action

function forget(m: Model, customerId: number): void {
  for (const addr of addressesOf(m, customerId)) {
    m.addresses.delete(addr.id);
    m.deleted.addresses.push([customerId, addr.id]);
  }
  m.customers.delete(customerId);
  m.passwords.delete(customerId);
  m.deleted.customers.push(customerId);
}

/** Runs one action against the fake and the model; returns whether the store may have changed. */
async function execute(a: Action, m: Model, r: Real, gone: string[]): Promise<boolean> {
  if (a.op === 'tick') {
    m.now += (a.seconds as number) * 1000;
    r.clock.now = m.now;
    return false;
  }
  const what = describe(a);
  const env = a.env;
  const write = ['create', 'update', 'delete', 'validate'].some((p) => a.op.startsWith(p));
  const g0 = gate(env, write);
  switch (a.op) {
    case 'junk': {
      const j = a.junk as NonNullable<Action['junk']>;
      const res = await send(r, j.method, j.path, env, {
        noSuffix: true,
        store: j.status === 'store' ? 'bad.hash' : undefined,
        body: env.contentType ? '{}' : undefined,
      });
      let want: number;
      if (j.status === 'store') want = 404;
      else {
        // Only POST, PUT and DELETE need the write scope; other methods are 405/501 for any token.
        const g = gate(env, ['POST', 'PUT', 'DELETE'].includes(j.method), false);
        const known = KNOWN_METHODS.includes(j.method);
        want = g === 401 || g === 403 ? g : !known ? 501 : g === 406 ? 406 : JUNK_ALLOWED[j.path] ? 405 : 404;
      }
      expectError(res, want, what);
      return false;
    }
    case 'listCustomers':
    case 'countCustomers':
    case 'deleteCustomers': {
      const recipes = (a.filters ?? []).map((f) => customerFilter(f, m));
      const filters = lastWins(recipes);
      const pageF = pageParams(a);
      const query = [...pairsOf(recipes), ...pairsOf(pageF), ...(a.extra ?? [])];
      const method = a.op === 'deleteCustomers' ? 'DELETE' : env.head ? 'HEAD' : 'GET';
      const path = a.op === 'countCustomers' ? '/customers/count' : '/customers';
      const res = await send(r, method, path, env, { query });
      const bad = filters.find((f) => f.invalid !== undefined)?.invalid;
      if (g0 ?? bad) {
        expectError(res, (g0 ?? bad) as number, what);
        return false;
      }
      if (a.op === 'listCustomers') {
        const want = expectPage(customersOf(m), filters, pageF);
        if (method === 'HEAD')
          must(
            res.status === want.status,
            () => `${what}: HEAD answered ${res.status}, GET would be ${want.status}`,
          );
        else if (want.status >= 400) expectError(res, want.status, what);
        else if (want.status === 204)
          must(
            res.status === 204 && res.text === '',
            () => `${what}: want an empty 204, got ${res.status} ${res.text}`,
          );
        else expectJson(res, 200, want.items, what);
        return false;
      }
      const hits = matching(customersOf(m), filters);
      if (a.op === 'countCustomers') {
        if (method === 'HEAD') must(res.status === 200, () => `${what}: HEAD answered ${res.status}`);
        else expectJson(res, 200, { count: hits.length }, what);
        return false;
      }
      must(res.status === 204 && res.text === '', () => `${what}: want 204, got ${res.status} ${res.text}`);
      for (const c of hits.slice(0, DELETE_BATCH)) {
        forget(m, c.id);
        gone.push(`/customers/${c.id}`);
      }
      return true;
    }
    case 'createCustomer': {
      const body = sentBody(a.body, m);
      const res = await send(r, 'POST', '/customers', env, { body: body.text });
      const v = body.value as Json;
      const want =
        g0 ??
        bodyGate(env, a.body) ??
        (a.body?.kind === 'rule-invalid' || emailTaken(m, v.email) || body.missingGroup ? 400 : undefined);
      if (want) {
        expectError(res, want, what);
        return false;
      }
      const id = r.nextId.customer++;
      const json = customerJson(id, { customer_group_id: defaultGroupId(m), ...v }, undefined, m.now, r.hash);
      expectJson(res, 201, json, what, CUSTOMER_KEYS);
      m.customers.set(id, json);
      m.passwords.set(id, v._authentication?.password ?? null);
      return true;
    }
    case 'getCustomer':
    case 'deleteCustomer':
    case 'countCustomerAddresses':
    case 'deleteCustomerAddresses': {
      const c = resolveCustomer(a, m);
      const isGet = a.op === 'getCustomer' || a.op === 'countCustomerAddresses';
      const method = isGet ? (env.head ? 'HEAD' : 'GET') : 'DELETE';
      const suffix = a.op.endsWith('Addresses')
        ? a.op.startsWith('count')
          ? '/addresses/count'
          : '/addresses'
        : '';
      const res = await send(r, method, `/customers/${c.seg}${suffix}`, env);
      const want = g0 ?? (c.state !== 'live' ? 404 : undefined);
      if (want) {
        expectError(res, want, what);
        return false;
      }
      if (method === 'HEAD') {
        must(res.status === 200, () => `${what}: HEAD answered ${res.status}`);
        return false;
      }
      switch (a.op) {
        case 'getCustomer':
          expectJson(res, 200, m.customers.get(c.id) as Json, what, CUSTOMER_KEYS);
          return false;
        case 'countCustomerAddresses':
          expectJson(res, 200, { count: addressesOf(m, c.id).length }, what);
          return false;
        case 'deleteCustomer':
          must(
            res.status === 204 && res.text === '',
            () => `${what}: want 204, got ${res.status} ${res.text}`,
          );
          forget(m, c.id);
          gone.push(`/customers/${c.id}`);
          return true;
        default:
          must(
            res.status === 204 && res.text === '',
            () => `${what}: want 204, got ${res.status} ${res.text}`,
          );
          for (const addr of addressesOf(m, c.id)) {
            m.addresses.delete(addr.id);
            m.deleted.addresses.push([c.id, addr.id]);
            gone.push(`/customers/${c.id}/addresses/${addr.id}`);
          }
          return true;
      }
    }
    case 'updateCustomer': {
      const c = resolveCustomer(a, m);
      const body = sentBody(a.body, m);
      const res = await send(r, 'PUT', `/customers/${c.seg}`, env, { body: body.text });
      const v = body.value as Json;
      const want =
        g0 ??
        (c.state === 'noroute' ? 404 : undefined) ??
        bodyGate(env, a.body, true) ??
        (c.state !== 'live' ? 404 : undefined) ??
        echoGate(a.body) ??
        (a.body?.kind === 'rule-invalid' ||
        (v.email !== undefined && emailTaken(m, v.email, c.id)) ||
        body.missingGroup
          ? 400
          : undefined);
      if (want) {
        expectError(res, want, what);
        return false;
      }
      const json = customerJson(c.id, v, m.customers.get(c.id), m.now, r.hash);
      expectJson(res, 200, json, what, CUSTOMER_KEYS);
      m.customers.set(c.id, json);
      if (v._authentication?.password !== undefined) m.passwords.set(c.id, v._authentication.password);
      return true;
    }
    case 'validateCustomerPassword': {
      const c = resolveCustomer(a, m);
      const body = sentBody(a.body, m);
      const res = await send(r, 'POST', `/customers/${c.seg}/validate`, env, { body: body.text });
      const want =
        g0 ??
        (c.state === 'noroute' ? 404 : undefined) ??
        bodyGate(env, a.body) ??
        (c.state !== 'live' ? 404 : undefined);
      if (want) {
        expectError(res, want, what);
        return false;
      }
      const known = m.passwords.get(c.id);
      expectJson(res, 200, { success: known !== null && known === body.value?.password }, what);
      return false;
    }
    case 'listCustomerAddresses': {
      const c = resolveCustomer(a, m);
      const pageF = pageParams(a);
      const res = await send(r, env.head ? 'HEAD' : 'GET', `/customers/${c.seg}/addresses`, env, {
        query: [...pairsOf(pageF), ...(a.extra ?? [])],
      });
      const pageBad = pageF.find((f) => f.invalid !== undefined)?.invalid;
      const want =
        g0 ?? (c.state === 'noroute' ? 404 : undefined) ?? pageBad ?? (c.state !== 'live' ? 404 : undefined);
      if (want) {
        expectError(res, want, what);
        return false;
      }
      const page = expectPage(addressesOf(m, c.id), [], pageF);
      if (env.head) must(res.status === page.status, () => `${what}: HEAD answered ${res.status}`);
      else if (page.status === 204)
        must(res.status === 204, () => `${what}: want 204, got ${res.status} ${res.text}`);
      else expectJson(res, 200, page.items, what);
      return false;
    }
    case 'createCustomerAddress': {
      const c = resolveCustomer(a, m);
      const body = sentBody(a.body, m);
      const res = await send(r, 'POST', `/customers/${c.seg}/addresses`, env, { body: body.text });
      const want =
        g0 ??
        (c.state === 'noroute' ? 404 : undefined) ??
        bodyGate(env, a.body) ??
        (c.state !== 'live' ? 404 : undefined) ??
        (a.body?.kind === 'rule-invalid' ? 400 : undefined);
      if (want) {
        expectError(res, want, what);
        return false;
      }
      const id = r.nextId.address++;
      const json = addressJson(id, c.id, body.value as Json, undefined);
      expectJson(res, 201, json, what, ADDRESS_KEYS);
      m.addresses.set(id, json);
      return true;
    }
    case 'getCustomerAddress':
    case 'deleteCustomerAddress':
    case 'updateCustomerAddress': {
      const c = resolveCustomer(a, m);
      const ad = resolveAddress(a, m, c);
      const body = a.op === 'updateCustomerAddress' ? sentBody(a.body, m) : undefined;
      const method =
        a.op === 'getCustomerAddress'
          ? env.head
            ? 'HEAD'
            : 'GET'
          : a.op === 'deleteCustomerAddress'
            ? 'DELETE'
            : 'PUT';
      const res = await send(r, method, `/customers/${c.seg}/addresses/${ad.seg}`, env, { body: body?.text });
      const want =
        g0 ??
        (c.state === 'noroute' || ad.state === 'noroute' ? 404 : undefined) ??
        (body ? bodyGate(env, a.body, true) : undefined) ??
        (c.state !== 'live' || ad.state !== 'live' ? 404 : undefined) ??
        (body ? echoGate(a.body) : undefined) ??
        (a.body?.kind === 'rule-invalid' ? 400 : undefined);
      if (want) {
        expectError(res, want, what);
        return false;
      }
      if (method === 'HEAD') {
        must(res.status === 200, () => `${what}: HEAD answered ${res.status}`);
        return false;
      }
      if (method === 'GET') {
        expectJson(res, 200, m.addresses.get(ad.id) as Json, what, ADDRESS_KEYS);
        return false;
      }
      if (method === 'DELETE') {
        must(res.status === 204 && res.text === '', () => `${what}: want 204, got ${res.status} ${res.text}`);
        m.addresses.delete(ad.id);
        m.deleted.addresses.push([c.id, ad.id]);
        gone.push(`/customers/${c.id}/addresses/${ad.id}`);
        return true;
      }
      const json = addressJson(ad.id, c.id, body?.value as Json, m.addresses.get(ad.id));
      expectJson(res, 200, json, what, ADDRESS_KEYS);
      m.addresses.set(ad.id, json);
      return true;
    }
    case 'listCustomerGroups':
    case 'countCustomerGroups': {
      const recipes = (a.filters ?? []).map((f) => groupFilter(f, m));
      const filters = lastWins(recipes);
      const pageF = pageParams(a);
      const path = a.op === 'countCustomerGroups' ? '/customer_groups/count' : '/customer_groups';
      const res = await send(r, env.head ? 'HEAD' : 'GET', path, env, {
        query: [...pairsOf(recipes), ...pairsOf(pageF), ...(a.extra ?? [])],
      });
      const bad = filters.find((f) => f.invalid !== undefined)?.invalid;
      if (g0 ?? bad) {
        expectError(res, (g0 ?? bad) as number, what);
        return false;
      }
      if (a.op === 'countCustomerGroups') {
        if (env.head) must(res.status === 200, () => `${what}: HEAD answered ${res.status}`);
        else expectJson(res, 200, { count: matching(groupsOf(m), filters).length }, what);
        return false;
      }
      const want = expectPage(groupsOf(m), filters, pageF);
      if (env.head) must(res.status === want.status, () => `${what}: HEAD answered ${res.status}`);
      else if (want.status >= 400) expectError(res, want.status, what);
      else if (want.status === 204)
        must(res.status === 204, () => `${what}: want 204, got ${res.status} ${res.text}`);
      else expectJson(res, 200, want.items, what);
      return false;
    }
    case 'createCustomerGroup':
    case 'updateCustomerGroup': {
      const create = a.op === 'createCustomerGroup';
      const g = create ? undefined : resolve(a.g, groupIds(m), m.deleted.groups);
      const body = sentBody(a.body, m);
      const v = body.value as Json;
      const res = await send(
        r,
        create ? 'POST' : 'PUT',
        create ? '/customer_groups' : `/customer_groups/${g?.seg}`,
        env,
        {
          body: body.text,
        },
      );
      const want =
        g0 ??
        (g?.state === 'noroute' ? 404 : undefined) ??
        bodyGate(env, a.body, !create) ??
        (g && g.state !== 'live' ? 404 : undefined) ??
        (create ? undefined : echoGate(a.body)) ??
        (v.name !== undefined && groupNameTaken(m, v.name, g?.id) ? 409 : undefined) ??
        (a.body?.kind === 'rule-invalid' ? 400 : undefined);
      if (want) {
        expectError(res, want, what);
        return false;
      }
      const id = g ? g.id : r.nextId.group++;
      const json = groupJson(id, v, g ? m.groups.get(g.id) : undefined, m.now);
      expectJson(res, create ? 201 : 200, json, what);
      // The default group and the guest group are one group each: the flag moves.
      for (const flag of ['is_default', 'is_group_for_guests']) {
        if (json[flag]) for (const other of m.groups.values()) other[flag] = false;
      }
      m.groups.set(id, json);
      return true;
    }
    case 'getCustomerGroup':
    case 'deleteCustomerGroup': {
      const g = resolve(a.g, groupIds(m), m.deleted.groups);
      const method = a.op === 'deleteCustomerGroup' ? 'DELETE' : env.head ? 'HEAD' : 'GET';
      const res = await send(r, method, `/customer_groups/${g.seg}`, env);
      const want = g0 ?? (g.state !== 'live' ? 404 : undefined);
      if (want) {
        expectError(res, want, what);
        return false;
      }
      if (method === 'HEAD') must(res.status === 200, () => `${what}: HEAD answered ${res.status}`);
      else if (method === 'GET') expectJson(res, 200, m.groups.get(g.id) as Json, what);
      else {
        must(res.status === 204 && res.text === '', () => `${what}: want 204, got ${res.status} ${res.text}`);
        m.groups.delete(g.id);
        m.deleted.groups.push(g.id);
        gone.push(`/customer_groups/${g.id}`);
        for (const c of m.customers.values()) {
          if (c.customer_group_id !== g.id) continue;
          c.customer_group_id = 0;
          c.date_modified = rfc2822(m.now);
        }
        return true;
      }
      return false;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the whole store back

const PAGE_SIZES = [2, 5, 50, 250];

async function readAll(r: Real, path: string, limit: number, what: string): Promise<Json[]> {
  const count = (await read(r, `${path}/count`)).body.count as number;
  const out: Json[] = [];
  for (let page = 1; ; page++) {
    const res = await read(r, path, [
      ['page', String(page)],
      ['limit', String(limit)],
    ]);
    if (res.status === 204) break;
    must(res.status === 200, () => `${what}: page ${page} answered ${res.status}`);
    out.push(...(res.body as Json[]));
    if ((res.body as Json[]).length < limit) break;
    must(page < 10_000, () => `${what}: endless pages`);
  }
  must(out.length === count, () => `${what}: count says ${count}, the pages hold ${out.length}`);
  for (let i = 1; i < out.length; i++) {
    must((out[i] as Json).id > (out[i - 1] as Json).id, () => `${what}: ids not ascending at ${i}`);
  }
  return out;
}

/** Reads the store back through the API and checks it against the model and the invariants. */
async function checkState(
  m: Model,
  r: Real,
  step: number,
  changed: boolean,
  gone: string[],
  what: string,
): Promise<void> {
  const limit = PAGE_SIZES[step % PAGE_SIZES.length] as number;
  const customers = await readAll(r, '/customers', limit, `after ${what}: customers`);
  const groups = await readAll(r, '/customer_groups', limit, `after ${what}: groups`);
  const addresses: Json[] = [];
  for (const c of customersOf(m)) {
    const want = addressesOf(m, c.id);
    if (!want.length) {
      const n = (await read(r, `/customers/${c.id}/addresses/count`)).body?.count;
      must(n === 0, () => `after ${what}: customer ${c.id} has ${n} addresses, the model none`);
    }
    if (want.length)
      addresses.push(
        ...(await readAll(r, `/customers/${c.id}/addresses`, limit, `after ${what}: addresses`)),
      );
  }
  const snapshot = JSON.stringify({ customers, groups, addresses });
  if (!changed && r.snapshot !== undefined) {
    must(
      snapshot === r.snapshot,
      () => `after ${what}: a request that must change nothing changed the store`,
    );
  }
  r.snapshot = snapshot;
  must(
    isDeepStrictEqual(customers, customersOf(m)),
    () =>
      `after ${what}: customers differ from the model\n  got  ${JSON.stringify(customers)}\n  want ${JSON.stringify(customersOf(m))}`,
  );
  must(
    isDeepStrictEqual(groups, groupsOf(m)),
    () =>
      `after ${what}: groups differ from the model\n  got  ${JSON.stringify(groups)}\n  want ${JSON.stringify(groupsOf(m))}`,
  );
  const modelAddresses = customersOf(m).flatMap((c) => addressesOf(m, c.id));
  must(isDeepStrictEqual(addresses, modelAddresses), () => `after ${what}: addresses differ from the model`);
  const problems = invariantProblems(customers, groups, addresses);
  must(problems.length === 0, () => `after ${what}: ${problems.join('; ')}`);
  const counts = await storeCounts(r.app, r.hash);
  must(
    counts.customers === m.customers.size &&
      counts.addresses === m.addresses.size &&
      counts.groups === m.groups.size,
    () =>
      `after ${what}: the store holds ${JSON.stringify(counts)} records, the model ${m.customers.size}/${m.addresses.size}/${m.groups.size}`,
  );
  for (const path of gone) {
    const res = await read(r, path);
    must(res.status === 404, () => `after ${what}: deleted ${path} answers ${res.status}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Commands

function describe(a: Action): string {
  const parts: string[] = [a.op];
  if (a.op === 'tick') return `tick(${a.seconds}s)`;
  const e = a.env;
  if (e.auth !== 'full') parts.push(`auth=${e.auth}`);
  if (e.json) parts.push('.json');
  if (e.head) parts.push('HEAD');
  if (e.accept) parts.push(`accept=${e.accept}`);
  if (a.body && e.contentType !== 'application/json') parts.push(`type=${e.contentType}`);
  for (const [k, t] of [
    ['c', a.c],
    ['a', a.a],
    ['g', a.g],
  ] as const) {
    if (t) parts.push(`${k}=${t instanceof Pick ? `${t.kind}#${t.index}` : `raw:${t.raw}`}`);
  }
  if (a.filters?.length) parts.push(`filters=${JSON.stringify(a.filters.map((f) => `${f.name}:${f.mode}`))}`);
  if (a.page !== undefined) parts.push(`page=${a.page}`);
  if (a.limit !== undefined) parts.push(`limit=${a.limit}`);
  if (a.extra?.length) parts.push(`extra=${JSON.stringify(a.extra)}`);
  if (a.junk) parts.push(`${a.junk.method} ${a.junk.path} (${a.junk.status})`);
  if (a.body)
    parts.push(
      `${a.body.kind}${'reason' in a.body ? `(${a.body.reason})` : ''} ${JSON.stringify('raw' in a.body && a.body.raw !== undefined ? a.body.raw : a.body.value)?.slice(0, 300)}`,
    );
  return parts.join(' ');
}

class ApiCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly action: Action) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    r.stats.commands++;
    r.stats.byOperation[this.action.op] = (r.stats.byOperation[this.action.op] ?? 0) + 1;
    const gone: string[] = [];
    const before = r.stats.requests;
    const changed = await execute(this.action, m, r, gone);
    r.stats.generatedRequests += r.stats.requests - before;
    if (this.action.op === 'tick') return;
    await checkState(m, r, r.stats.commands, changed, gone, describe(this.action));
  }
  toString(): string {
    return describe(this.action);
  }
}

const weighted = <T>(pairs: Array<[number, fc.Arbitrary<T>]>): fc.Arbitrary<T> =>
  fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

const envArb = (hasBody: boolean, canHead: boolean): fc.Arbitrary<Envelope> =>
  fc.record({
    auth: weighted<Auth>([
      [40, fc.constant('full')],
      [3, fc.constant('read')],
      [1, fc.constant('none')],
      [1, fc.constant('bad')],
      [1, fc.constant('other')],
    ]),
    json: fc.integer({ min: 0, max: 99 }).map((n) => n >= 85),
    accept: weighted<string | undefined>([
      [12, fc.constant(undefined)],
      [3, fc.constantFrom(...GOOD_ACCEPT)],
      [1, fc.constantFrom(...BAD_ACCEPT)],
    ]),
    contentType: hasBody
      ? weighted<string | null>([
          [14, fc.constantFrom(...GOOD_TYPES)],
          [1, fc.constantFrom(...BAD_TYPES)],
        ])
      : fc.constantFrom<string | null>(null, 'application/json'),
    head: canHead ? fc.integer({ min: 0, max: 99 }).map((n) => n >= 95) : fc.constant(false),
  });

const targetArb: fc.Arbitrary<Target> = weighted<Target>([
  [30, fc.nat().map((n) => new Pick(n, 'existing'))],
  [3, fc.nat().map((n) => new Pick(n, 'deleted'))],
  [2, fc.nat().map((n) => new Pick(n, 'missing'))],
  [1, fc.constantFrom('0', '-1', 'abc', '1e3', '9999999999999999', '%20', '1.0').map((raw) => ({ raw }))],
]);
const addressTargetArb: fc.Arbitrary<Target> = weighted<Target>([
  [20, targetArb],
  [3, fc.nat().map((n) => new Pick(n, 'foreign'))],
]);

const pageArb = weighted<string | undefined>([
  [10, fc.constant(undefined)],
  [6, fc.constantFrom('1', '2', '3', '4')],
  [1, fc.constantFrom('0', '-1', 'abc', '1.5', '9999999999999999', '9007199254740991', '', ' 2')],
]);
const limitArb = weighted<string | undefined>([
  [10, fc.constant(undefined)],
  [6, fc.constantFrom('1', '2', '3', '5', '50', '250')],
  [1, fc.constantFrom('0', '251', '-3', 'x', '1000000', '2.0')],
]);
const extraArb = weighted<Array<[string, string]> | undefined>([
  [8, fc.constant(undefined)],
  [
    1,
    fc.constantFrom<Array<[string, string]>>(
      [['foo', 'bar']],
      [['sort', 'id:desc']],
      [
        ['include', 'addresses'],
        ['x', ''],
      ],
    ),
  ],
]);

const recipeArb = (names: string[]): fc.Arbitrary<FilterRecipe> =>
  fc.record({
    name: fc.constantFrom(...names),
    mode: weighted<FilterRecipe['mode']>([
      [6, fc.constant('existing')],
      [3, fc.constant('random')],
      [1, fc.constant('invalid')],
    ]),
    pick: fc.nat(),
    text: fc.string({ unit: 'grapheme', maxLength: 6 }),
    delta: fc.integer({ min: -1, max: 1 }),
    form: fc.constantFrom<DateForm>('rfc2822', 'iso', 'iso-z', 'iso-bare', 'date'),
    offset: fc.constantFrom(0, -240, 330, 60, -720, 840),
    upper: fc.boolean(),
  });

const CUSTOMER_FILTERS = [
  'first_name',
  'last_name',
  'company',
  'email',
  'phone',
  'store_credit',
  'customer_group_id',
  'min_id',
  'max_id',
  'min_date_created',
  'max_date_created',
  'min_date_modified',
  'max_date_modified',
  'tax_exempt_category',
];
const GROUP_FILTERS = [
  'name',
  'name:like',
  'is_default',
  'is_group_for_guests',
  'date_created',
  'date_created:min',
  'date_created:max',
  'date_modified',
  'date_modified:min',
  'date_modified:max',
];

/** Paths that exist with other methods than the junk method sent (405), by path. */
const JUNK_ALLOWED: Record<string, boolean> = {
  '/customers': true,
  '/customer_groups': true,
  '/customers/count': true,
  '/customers/1/validate': true,
  '/customers/1/addresses/count': true,
  '/nothing': false,
  '/customers/1/addresses/1/extra': false,
  '/customers.yaml': false,
  '/customers/1.html': false,
};
const junkArb = fc.oneof(
  fc.record({
    method: fc.constantFrom('PUT', 'PATCH', 'TRACE', 'OPTIONS'),
    path: fc.constant('/customers'),
    status: fc.constant<'route'>('route'),
  }),
  fc.record({
    method: fc.constantFrom('PUT', 'DELETE', 'PATCH'),
    path: fc.constant('/customer_groups'),
    status: fc.constant<'route'>('route'),
  }),
  fc.record({
    method: fc.constantFrom('POST', 'DELETE', 'PUT'),
    path: fc.constantFrom('/customers/count', '/customers/1/addresses/count'),
    status: fc.constant<'route'>('route'),
  }),
  fc.record({
    method: fc.constantFrom('GET', 'PUT', 'DELETE'),
    path: fc.constant('/customers/1/validate'),
    status: fc.constant<'route'>('route'),
  }),
  fc.record({
    method: fc.constantFrom('GET', 'POST', 'DELETE'),
    path: fc.constantFrom(
      '/nothing',
      '/customers/1/addresses/1/extra',
      '/customers.yaml',
      '/customers/1.html',
    ),
    status: fc.constant<'route'>('route'),
  }),
  fc.record({
    method: fc.constantFrom('GET', 'POST'),
    path: fc.constant('/customers'),
    status: fc.constant<'store'>('store'),
  }),
);

function actionArb(): fc.Arbitrary<Action> {
  const env = (hasBody: boolean, canHead = false): fc.Arbitrary<Envelope> => envArb(hasBody, canHead);
  const body = (s: BodySchema): fc.Arbitrary<BodySpec> => bodyArb(s);
  const mk = <K extends Op>(
    op: K,
    rest: Record<string, fc.Arbitrary<unknown>>,
    hasBody = false,
    canHead = false,
  ) => fc.record({ env: env(hasBody, canHead), ...rest }).map((x) => ({ op, ...x }) as Action);
  const filters = (names: string[]) => fc.array(recipeArb(names), { maxLength: 3 });
  return weighted<Action>([
    [
      8,
      mk(
        'listCustomers',
        { filters: filters(CUSTOMER_FILTERS), page: pageArb, limit: limitArb, extra: extraArb },
        false,
        true,
      ),
    ],
    [
      4,
      mk(
        'countCustomers',
        { filters: filters(CUSTOMER_FILTERS), page: pageArb, extra: extraArb },
        false,
        true,
      ),
    ],
    [
      1,
      mk('deleteCustomers', {
        filters: fc.array(recipeArb(CUSTOMER_FILTERS), { minLength: 1, maxLength: 2 }),
      }),
    ],
    [12, mk('createCustomer', { body: body('CustomerCreate') }, true)],
    [4, mk('getCustomer', { c: targetArb }, false, true)],
    [6, mk('updateCustomer', { c: targetArb, body: body('CustomerUpdate') }, true)],
    [2, mk('deleteCustomer', { c: targetArb })],
    [3, mk('validateCustomerPassword', { c: targetArb, body: body('PasswordCheck') }, true)],
    [
      4,
      mk(
        'listCustomerAddresses',
        { c: targetArb, page: pageArb, limit: limitArb, extra: extraArb },
        false,
        true,
      ),
    ],
    [2, mk('countCustomerAddresses', { c: targetArb }, false, true)],
    [8, mk('createCustomerAddress', { c: targetArb, body: body('AddressCreate') }, true)],
    [3, mk('getCustomerAddress', { c: targetArb, a: addressTargetArb }, false, true)],
    [
      4,
      mk('updateCustomerAddress', { c: targetArb, a: addressTargetArb, body: body('AddressUpdate') }, true),
    ],
    [2, mk('deleteCustomerAddress', { c: targetArb, a: addressTargetArb })],
    [1, mk('deleteCustomerAddresses', { c: targetArb })],
    [
      3,
      mk(
        'listCustomerGroups',
        { filters: filters(GROUP_FILTERS), page: pageArb, limit: limitArb, extra: extraArb },
        false,
        true,
      ),
    ],
    [2, mk('countCustomerGroups', { filters: filters(GROUP_FILTERS), extra: extraArb }, false, true)],
    [5, mk('createCustomerGroup', { body: body('GroupCreate') }, true)],
    [2, mk('getCustomerGroup', { g: targetArb }, false, true)],
    [3, mk('updateCustomerGroup', { g: targetArb, body: body('GroupUpdate') }, true)],
    [2, mk('deleteCustomerGroup', { g: targetArb })],
    [2, fc.integer({ min: 1, max: 400_000 }).map((seconds) => ({ op: 'tick', seconds }) as Action)],
    [2, mk('junk', { junk: junkArb }, false)],
  ]);
}

/** Arbitrary command sequences for one store. */
export const commandsArb = (maxCommands: number) =>
  fc.commands([actionArb().map((a) => new ApiCommand(a))], { maxCommands, size: 'large' });

/** An empty FuzzStats. */
export const emptyStats = (): FuzzStats => ({
  runs: 0,
  commands: 0,
  requests: 0,
  generatedRequests: 0,
  serverErrors: 0,
  byStatus: {},
  byOperation: {},
});

function setup(stats: FuzzStats): { model: Model; real: Real } {
  const model = emptyModel();
  const clock = { now: model.now };
  const t = testApp({
    clock: () => clock.now,
    tokens: [
      { token: TOKEN, scope: 'store_v2_customers' },
      { token: READ_ONLY, scope: 'store_v2_customers_read_only' },
      { token: OTHER_STORE_TOKEN, scope: 'store_v2_customers', stores: ['some-other-store'] },
    ],
  });
  const real: Real = {
    app: t.app,
    hash: t.hash,
    clock,
    stats,
    snapshot: undefined,
    nextId: { customer: 1, address: 1, group: 1 },
  };
  return { model, real };
}

/** A fresh random seed (fast-check's are 32-bit integers). */
export const randomSeed = (): number => (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;

/** Runs the model-based fuzzer; throws fast-check's report (with seed and path) on a failure. */
export async function runFuzz(
  o: FuzzOptions,
  stats: FuzzStats = emptyStats(),
): Promise<FuzzStats & { seed: number }> {
  const seed = o.seed ?? randomSeed();
  await fc.assert(
    fc.asyncProperty(commandsArb(o.maxCommands ?? 40), async (cmds) => {
      stats.runs++;
      const s = setup(stats);
      await fc.asyncModelRun(() => s, cmds);
    }),
    { numRuns: o.runs, seed, path: o.path },
  );
  return { ...stats, seed };
}
