/**
 * The six faker locales the generator uses, loaded one by one: the package's main entry loads
 * all ~70 locales (about 185 ms and 27 MB at start). Each locale module's ready-made instance
 * carries its definitions merged with English and base, which is what the generator needs.
 */
import type { Faker as FakerType, LocaleDefinition } from '@faker-js/faker';
import type { SeedLocale } from '../config.js';
import { faker as fakerDe } from '@faker-js/faker/locale/de';
import { faker as fakerEnAu } from '@faker-js/faker/locale/en_AU';
import { faker as fakerEnCa } from '@faker-js/faker/locale/en_CA';
import { faker as fakerEnGb } from '@faker-js/faker/locale/en_GB';
import { faker as fakerEnUs } from '@faker-js/faker/locale/en_US';
import { faker as fakerFr } from '@faker-js/faker/locale/fr';

/** Each locale's definitions, already merged with English and base (faker's fallback chain). */
export const MERGED_LOCALES: Record<SeedLocale, LocaleDefinition> = {
  en_US: fakerEnUs.rawDefinitions,
  en_GB: fakerEnGb.rawDefinitions,
  en_CA: fakerEnCa.rawDefinitions,
  en_AU: fakerEnAu.rawDefinitions,
  de: fakerDe.rawDefinitions,
  fr: fakerFr.rawDefinitions,
};

/** faker's `Faker` class, taken from a loaded instance so the all-locales entry stays unloaded. */
export const Faker = fakerEnUs.constructor as typeof FakerType;
