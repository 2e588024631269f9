/**
 * The fuzzer's model of one store: what it must hold after every answer, and the pure rules
 * (filters, paging, uniqueness) the fake's answers are checked against. Written from the spec
 * and the behaviour sheet, not from the fake's code.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** The model of one store, in the API's own JSON. */
export interface Model {
  groups: Map<number, Json>;
  customers: Map<number, Json>;
  addresses: Map<number, Json>;
  /** The password each customer has (null: none the client knows). */
  passwords: Map<number, string | null>;
  deleted: { customers: number[]; groups: number[]; addresses: Array<[number, number]> };
  /** The store's clock (epoch ms), moved on by `tick` commands. */
  now: number;
}

/** 2024-05-06T07:34:10Z, the first instant of every run. */
export const START = Date.UTC(2024, 4, 6, 7, 34, 10);

/** An empty store. */
export function emptyModel(): Model {
  return {
    groups: new Map(),
    customers: new Map(),
    addresses: new Map(),
    passwords: new Map(),
    deleted: { customers: [], groups: [], addresses: [] },
    now: START,
  };
}

const sorted = (m: Map<number, Json>): Json[] => [...m.values()].sort((a, b) => a.id - b.id);

/** Customers in id order. */
export const customersOf = (m: Model): Json[] => sorted(m.customers);
/** Groups in id order. */
export const groupsOf = (m: Model): Json[] => sorted(m.groups);
/** A customer's addresses in id order. */
export const addressesOf = (m: Model, customerId: number): Json[] =>
  sorted(m.addresses).filter((a) => a.customer_id === customerId);

/** True when another customer has this email (compared without case). */
export function emailTaken(m: Model, email: string, selfId?: number): boolean {
  const e = email.toLowerCase();
  for (const c of m.customers.values()) if (c.id !== selfId && c.email.toLowerCase() === e) return true;
  return false;
}

/** True when another group has this name (compared without case). */
export function groupNameTaken(m: Model, name: string, selfId?: number): boolean {
  const n = name.toLowerCase();
  for (const g of m.groups.values()) if (g.id !== selfId && g.name.toLowerCase() === n) return true;
  return false;
}

/** The RFC 2822 form the API writes (`Mon, 06 May 2024 07:34:10 +0000`). */
export const rfc2822 = (ms: number): string => new Date(ms).toUTCString().replace('GMT', '+0000');
/** The group date form (`2024-05-06 07:34:10`). */
export const groupDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
/** Parses either date form back to epoch ms. */
export const parseShownDate = (s: string): number =>
  /^\d{4}-/.test(s) ? Date.parse(`${s.replace(' ', 'T')}Z`) : Date.parse(s);

/** A date bound written in one of the forms the API accepts, and its instant. */
export interface DateBound {
  text: string;
  ms: number;
}

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

/** The date forms the fuzzer writes (`iso-bare`: no offset, meaning UTC). */
export type DateForm = 'rfc2822' | 'iso' | 'iso-z' | 'iso-bare' | 'date';

/** Writes an instant as RFC 2822 or ISO 8601 with a given UTC offset (minutes). */
export function writeDate(ms: number, form: DateForm, offsetMin: number): DateBound {
  const local = new Date(ms + offsetMin * 60_000);
  const y = local.getUTCFullYear();
  const ymd = `${y}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const hms = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const sign = offsetMin < 0 ? '-' : '+';
  const off = `${pad(Math.trunc(Math.abs(offsetMin) / 60))}${pad(Math.abs(offsetMin) % 60)}`;
  const whole = Math.floor(ms / 1000) * 1000;
  switch (form) {
    case 'rfc2822': {
      const day = local.toUTCString().slice(0, 3);
      const mon = local.toUTCString().slice(8, 11);
      return { text: `${day}, ${pad(local.getUTCDate())} ${mon} ${y} ${hms} ${sign}${off}`, ms: whole };
    }
    case 'iso':
      return { text: `${ymd}T${hms}${sign}${off.slice(0, 2)}:${off.slice(2)}`, ms: whole };
    case 'iso-z':
      return { text: `${new Date(whole).toISOString().slice(0, 19)}Z`, ms: whole };
    case 'iso-bare':
      return { text: new Date(whole).toISOString().slice(0, 19), ms: whole };
    case 'date': {
      const utc = new Date(ms);
      const d = `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
      return { text: d, ms: Date.parse(`${d}T00:00:00Z`) };
    }
  }
}

/** One filter parameter, resolved: its name, the value sent, and what it keeps. */
export interface Filter {
  name: string;
  value: string;
  /** Whether an entity passes; undefined when the value is invalid (the API answers 400). */
  keeps?: (e: Json) => boolean;
  /** Status of an invalid value (400; 413 for a limit over 250). */
  invalid?: number;
}

/** What a list query must answer: the page, or the error of the first invalid parameter. */
export function expectPage(
  items: Json[],
  filters: Filter[],
  page: Filter[],
): { status: number; items: Json[] } {
  const bad = [...filters, ...page].find((f) => f.invalid !== undefined);
  if (bad) return { status: bad.invalid as number, items: [] };
  const kept = items.filter((e) => filters.every((f) => (f.keeps as (e: Json) => boolean)(e)));
  const p = Number(page.find((f) => f.name === 'page')?.value ?? 1);
  const limit = Number(page.find((f) => f.name === 'limit')?.value ?? 50);
  const out = kept.slice((p - 1) * limit, p * limit);
  return { status: out.length ? 200 : 204, items: out };
}

/** Entities that pass every filter (filters must be valid). */
export const matching = (items: Json[], filters: Filter[]): Json[] =>
  items.filter((e) => filters.every((f) => (f.keeps as (e: Json) => boolean)(e)));

const WHOLE = /^-?\d{1,16}$/;

/** A whole-number parameter with a lower bound. */
export function integerFilter(
  name: string,
  value: string,
  min: number,
  test?: (e: Json, n: number) => boolean,
): Filter {
  const n = Number(value);
  if (!WHOLE.test(value) || !Number.isSafeInteger(n) || n < min) return { name, value, invalid: 400 };
  return { name, value, keeps: test ? (e) => test(e, n) : () => true };
}

/** `page` (from 1) or `limit` (1..250, over 250 is a 413). */
export function pageFilter(name: 'page' | 'limit', value: string): Filter {
  const f = integerFilter(name, value, 1);
  if (!f.invalid && name === 'limit' && Number(value) > 250) return { name, value, invalid: 413 };
  return f;
}

/** The last value of a repeated query parameter is the one that counts. */
export function lastWins(filters: Filter[]): Filter[] {
  const byName = new Map<string, Filter>();
  for (const f of filters) {
    byName.delete(f.name);
    byName.set(f.name, f);
  }
  return [...byName.values()];
}

/** Checks the store-wide invariants of a model snapshot read back from the API. */
export function invariantProblems(customers: Json[], groups: Json[], addresses: Json[]): string[] {
  const problems: string[] = [];
  const emails = new Set<string>();
  for (const c of customers) {
    const e = String(c.email).toLowerCase();
    if (emails.has(e)) problems.push(`two customers share the email ${e}`);
    emails.add(e);
    if (c.customer_group_id !== 0 && !groups.some((g) => g.id === c.customer_group_id)) {
      problems.push(`customer ${c.id} points at missing group ${c.customer_group_id}`);
    }
  }
  if (groups.filter((g) => g.is_default).length > 1) problems.push('more than one default group');
  if (groups.filter((g) => g.is_group_for_guests).length > 1) problems.push('more than one guest group');
  const names = new Set<string>();
  for (const g of groups) {
    const n = String(g.name).toLowerCase();
    if (names.has(n)) problems.push(`two groups share the name ${n}`);
    names.add(n);
  }
  for (const a of addresses) {
    if (!customers.some((c) => c.id === a.customer_id)) problems.push(`address ${a.id} has no customer`);
  }
  return problems;
}
