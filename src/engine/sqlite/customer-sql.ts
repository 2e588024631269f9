/**
 * The filtered customer queries (`GET /customers`, count, delete-many). Their SQL depends only on
 * which filters are set, so each combination is compiled once and its arguments bound per call.
 * The email filter is not here: the email index turns it into an id range first (sqlite-view.ts).
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { CustomerQuery } from '../backend.js';
import { text } from './rows.js';
import type { Tables } from './schema.js';
import { qb, slot, template, type Template } from './sql.js';

type Eb = ExpressionBuilder<Tables, 'customers'>;

/** One filter: its condition on argument `i`, and the argument it takes from the query. */
interface Filter {
  key: keyof CustomerQuery;
  where(eb: Eb, i: number): Expression<SqlBool>;
  arg(q: CustomerQuery): unknown;
}

const equal = (key: keyof CustomerQuery & keyof Tables['customers'], asText = true): Filter => ({
  key,
  where: (eb, i) => eb(key, '=', slot(i)),
  arg: (q) => (asText ? text(q[key] as string) : q[key]),
});

const bound = (
  key: keyof CustomerQuery,
  column: 'id' | 'date_created' | 'date_modified',
  op: '>=' | '<=',
): Filter => ({
  key,
  where: (eb, i) => eb(column, op, slot(i)),
  arg: (q) => q[key],
});

/** The filters, in the one order every combination is compiled in. */
const FILTERS: Filter[] = [
  equal('first_name'),
  equal('last_name'),
  equal('company'),
  equal('phone'),
  {
    key: 'store_credit',
    where: (eb, i) => eb(eb.cast('store_credit', 'real'), '=', slot(i)),
    arg: (q) => q.store_credit,
  },
  equal('customer_group_id', false),
  bound('min_id', 'id', '>='),
  bound('max_id', 'id', '<='),
  bound('min_date_created', 'date_created', '>='),
  bound('max_date_created', 'date_created', '<='),
  bound('min_date_modified', 'date_modified', '>='),
  bound('max_date_modified', 'date_modified', '<='),
  equal('tax_exempt_category'),
];

/** What a query over customers selects: a page of ids, a count, or the first ids. */
type Shape = 'ids' | 'count' | 'limitedIds';

const compiled = new Map<string, Template>();

/** The filters a query sets, and their arguments after the store id. */
function filtersOf(q: CustomerQuery): { used: Filter[]; key: string; args: unknown[] } {
  const used: Filter[] = [];
  const args: unknown[] = [];
  let key = '';
  for (const f of FILTERS) {
    if (q[f.key] === undefined) continue;
    used.push(f);
    args.push(f.arg(q));
    key += `${f.key},`;
  }
  return { used, key, args };
}

function build(shape: Shape, used: Filter[]): Template {
  const base = qb
    .selectFrom('customers')
    .where((eb) => eb.and([eb('store_id', '=', slot(0)), ...used.map((f, i) => f.where(eb, i + 1))]));
  const next = used.length + 1;
  if (shape === 'count') return template(base.select((eb) => eb.fn.countAll<number>().as('n')));
  if (shape === 'limitedIds') return template(base.select('id').orderBy('id').limit(slot(next)));
  return template(
    base
      .select('id')
      .orderBy('id')
      .limit(slot(next))
      .offset(slot(next + 1)),
  );
}

/** The template of a query shape with these filters, and its arguments. */
export function customerQuery(
  shape: Shape,
  storeId: number,
  q: CustomerQuery,
  tail: number[] = [],
): { t: Template; args: unknown[] } {
  const { used, key, args } = filtersOf(q);
  const cacheKey = `${shape}:${key}`;
  let t = compiled.get(cacheKey);
  if (!t) compiled.set(cacheKey, (t = build(shape, used)));
  return { t, args: [storeId, ...args, ...tail] };
}

/** Whether a query sets no filter at all (its count is the store's count). */
export function isUnfiltered(q: CustomerQuery): boolean {
  for (const k in q) if ((q as Record<string, unknown>)[k] !== undefined) return false;
  return true;
}
