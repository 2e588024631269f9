/**
 * The resolved options of a seeded world plus the one Faker instance and generator that every
 * entity function shares. Build it once with createSeedContext, then compute any entity from it.
 */
import type { Faker as FakerInstance } from '@faker-js/faker';
import { SEED_DEFAULTS } from '../config.js';
import { Faker, MERGED_LOCALES } from './faker-locales.js';
import { SEED_LOCALES, countryKit, isSeedLocale } from './country-kits.js';
import type { CountryKit, SeedLocale } from './country-kits.js';
import { SeededRandom, seedKey } from './random.js';
import type { SeedKey } from './random.js';

/** Options of a generated world; every field has a default. */
export interface SeedOptions {
  /** Any number; the same seed and store hash always give the same world. Default 1. */
  seed?: number;
  /** The tenant; part of the seed, so two stores with one seed still differ. Default 'default'. */
  storeHash?: string;
  /** How many customers generateWorld makes. Default 25. */
  customers?: number;
  /** How many customer groups exist. Default 3. */
  groups?: number;
  /** Inclusive [min, max] addresses per customer. Default [0, 3]. */
  addressesPerCustomer?: readonly [number, number];
  /** The store's faker locale: most customers live in its country. Default 'en_US'. */
  locale?: SeedLocale;
  /** The reference "now" in epoch ms; every date is at or before it. Default 2024-01-01T00:00:00Z. */
  now?: number;
}

/** Everything the entity functions need: resolved options, key, generator and country kits. */
export interface SeedContext {
  readonly seed: number;
  readonly storeHash: string;
  readonly customers: number;
  readonly groups: number;
  readonly addressesPerCustomer: readonly [number, number];
  readonly locale: SeedLocale;
  /** `now` cut to whole seconds, in epoch seconds. */
  readonly nowSeconds: number;
  readonly key: SeedKey;
  /** The generator behind `faker`; entity functions reseed it per entity. */
  readonly rng: SeededRandom;
  /** The generator's one Faker instance (store locale, English fallback), driven by `rng`. */
  readonly faker: FakerInstance;
  /** The store's own country. */
  readonly home: CountryKit;
  /** All supported countries, the store's own first. */
  readonly countries: readonly CountryKit[];
}

function count(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

/** Resolves options (filling defaults) and builds the shared generator; throws on invalid options. */
export function createSeedContext(options: SeedOptions = {}): SeedContext {
  const {
    seed = SEED_DEFAULTS.seed,
    storeHash = 'default',
    customers = SEED_DEFAULTS.customers,
    groups = SEED_DEFAULTS.groups,
    addressesPerCustomer = SEED_DEFAULTS.addressesPerCustomer,
    locale = SEED_DEFAULTS.locale,
    now = SEED_DEFAULTS.now,
  } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!isSeedLocale(locale)) throw new RangeError(`locale must be one of ${SEED_LOCALES.join(', ')}`);
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, got ${now}`);
  const [min, max] = addressesPerCustomer;
  if (count(min, 'addressesPerCustomer[0]') > count(max, 'addressesPerCustomer[1]')) {
    throw new RangeError(`addressesPerCustomer min ${min} is above max ${max}`);
  }
  const rng = new SeededRandom();
  const home = countryKit(locale);
  return {
    seed,
    storeHash,
    customers: count(customers, 'customers'),
    groups: count(groups, 'groups'),
    addressesPerCustomer: [min, max],
    locale,
    nowSeconds: Math.floor(now / 1000),
    key: seedKey(seed, storeHash),
    rng,
    faker: new Faker({ locale: [MERGED_LOCALES[locale]], randomizer: rng }),
    home,
    countries: [home, ...SEED_LOCALES.filter((l) => l !== locale).map(countryKit)],
  };
}
