/** Customer groups of one store: unique names, one default and one guest group, discount-rule rules. */
import { conflict, invalidField, notFound } from '../errors.js';
import type { DiscountRuleInput, GroupCreate, GroupUpdate } from '../types.js';
import { groupDate, money } from './format.js';
import type { PageRequest } from './customers.js';
import type { DiscountRule, GroupRecord } from './records.js';
import type { Tenant } from './tenant.js';

/** Filters of `GET /customer_groups`, parsed (dates as epoch ms). */
export interface GroupQuery {
  name?: string;
  name_like?: string;
  is_default?: boolean;
  is_group_for_guests?: boolean;
  date_created?: number;
  date_created_min?: number;
  date_created_max?: number;
  date_modified?: number;
  date_modified_min?: number;
  date_modified_max?: number;
}

/** Customer groups of a tenant, in id order. */
export class GroupRepo {
  private readonly records = new Map<number, GroupRecord>();
  private nextId = 1;

  constructor(private readonly tenant: Tenant) {}

  /** Number of groups. */
  get size(): number {
    return this.records.size;
  }

  /** The group with this id, or undefined. */
  get(id: number): GroupRecord | undefined {
    return this.records.get(id);
  }

  /** The group with this id, or a 404. */
  require(id: number): GroupRecord {
    const g = this.records.get(id);
    if (!g) throw notFound();
    return g;
  }

  /** Adds a record as is (seeding, fixtures). Ids must arrive in ascending order. */
  insert(g: GroupRecord): void {
    this.records.set(g.id, g);
    if (g.id >= this.nextId) this.nextId = g.id + 1;
  }

  /** Creates a group after checking its name and rules. */
  create(input: GroupCreate, now: number): GroupRecord {
    this.checkName(input.name);
    const rules = discountRules(input.discount_rules ?? []);
    const g: GroupRecord = {
      id: this.nextId,
      name: input.name,
      is_default: input.is_default ?? false,
      category_access: categoryAccess(input.category_access),
      discount_rules: rules,
      is_group_for_guests: input.is_group_for_guests ?? false,
      date_created: now,
      date_modified: now,
    };
    if (g.is_default) this.clearFlag('is_default');
    if (g.is_group_for_guests) this.clearFlag('is_group_for_guests');
    this.insert(g);
    return g;
  }

  /** Applies a partial update; `discount_rules`, when sent, replaces the whole set. */
  update(id: number, input: GroupUpdate, now: number): GroupRecord {
    const old = this.require(id);
    if (input.name !== undefined) this.checkName(input.name, id);
    const next: GroupRecord = {
      ...old,
      name: input.name ?? old.name,
      is_default: input.is_default ?? old.is_default,
      category_access: input.category_access ? categoryAccess(input.category_access) : old.category_access,
      discount_rules: input.discount_rules ? discountRules(input.discount_rules) : old.discount_rules,
      is_group_for_guests: input.is_group_for_guests ?? old.is_group_for_guests,
      date_modified: Math.max(now, old.date_created),
    };
    if (next.is_default && !old.is_default) this.clearFlag('is_default');
    if (next.is_group_for_guests && !old.is_group_for_guests) this.clearFlag('is_group_for_guests');
    this.records.set(id, next);
    return next;
  }

  /** Deletes a group; its customers move to no group (0). */
  delete(id: number): void {
    this.require(id);
    this.records.delete(id);
    this.tenant.customers.ungroup(id);
  }

  /** One page of matching groups, in id order. */
  page(q: GroupQuery, p: PageRequest): GroupRecord[] {
    const all = this.matching(q);
    const start = (p.page - 1) * p.limit;
    return all.slice(start, start + p.limit);
  }

  /** How many groups match. */
  count(q: GroupQuery): number {
    return this.matching(q).length;
  }

  /** Every group, in id order. */
  all(): GroupRecord[] {
    return [...this.records.values()].sort((a, b) => a.id - b.id);
  }

  private matching(q: GroupQuery): GroupRecord[] {
    const like = q.name_like?.toLowerCase();
    return this.all().filter(
      (g) =>
        (q.name === undefined || g.name === q.name) &&
        (like === undefined || g.name.toLowerCase().includes(like)) &&
        (q.is_default === undefined || g.is_default === q.is_default) &&
        (q.is_group_for_guests === undefined || g.is_group_for_guests === q.is_group_for_guests) &&
        (q.date_created === undefined || g.date_created === q.date_created) &&
        (q.date_created_min === undefined || g.date_created >= q.date_created_min) &&
        (q.date_created_max === undefined || g.date_created <= q.date_created_max) &&
        (q.date_modified === undefined || g.date_modified === q.date_modified) &&
        (q.date_modified_min === undefined || g.date_modified >= q.date_modified_min) &&
        (q.date_modified_max === undefined || g.date_modified <= q.date_modified_max),
    );
  }

  private checkName(name: string, selfId?: number): void {
    for (const g of this.records.values()) {
      if (g.id !== selfId && g.name.toLowerCase() === name.toLowerCase()) {
        throw conflict(`A customer group named '${g.name}' already exists.`);
      }
    }
  }

  /** Takes a one-group-only flag (the default group, the guest group) off whichever group has it. */
  private clearFlag(flag: 'is_default' | 'is_group_for_guests'): void {
    for (const g of this.records.values()) if (g[flag]) this.records.set(g.id, { ...g, [flag]: false });
  }
}

function categoryAccess(input: GroupCreate['category_access']): GroupRecord['category_access'] {
  if (!input) return { type: 'all' };
  if (input.type === 'specific') {
    if (!input.categories?.length) {
      throw invalidField('category_access', "A 'specific' category access lists at least one category.");
    }
    return { type: 'specific', categories: [...new Set(input.categories)] };
  }
  if (input.categories?.length) {
    throw invalidField(
      'category_access',
      `Categories are only listed for 'specific' access, not '${input.type}'.`,
    );
  }
  return { type: input.type };
}

/** Checks and normalizes a rule set: a price_list rule stands alone; at most one `all` rule. */
function discountRules(rules: DiscountRuleInput[]): DiscountRule[] {
  if (rules.some((r) => r.type === 'price_list') && rules.length > 1) {
    throw invalidField('discount_rules', 'A price_list rule must be the only discount rule.');
  }
  if (rules.filter((r) => r.type === 'all').length > 1) {
    throw invalidField('discount_rules', "Only one 'all' discount rule is allowed.");
  }
  return rules.map(discountRule);
}

function discountRule(r: DiscountRuleInput): DiscountRule {
  const need = (field: keyof DiscountRuleInput, ok: boolean): void => {
    if (!ok) throw invalidField(`discount_rules.${field}`, `A '${r.type}' rule needs a valid ${field}.`);
  };
  const stray = (field: keyof DiscountRuleInput, ok: boolean): void => {
    if (!ok) throw invalidField(`discount_rules.${field}`, `A '${r.type}' rule has no ${field}.`);
  };
  if (r.type === 'price_list') {
    need('price_list_id', r.price_list_id !== undefined);
    stray('method', r.method === undefined);
    stray('amount', r.amount === undefined);
    return { type: 'price_list', price_list_id: r.price_list_id as number };
  }
  need('method', r.method !== undefined);
  const amount = r.amount === undefined ? null : money(r.amount);
  need('amount', amount !== null && !amount.startsWith('-'));
  stray('price_list_id', r.price_list_id === undefined);
  const base = { method: r.method!, amount: amount! };
  if (r.type === 'category') {
    need('category_id', r.category_id !== undefined);
    stray('product_id', r.product_id === undefined);
    return { type: 'category', ...base, category_id: r.category_id! };
  }
  if (r.type === 'product') {
    need('product_id', r.product_id !== undefined);
    stray('category_id', r.category_id === undefined);
    return { type: 'product', ...base, product_id: r.product_id! };
  }
  stray('category_id', r.category_id === undefined);
  stray('product_id', r.product_id === undefined);
  return { type: 'all', ...base };
}

/** The platform's JSON for a group. */
export function serializeGroup(g: GroupRecord): string {
  return JSON.stringify({
    id: g.id,
    name: g.name,
    is_default: g.is_default,
    category_access: g.category_access,
    discount_rules: g.discount_rules,
    is_group_for_guests: g.is_group_for_guests,
    date_created: groupDate(g.date_created),
    date_modified: groupDate(g.date_modified),
  });
}
