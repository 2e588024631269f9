/** Seeded customers: names and e-mail that agree, a home country, an optional group, a realistic mix. */
import type { CustomerRecord, FormField } from '../domain/records.js';
import type { CountryKit } from './country-kits.js';
import type { SeedContext } from './context.js';
import { isTradeGroup } from './groups.js';
import { STREAM, streamHash } from './random.js';
import type { SeededRandom } from './random.js';
import { amount4, createdAt, emailFor, modifiedAt } from './values.js';

/** Share of customers living in the store's own country; the rest spread over the other countries. */
const HOME_SHARE = 0.7;

/** Avalara-style exemption codes stores put in `tax_exempt_category`. */
const TAX_CODES = ['A', 'B', 'E', 'F', 'H', 'M', 'N'] as const;

const SOURCES = ['Search engine', 'A friend', 'Social media', 'Trade show', 'Podcast', 'Newsletter'] as const;

/** The country a customer lives in (drives names, phone and most of their addresses). */
export function homeCountryOf(ctx: SeedContext, customerIndex: number): CountryKit {
  const roll = streamHash(ctx.key, STREAM.homeCountry, customerIndex) / 4294967296;
  const others = ctx.countries.length - 1;
  if (roll < HOME_SHARE || others === 0) return ctx.home;
  return ctx.countries[1 + Math.floor(((roll - HOME_SHARE) / (1 - HOME_SHARE)) * others)] ?? ctx.home;
}

const OCTETS = Array.from({ length: 256 }, (_, n) => String(n));

/** A unicast IPv4 address outside 10/8 and 127/8 (first octet 1-223). */
function ipv4(rng: SeededRandom): string {
  let first = rng.between(1, 222);
  if (first === 10 || first === 127) first++;
  return `${OCTETS[first]}.${OCTETS[rng.int(256)]}.${OCTETS[rng.int(256)]}.${OCTETS[rng.between(1, 254)]}`;
}

/** A staff note; referrals name someone from the store's own locale (via the generator's Faker). */
function notes(ctx: SeedContext, year: number): string {
  const rng = ctx.rng;
  switch (rng.int(6)) {
    case 0:
      return `Referred by ${ctx.faker.person.fullName()}.`;
    case 1:
      return 'Prefers delivery on weekdays after 5pm.';
    case 2:
      return `Customer since ${year}; call before large orders ship.`;
    case 3:
      return 'Requested paper invoices.';
    case 4:
      return 'Wants order confirmations by phone.';
    default:
      return 'Asked about bulk pricing.';
  }
}

function formFields(rng: SeededRandom): FormField[] | null {
  if (!rng.chance(0.2)) return null;
  const fields: FormField[] = [{ name: 'How did you hear about us?', value: rng.pick(SOURCES) }];
  if (rng.chance(0.4)) fields.push({ name: 'Newsletter', value: rng.chance(0.7) ? 'Yes' : null });
  return fields;
}

/** The customer at a 0-based index (id = index + 1), computed on its own from the seed. */
export function customerAt(ctx: SeedContext, index: number): CustomerRecord {
  const rng = ctx.rng;
  rng.reseed(ctx.key, STREAM.customer, index);
  const id = index + 1;
  const kit = homeCountryOf(ctx, index);
  const first_name = kit.firstName(rng, rng.chance(0.5));
  const last_name = kit.lastName(rng);
  const customer_group_id = ctx.groups > 0 && rng.chance(0.45) ? rng.between(1, ctx.groups) : 0;
  const trade = customer_group_id > 0 && isTradeGroup(customer_group_id - 1);
  const company = rng.chance(trade ? 0.85 : 0.15) ? kit.company(rng) : '';
  const email = emailFor(rng, first_name, last_name, id, kit.emailDomains);
  const phone = rng.chance(0.7) ? kit.phone(rng) : '';
  const form_fields = formFields(rng);
  const date_created = createdAt(ctx.nowSeconds, index, 4, 2000);
  const date_modified = modifiedAt(rng, date_created, ctx.nowSeconds, 0.4);
  const store_credit = rng.chance(0.15) ? amount4(rng.between(1, 400) * 25) : '0.0000';
  const registration_ip_address = rng.chance(0.75) ? ipv4(rng) : '';
  const customerNotes = rng.chance(0.12) ? notes(ctx, new Date(date_created).getUTCFullYear()) : '';
  const taxExempt = trade ? rng.chance(0.5) : rng.chance(0.03);
  return {
    id,
    company,
    first_name,
    last_name,
    email,
    phone,
    form_fields,
    date_created,
    date_modified,
    store_credit,
    registration_ip_address,
    customer_group_id,
    notes: customerNotes,
    tax_exempt_category: taxExempt ? (trade ? 'G' : rng.pick(TAX_CODES)) : '',
    reset_pass_on_login: rng.chance(0.03),
    accepts_marketing: rng.chance(0.45),
    password_hash: null,
  };
}
