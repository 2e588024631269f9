/**
 * The rules of customer groups, written once for the API and for fixtures: category access and
 * discount rules checked and normalized, and the defaults of a new group.
 */
import { money } from './format.js';
import { failed, invalid, passed, type Checked, type FieldPath } from './reasons.js';
import type { DiscountRuleInput, GroupUpdate } from '../types.js';
import type { CategoryAccess, DiscountRule, GroupRecord } from './records.js';

/** Category access as a client or a fixture writes it. */
export type CategoryAccessInput = CategoryAccess;

/** A discount rule as a client or a fixture writes it (amounts as numbers or numeric strings). */
export type { DiscountRuleInput };

/** The writable fields of a group (the spec's update body). */
export type GroupInput = GroupUpdate;

/** A non-negative amount below 1e12 as the platform's 4-decimal string, or why not. */
export function checkAmount(value: number | string, at: FieldPath): Checked<string> {
  const m = money(value);
  return m === null || m.startsWith('-')
    ? failed(invalid(at, 'must be an amount from 0 up, below 1e12'))
    : passed(m);
}

/** Category access: `specific` lists its categories (kept once each, in order); the others list none. */
export function checkCategoryAccess(
  input: CategoryAccessInput | undefined,
  at: FieldPath = ['category_access'],
): Checked<CategoryAccess> {
  if (!input) return passed({ type: 'all' });
  if (input.type === 'specific') {
    if (!input.categories?.length) {
      return failed(invalid([...at, 'categories'], "a 'specific' access lists category ids"));
    }
    return passed({ type: 'specific', categories: [...new Set(input.categories)] });
  }
  if (input.categories?.length) {
    return failed(
      invalid([...at, 'categories'], `only a 'specific' access lists categories, not '${input.type}'`),
    );
  }
  return passed({ type: input.type });
}

/** A rule set: a price_list rule stands alone, at most one `all` rule, each rule with its own fields. */
export function checkDiscountRules(
  rules: readonly DiscountRuleInput[],
  at: FieldPath = ['discount_rules'],
): Checked<DiscountRule[]> {
  const priceList = rules.findIndex((r) => r.type === 'price_list');
  if (priceList >= 0 && rules.length > 1) {
    return failed(invalid([...at, priceList], 'a price_list rule must be the only rule of its group'));
  }
  const alls = rules.flatMap((r, i) => (r.type === 'all' ? [i] : []));
  if (alls.length > 1) return failed(invalid([...at, alls[1] as number], "only one 'all' rule per group"));
  const out: DiscountRule[] = [];
  for (const [i, r] of rules.entries()) {
    const checked = checkDiscountRule(r, [...at, i]);
    if (!checked.ok) return checked;
    out.push(checked.value);
  }
  return passed(out);
}

function checkDiscountRule(r: DiscountRuleInput, at: FieldPath): Checked<DiscountRule> {
  const needs = (field: keyof DiscountRuleInput) =>
    failed<DiscountRule>(invalid([...at, field], `a '${r.type}' rule needs ${field}`));
  const stray = (fields: (keyof DiscountRuleInput)[]) => {
    const extra = fields.find((f) => r[f] !== undefined);
    return extra ? failed<DiscountRule>(invalid([...at, extra], `a '${r.type}' rule has no ${extra}`)) : null;
  };
  if (r.type === 'price_list') {
    if (r.price_list_id === undefined) return needs('price_list_id');
    return (
      stray(['method', 'amount', 'category_id', 'product_id']) ??
      passed({ type: 'price_list', price_list_id: r.price_list_id })
    );
  }
  if (r.method === undefined) return needs('method');
  if (r.amount === undefined) return needs('amount');
  const amount = checkAmount(r.amount, [...at, 'amount']);
  if (!amount.ok) return amount;
  const base = { method: r.method, amount: amount.value };
  if (r.type === 'category') {
    if (r.category_id === undefined) return needs('category_id');
    return (
      stray(['price_list_id', 'product_id']) ??
      passed({ type: 'category', ...base, category_id: r.category_id })
    );
  }
  if (r.type === 'product') {
    if (r.product_id === undefined) return needs('product_id');
    return (
      stray(['price_list_id', 'category_id']) ??
      passed({ type: 'product', ...base, product_id: r.product_id })
    );
  }
  return stray(['price_list_id', 'category_id', 'product_id']) ?? passed({ type: 'all', ...base });
}

/** A new group with the defaults of one created through the API. */
export function buildGroup(
  input: GroupInput & { name: string },
  id: number,
  dates: { created: number; modified: number },
  at: FieldPath = [],
): Checked<GroupRecord> {
  const access = checkCategoryAccess(input.category_access, [...at, 'category_access']);
  if (!access.ok) return access;
  const rules = checkDiscountRules(input.discount_rules ?? [], [...at, 'discount_rules']);
  if (!rules.ok) return rules;
  return passed({
    id,
    name: input.name,
    is_default: input.is_default ?? false,
    category_access: access.value,
    discount_rules: rules.value,
    is_group_for_guests: input.is_group_for_guests ?? false,
    date_created: dates.created,
    date_modified: dates.modified,
  });
}

/** A group with a partial update applied; `discount_rules`, when sent, replaces the whole set. */
export function updateGroup(old: GroupRecord, input: GroupInput, now: number): Checked<GroupRecord> {
  const access = input.category_access
    ? checkCategoryAccess(input.category_access)
    : passed(old.category_access);
  if (!access.ok) return access;
  const rules = input.discount_rules ? checkDiscountRules(input.discount_rules) : passed(old.discount_rules);
  if (!rules.ok) return rules;
  return passed({
    ...old,
    name: input.name ?? old.name,
    is_default: input.is_default ?? old.is_default,
    category_access: access.value,
    discount_rules: rules.value,
    is_group_for_guests: input.is_group_for_guests ?? old.is_group_for_guests,
    date_modified: Math.max(now, old.date_created),
  });
}

/** Group names are unique without case. */
export const groupNameKey = (name: string): string => name.toLowerCase();
