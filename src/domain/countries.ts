/**
 * Country names as the platform stores them: one canonical English name per ISO 3166 country,
 * from the maintained i18n-iso-countries tables, with the platform's own name where it differs.
 */
import { createRequire } from 'node:module';

interface CountriesLib {
  registerLocale(locale: unknown): void;
  getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
}

/** Where the platform's name differs from the table's first English name (sheet 4.9: `United States`). */
const PLATFORM_NAMES: Readonly<Record<string, string>> = { US: 'United States' };

/** A country as the platform knows it. */
export interface Country {
  name: string;
  iso2: string;
}

let byKey: Map<string, Country> | undefined;

/** Codes are not names: `US`, `U.S.A.`, `UK` are refused (the platform wants the full name). */
const CODE_LIKE = /^[A-Z.]{2,6}$/;

function table(): Map<string, Country> {
  if (!byKey) {
    // Only the English names: the package's default entry loads every language (slow start).
    const require = createRequire(import.meta.url);
    const lib = require('i18n-iso-countries/index.js') as CountriesLib;
    lib.registerLocale(require('i18n-iso-countries/langs/en.json'));
    const all = Object.entries(lib.getNames('en', { select: 'all' })).map(([iso2, names]) => ({
      country: { name: PLATFORM_NAMES[iso2] ?? names[0] ?? iso2, iso2 },
      names,
    }));
    byKey = new Map(all.map(({ country }) => [country.name.toLowerCase(), country]));
    // Aliases after every canonical name; one that names two countries ("Congo") names none.
    const ambiguous = new Set<string>();
    for (const { country, names } of all) {
      for (const name of names) {
        const alias = name.toLowerCase();
        const taken = byKey.get(alias);
        if (CODE_LIKE.test(name) || taken === country) continue;
        if (taken && taken.name.toLowerCase() !== alias) ambiguous.add(alias);
        else if (!taken) byKey.set(alias, country);
      }
    }
    for (const alias of ambiguous) byKey.delete(alias);
  }
  return byKey;
}

/**
 * The country a name means (any case; the table's common English aliases too, such as
 * `United States of America`), or null for a code or an unknown name.
 */
export function findCountry(name: string): Country | null {
  return table().get(name.trim().toLowerCase()) ?? null;
}

/** The alpha-2 code of a country name, or null (see {@link findCountry}). */
export function countryIso2(name: string): string | null {
  return findCountry(name)?.iso2 ?? null;
}
