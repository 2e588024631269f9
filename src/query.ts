/** Pure parsing of query strings into store queries; bad values become the platform's 400/413. */
import type { Compat } from './compat.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './config.js';
import { parseDateFilter } from './domain/format.js';
import type { CustomerQuery, GroupQuery, PageRequest } from './engine/backend.js';
import { invalidField, limitTooLarge } from './errors.js';

const INTEGER = /^-?\d{1,16}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A query string's parameters (the last value wins when one is repeated). */
export type Params = URLSearchParams;

/** The last value of a parameter, as PHP-style query parsing keeps it; null when absent. */
function last(params: Params, name: string): string | null {
  const all = params.getAll(name);
  return all.length ? (all[all.length - 1] as string) : null;
}

function integer(params: Params, name: string, min: number): number | undefined {
  const raw = last(params, name);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!INTEGER.test(raw) || !Number.isSafeInteger(n) || n < min) {
    throw invalidField(name, `expected a whole number of at least ${min}`, false);
  }
  return n;
}

function date(params: Params, name: string): number | undefined {
  const raw = last(params, name);
  if (raw === null) return undefined;
  const ms = parseDateFilter(raw);
  if (ms === null) throw invalidField(name, 'expected an RFC 2822 or ISO 8601 date', false);
  return ms;
}

function bool(params: Params, name: string): boolean | undefined {
  const raw = last(params, name);
  if (raw === null) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw invalidField(name, 'expected true or false', false);
}

function text(params: Params, name: string): string | undefined {
  return last(params, name) ?? undefined;
}

/** `page` and `limit`: page from 1, limit 1..250 (default 50); over 250 is a 413, or 250 (compat). */
export function parsePage(params: Params, overMax: Compat['limitOverMax'] = '413'): PageRequest {
  const page = integer(params, 'page', 1) ?? 1;
  const limit = integer(params, 'limit', 1) ?? DEFAULT_LIMIT;
  if (limit <= MAX_LIMIT) return { page, limit };
  if (overMax === 'clamp') return { page, limit: MAX_LIMIT };
  throw limitTooLarge(MAX_LIMIT);
}

/** The customer filters of list, count and delete-many; unknown parameters are ignored. */
export function parseCustomerQuery(params: Params): CustomerQuery {
  const q: CustomerQuery = {};
  const set = <K extends keyof CustomerQuery>(k: K, v: CustomerQuery[K] | undefined): void => {
    if (v !== undefined) q[k] = v;
  };
  set('first_name', text(params, 'first_name'));
  set('last_name', text(params, 'last_name'));
  set('company', text(params, 'company'));
  const email = text(params, 'email');
  if (email !== undefined && !EMAIL.test(email)) throw invalidField('email', 'not an email address', false);
  set('email', email);
  set('phone', text(params, 'phone'));
  const credit = text(params, 'store_credit');
  if (credit !== undefined) {
    const n = Number(credit);
    if (credit.trim() === '' || !Number.isFinite(n))
      throw invalidField('store_credit', 'expected an amount', false);
    q.store_credit = n;
  }
  set('customer_group_id', integer(params, 'customer_group_id', 0));
  set('min_id', integer(params, 'min_id', Number.MIN_SAFE_INTEGER));
  set('max_id', integer(params, 'max_id', Number.MIN_SAFE_INTEGER));
  set('min_date_created', date(params, 'min_date_created'));
  set('max_date_created', date(params, 'max_date_created'));
  set('min_date_modified', date(params, 'min_date_modified'));
  set('max_date_modified', date(params, 'max_date_modified'));
  set('tax_exempt_category', text(params, 'tax_exempt_category'));
  return q;
}

/** The customer-group filters of list and count. */
export function parseGroupQuery(params: Params): GroupQuery {
  const q: GroupQuery = {};
  const set = <K extends keyof GroupQuery>(k: K, v: GroupQuery[K] | undefined): void => {
    if (v !== undefined) q[k] = v;
  };
  set('name', text(params, 'name'));
  set('name_like', text(params, 'name:like'));
  set('is_default', bool(params, 'is_default'));
  set('is_group_for_guests', bool(params, 'is_group_for_guests'));
  set('date_created', date(params, 'date_created'));
  set('date_created_min', date(params, 'date_created:min'));
  set('date_created_max', date(params, 'date_created:max'));
  set('date_modified', date(params, 'date_modified'));
  set('date_modified_min', date(params, 'date_modified:min'));
  set('date_modified_max', date(params, 'date_modified:max'));
  return q;
}
