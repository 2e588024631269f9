/** Deterministic seeded data: whole worlds, or any single entity computed on its own. */
export { generatedDataSet, generateWorld, worldFill } from './world.js';
export { createSeedContext } from './context.js';
export type { SeedContext, SeedOptions } from './context.js';
export { groupAt, groupNameAt } from './groups.js';
export { customerAt, homeCountryOf } from './customers.js';
export { addressCountFor, addressesFor, firstAddressIdFor } from './addresses.js';
export { Fingerprinter } from '../dataset/fingerprint.js';
export { fingerprintWorld } from '../dataset/index.js';
export { SEED_LOCALES, countryKit } from './country-kits.js';
export type { CountryKit, SeedLocale } from './country-kits.js';
