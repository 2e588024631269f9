/**
 * Constants and defaults of bc-fakestore, resolved in one place: every module that needs one of
 * these imports it from here instead of writing its own copy.
 */

/** A store hash as the fake accepts it: 1 to 64 letters, digits, `_` or `-`. */
export const STORE_HASH = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a string is a store hash the fake accepts. */
export const isStoreHash = (value: string): boolean => STORE_HASH.test(value);

/** The store hash the CLI's banner describes, and the pacts' store. */
export const DEFAULT_STORE_HASH = 'abc123';

/** Origin of absolute links in representations (`addresses.url`). */
export const DEFAULT_LINK_BASE = 'https://api.bigcommerce.com';

/** scrypt cost N of password hashes: production-like. Test suites pass 16. */
export const DEFAULT_PASSWORD_COST = 16384;

/** The default full-scope token, printed by the CLI so the two-command start works. */
export const DEFAULT_TOKEN = 'fakestore-token';
/** The default read-only token. */
export const DEFAULT_READ_ONLY_TOKEN = 'fakestore-read-only';
/** The default admin token. */
export const DEFAULT_ADMIN_TOKEN = 'fakestore-admin';

/** Largest page a collection serves, and the default page size (sheet 1.3). */
export const MAX_LIMIT = 250;
export const DEFAULT_LIMIT = 50;

/** Most customers one `DELETE /customers` removes ("up to 100 customers per batch"). */
export const DELETE_BATCH = 100;

/** The store locales a world can be generated in, as faker names them. */
export const SEED_LOCALES = ['en_US', 'en_GB', 'en_CA', 'en_AU', 'de', 'fr'] as const;

/** One of {@link SEED_LOCALES}. */
export type SeedLocale = (typeof SEED_LOCALES)[number];

/** Whether a string names one of the supported store locales. */
export const isSeedLocale = (value: unknown): value is SeedLocale =>
  (SEED_LOCALES as readonly unknown[]).includes(value);

/** Defaults of a generated world. */
export const SEED_DEFAULTS = {
  seed: 1,
  customers: 25,
  groups: 3,
  addressesPerCustomer: [0, 3] as readonly [number, number],
  locale: 'en_US' as SeedLocale,
  /** 2024-01-01T00:00:00Z: every generated date is at or before it. */
  now: Date.UTC(2024, 0, 1),
};

/** Largest world the admin API generates in one request. */
export const MAX_SEED_CUSTOMERS = 1_000_000;

/** Customers loaded between two yields to the event loop, so a large load never stalls other stores. */
export const LOAD_SLICE = 2_000;

/** The `X-BC-Store-Version` every store answer carries (sheet 6.9 names the header, not a value). */
export const STORE_VERSION = '7.6.0';
