/** Small value builders shared by the entity generators: dates, amounts, e-mail addresses. */
import type { SeededRandom } from './random.js';

const YEAR = 365 * 24 * 3600;

/**
 * The creation time (epoch ms, whole seconds) of the entity at `index`: it grows with the index
 * (ids are handed out in creation order) and approaches `nowSeconds` without ever passing it, so it
 * does not depend on how many entities exist. `years` back is where index 0 sits; `halfway` is the
 * index created halfway between then and now.
 */
export function createdAt(nowSeconds: number, index: number, years: number, halfway: number): number {
  const secondsBefore = Math.floor((years * YEAR * halfway) / (index + halfway));
  return (nowSeconds - secondsBefore) * 1000;
}

/** A modification time between `created` and now (often equal to `created`), whole seconds. */
export function modifiedAt(
  rng: SeededRandom,
  created: number,
  nowSeconds: number,
  untouched: number,
): number {
  if (rng.chance(untouched)) return created;
  const createdSeconds = created / 1000;
  return (createdSeconds + rng.int(nowSeconds - createdSeconds + 1)) * 1000;
}

/** An amount in cents as the platform's 4-decimal string: 1250 → "12.5000". */
export function amount4(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents - whole * 100;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}00`;
}

const ASCII_LETTERS = /^[a-z]*$/;
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', þ: 'th' };

const slugs = new Map<string, string>();

/** A name reduced to lower-case ASCII letters for an e-mail address ("Müller-Lüdenscheidt" → "muellerluedenscheidt"). */
export function nameSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = foldName(name);
    // Names come from faker's finite lists; the cap only bounds memory for unexpected input.
    if (slugs.size < 50_000) slugs.set(name, slug);
  }
  return slug;
}

function foldName(name: string): string {
  const lower = name.toLowerCase();
  if (ASCII_LETTERS.test(lower)) return lower;
  const folded = lower
    .replace(/[äöü]/g, (c) => `${c.normalize('NFD').charAt(0)}e`)
    .replace(/[ßæøœłđþ]/g, (c) => SPECIAL[c] ?? '')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  return folded;
}

/**
 * An e-mail address built from the person's names and made unique by the customer id at the end
 * of the local part (slugs hold no digits, so the trailing number is always exactly the id).
 */
export function emailFor(
  rng: SeededRandom,
  first: string,
  last: string,
  id: number,
  domains: readonly string[],
): string {
  const f = nameSlug(first) || 'customer';
  const l = nameSlug(last);
  const style = rng.int(4);
  const local =
    !l || style === 0
      ? `${f}${l ? '.' : ''}${l}`
      : style === 1
        ? `${f}${l}`
        : style === 2
          ? `${f.charAt(0)}${l}`
          : `${f}_${l}`;
  return `${local}${id}@${rng.pick(domains)}`;
}
