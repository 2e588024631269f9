/**
 * Per-country data kits compiled from faker's locale definitions (names, cities, streets, states,
 * postcodes, phone formats, company names) so addresses and customers fit their country.
 */
import type { LocaleDefinition } from '@faker-js/faker';
import { MERGED_LOCALES } from './faker-locales.js';
import { countryIso2 } from '../domain/countries.js';
import { compileSymbols, compileTemplate, oneOf, oneOfSymbols, pickFrom } from './patterns.js';
import type { Gen } from './patterns.js';
import type { SeededRandom } from './random.js';

import type { SeedLocale } from '../config.js';

export { isSeedLocale, SEED_LOCALES, type SeedLocale } from '../config.js';

interface CountrySource {
  country: string;
  locale: LocaleDefinition;
  /** False where the platform keeps no states for the country: `state` is then a single space. */
  hasStates: boolean;
}

const SOURCES: Record<SeedLocale, CountrySource> = {
  en_US: { country: 'United States', locale: MERGED_LOCALES.en_US, hasStates: true },
  en_GB: { country: 'United Kingdom', locale: MERGED_LOCALES.en_GB, hasStates: false },
  en_CA: { country: 'Canada', locale: MERGED_LOCALES.en_CA, hasStates: true },
  en_AU: { country: 'Australia', locale: MERGED_LOCALES.en_AU, hasStates: true },
  de: { country: 'Germany', locale: MERGED_LOCALES.de, hasStates: true },
  fr: { country: 'France', locale: MERGED_LOCALES.fr, hasStates: false },
};

/** Everything needed to make a person, a company or an address that fits one country. */
export interface CountryKit {
  locale: SeedLocale;
  /** The full English country name, as the API stores it. */
  country: string;
  /** ISO 3166 alpha-2 code derived from `country` with i18n-iso-countries. */
  iso2: string;
  /** Full state names, or `[' ']` for a country without states. */
  states: readonly string[];
  /** A postcode that fits the state at `stateIndex` where faker knows per-state ranges. */
  zip(rng: SeededRandom, stateIndex: number): string;
  city: Gen;
  street: Gen;
  secondaryAddress: Gen;
  phone: Gen;
  firstName(rng: SeededRandom, female: boolean): string;
  lastName: Gen;
  company: Gen;
  emailDomains: readonly string[];
}

type Entries = Record<string, unknown>;

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')
    ? (value as string[])
    : undefined;
}

function required(value: unknown, what: string): string[] {
  const list = strings(value);
  if (!list) throw new Error(`faker locale data has no ${what}`);
  return list;
}

const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Builds the kit of one country from its faker locale merged with faker's English fallback. */
function buildKit(locale: SeedLocale): CountryKit {
  const source = SOURCES[locale];
  const defs = source.locale;
  const person = (defs.person ?? {}) as Entries;
  const location = (defs.location ?? {}) as Entries;
  const firstNames = (person.first_name ?? {}) as Entries;
  const female = strings(firstNames.female) ?? required(firstNames.generic, 'first names');
  const male = strings(firstNames.male) ?? required(firstNames.generic, 'first names');
  const lastName = pickFrom(required((person.last_name as Entries | undefined)?.generic, 'last names'));
  const anyFirst: Gen = (rng) => rng.pick(rng.chance(0.5) ? female : male);

  const gens = new Map<string, Gen>([
    ['person.firstName', anyFirst],
    ['person.lastName', lastName],
    ['location.buildingNumber', oneOfSymbols(required(location.building_number, 'building numbers'))],
  ]);
  const resolve = (token: string): Gen | undefined => {
    const known = gens.get(token);
    if (known) return known;
    const [category, entry] = token.split('.');
    const list = strings(
      ((defs as Entries)[category ?? ''] as Entries | undefined)?.[snakeCase(entry ?? '')],
    );
    return list ? pickFrom(list) : undefined;
  };
  const templates = (value: unknown, what: string): Gen =>
    oneOf(required(value, what).map((t) => compileTemplate(t, resolve)));
  gens.set('location.street', templates(location.street_pattern, 'street patterns'));
  const secondary = oneOfSymbols(required(location.secondary_address, 'secondary addresses'));
  gens.set('location.secondaryAddress', secondary);

  const stateNames = required(location.state, 'states');
  const abbreviations = strings(location.state_abbr) ?? [];
  const byState = (location.postcode_by_state ?? {}) as Record<string, string | string[] | undefined>;
  const anyZip = oneOfSymbols(required(location.postcode, 'postcodes'));
  const stateZips = stateNames.map((_, i) => {
    const formats = byState[abbreviations[i] ?? ''];
    return formats ? templates(typeof formats === 'string' ? [formats] : formats, 'postcodes') : anyZip;
  });

  const phoneData = (defs.phone_number ?? {}) as Entries;
  const areaCodes = strings(phoneData.area_code);
  const exchangeCodes = strings(phoneData.exchange_code);
  const line = compileSymbols('####');
  const phone: Gen =
    areaCodes && exchangeCodes
      ? (rng) => `(${rng.pick(areaCodes)}) ${rng.pick(exchangeCodes)}-${line(rng)}`
      : oneOfSymbols(required((phoneData.format as Entries | undefined)?.national, 'phone formats'));

  const iso2 = countryIso2(source.country);
  if (!iso2) throw new Error(`i18n-iso-countries does not know ${source.country}`);
  const streetAddress = (location.street_address as Entries | undefined)?.normal;
  return {
    locale,
    country: source.country,
    iso2,
    states: source.hasStates ? stateNames : [' '],
    zip: (rng, stateIndex) => (source.hasStates ? (stateZips[stateIndex] ?? anyZip) : anyZip)(rng),
    city: templates(location.city_pattern, 'city patterns'),
    street: templates(typeof streetAddress === 'string' ? [streetAddress] : undefined, 'street addresses'),
    secondaryAddress: secondary,
    phone,
    firstName: (rng, isFemale) => rng.pick(isFemale ? female : male),
    lastName,
    company: templates((defs.company as Entries | undefined)?.name_pattern, 'company name patterns'),
    emailDomains: required((defs.internet as Entries | undefined)?.free_email, 'email domains'),
  };
}

const kits = new Map<SeedLocale, CountryKit>();

/** The (cached) kit of a store locale's country. */
export function countryKit(locale: SeedLocale): CountryKit {
  let kit = kits.get(locale);
  if (!kit) kits.set(locale, (kit = buildKit(locale)));
  return kit;
}
