/** Country names to ISO 3166 alpha-2 codes, from the maintained i18n-iso-countries tables. */
import { createRequire } from 'node:module';

interface CountriesLib {
  registerLocale(locale: unknown): void;
  getAlpha2Code(name: string, lang: string): string | undefined;
}

let lib: CountriesLib | undefined;

function countries(): CountriesLib {
  if (!lib) {
    // Only the English names: the package's default entry loads every language (slow start).
    const require = createRequire(import.meta.url);
    lib = require('i18n-iso-countries/index.js') as CountriesLib;
    lib.registerLocale(require('i18n-iso-countries/langs/en.json'));
  }
  return lib;
}

/** The alpha-2 code of a country's English name (any case, official or short name), or null. */
export function countryIso2(name: string): string | null {
  return countries().getAlpha2Code(name.trim(), 'en') ?? null;
}
