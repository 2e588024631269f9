/** Seeded customer groups: realistic names, category access and discount rules the API accepts. */
import type { CategoryAccess, DiscountRule, GroupRecord } from '../domain/records.js';
import type { SeedContext } from './context.js';
import { STREAM } from './random.js';
import type { SeededRandom } from './random.js';
import { amount4, createdAt, modifiedAt } from './values.js';

const GROUP_NAMES = [
  'Retail',
  'Wholesale',
  'VIP',
  'Trade',
  'Loyalty Members',
  'Staff',
  'Reseller',
  'Education',
  'Non-Profit',
  'Distributor',
  'Gold Tier',
  'Corporate',
  'Silver Tier',
  'Government',
  'Friends & Family',
] as const;

/** Groups whose customers are businesses: most have a company, many are tax exempt for resale. */
const TRADE_GROUPS: ReadonlySet<string> = new Set([
  'Wholesale',
  'Trade',
  'Reseller',
  'Distributor',
  'Corporate',
]);

function baseName(index: number): string {
  return GROUP_NAMES[index % GROUP_NAMES.length] ?? 'Customers';
}

/** The unique name of the group at a 0-based index ("Retail", ..., then "Retail 2", ...). */
export function groupNameAt(index: number): string {
  const round = Math.floor(index / GROUP_NAMES.length);
  return round === 0 ? baseName(index) : `${baseName(index)} ${round + 1}`;
}

/** Whether the group at a 0-based index is one for business customers. */
export function isTradeGroup(index: number): boolean {
  return TRADE_GROUPS.has(baseName(index));
}

/** `count` distinct ids in [1, max], ascending. */
function distinctIds(rng: SeededRandom, count: number, max: number): number[] {
  const ids = new Set<number>();
  while (ids.size < Math.min(count, max)) ids.add(rng.between(1, max));
  return [...ids].sort((a, b) => a - b);
}

function categoryAccess(rng: SeededRandom): CategoryAccess {
  const roll = rng.next();
  if (roll < 0.6) return { type: 'all' };
  if (roll < 0.9) return { type: 'specific', categories: distinctIds(rng, rng.between(1, 6), 60) };
  return { type: 'none' };
}

type Method = 'percent' | 'fixed' | 'price';

function discount(rng: SeededRandom, method: Method): string {
  if (method === 'percent') return amount4(rng.between(1, 8) * 500);
  if (method === 'fixed') return amount4(rng.between(1, 40) * 50);
  return amount4(rng.between(500, 20000) - 1);
}

/** At most one `all` rule; a `price_list` rule always stands alone. */
function discountRules(rng: SeededRandom, trade: boolean): DiscountRule[] {
  const roll = rng.next();
  if (roll < 0.2) return [];
  if (roll < (trade ? 0.55 : 0.3)) return [{ type: 'price_list', price_list_id: rng.between(1, 10) }];
  const rules: DiscountRule[] = [];
  if (rng.chance(0.7)) rules.push({ type: 'all', method: 'percent', amount: discount(rng, 'percent') });
  for (const category_id of distinctIds(rng, rng.int(3), 60)) {
    const method = rng.pick<Method>(['percent', 'fixed']);
    rules.push({ type: 'category', method, amount: discount(rng, method), category_id });
  }
  for (const product_id of distinctIds(rng, rng.int(3), 500)) {
    const method = rng.pick<Method>(['percent', 'fixed', 'price']);
    rules.push({ type: 'product', method, amount: discount(rng, method), product_id });
  }
  return rules;
}

/** The group at a 0-based index (id = index + 1), computed on its own from the seed. */
export function groupAt(ctx: SeedContext, index: number): GroupRecord {
  const rng = ctx.rng;
  rng.reseed(ctx.key, STREAM.group, index);
  const date_created = createdAt(ctx.nowSeconds, index, 6, 8);
  const category_access = categoryAccess(rng);
  const discount_rules = discountRules(rng, isTradeGroup(index));
  return {
    id: index + 1,
    name: groupNameAt(index),
    is_default: false,
    category_access,
    discount_rules,
    is_group_for_guests: false,
    date_created,
    date_modified: modifiedAt(rng, date_created, ctx.nowSeconds, 0.3),
  };
}
