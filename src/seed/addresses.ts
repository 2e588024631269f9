/**
 * Seeded addresses of a customer: mostly in the customer's home country, with a state, postcode,
 * city and phone that fit that country. Their randomness comes from the customer's index.
 */
import type { AddressRecord, CustomerRecord, FormField } from '../domain/records.js';
import type { SeedContext } from './context.js';
import { homeCountryOf } from './customers.js';
import { STREAM, streamHash } from './random.js';
import type { SeededRandom } from './random.js';

const INSTRUCTIONS = [
  'Leave at the front door',
  'Ring the bell twice',
  'Deliver to reception',
  'Leave with a neighbour if out',
  'Use the side entrance',
] as const;

/** How many addresses the customer at a 0-based index has (cheap: one hash, no generator). */
export function addressCountFor(ctx: SeedContext, customerIndex: number): number {
  const [min, max] = ctx.addressesPerCustomer;
  if (max === min) return min;
  return min + (streamHash(ctx.key, STREAM.addressCount, customerIndex) % (max - min + 1));
}

/** The id of the first address of the customer at a 0-based index (sums the counts before it: O(index)). */
export function firstAddressIdFor(ctx: SeedContext, customerIndex: number): number {
  let id = 1;
  for (let i = 0; i < customerIndex; i++) id += addressCountFor(ctx, i);
  return id;
}

function addressFields(rng: SeededRandom): FormField[] | null {
  return rng.chance(0.1) ? [{ name: 'Delivery instructions', value: rng.pick(INSTRUCTIONS) }] : null;
}

/**
 * The addresses of a generated customer, with consecutive ids from `firstId`. Depends only on the
 * seed and the customer. Pass `firstId` when generating in order (see generatedDataSet); the
 * default sums the counts of every earlier customer, O(index).
 */
export function addressesFor(
  ctx: SeedContext,
  customer: CustomerRecord,
  firstId = firstAddressIdFor(ctx, customer.id - 1),
): AddressRecord[] {
  const index = customer.id - 1;
  const count = addressCountFor(ctx, index);
  if (count === 0) return [];
  const rng = ctx.rng;
  rng.reseed(ctx.key, STREAM.address, index);
  const home = homeCountryOf(ctx, index);
  const addresses: AddressRecord[] = [];
  for (let n = 0; n < count; n++) {
    const kit = n === 0 || rng.chance(0.85) ? home : rng.pick(ctx.countries);
    const own = n === 0 || rng.chance(0.75);
    const commercial = customer.company !== '' ? rng.chance(0.6) : rng.chance(0.05);
    const stateIndex = rng.int(kit.states.length);
    const first_name = own ? customer.first_name : kit.firstName(rng, rng.chance(0.5));
    const last_name = own ? customer.last_name : kit.lastName(rng);
    const company = commercial ? customer.company || kit.company(rng) : '';
    const street_1 = kit.street(rng);
    const street_2 = rng.chance(0.2) ? kit.secondaryAddress(rng) : '';
    const city = kit.city(rng);
    const zip = kit.zip(rng, stateIndex);
    const phone = own && kit === home && customer.phone !== '' ? customer.phone : kit.phone(rng);
    addresses.push({
      id: firstId + n,
      customer_id: customer.id,
      first_name,
      last_name,
      company,
      street_1,
      street_2,
      city,
      state: kit.states[stateIndex] ?? ' ',
      zip,
      country: kit.country,
      country_iso2: kit.iso2,
      phone,
      address_type: commercial ? 'commercial' : 'residential',
      form_fields: addressFields(rng),
    });
  }
  return addresses;
}
