/** The fake's options and their defaults, resolved in one place. */
import type { Faults } from './faults.js';
import type { TokenConfig } from './http/auth.js';
import type { RateLimit } from './http/rate-limit.js';
import type { PrimeTenant } from './store/stores.js';

export type { Scope, TokenConfig } from './http/auth.js';
export type { RateLimit } from './http/rate-limit.js';

/** Options of `createApp` / `startServer`. Every field is optional. */
export interface AppOptions {
  /** API tokens; default: `fakestore-token` (full) and `fakestore-read-only`. */
  tokens?: TokenConfig[];
  /** Token of the admin API (`X-Admin-Token`); default `fakestore-admin`. */
  adminToken?: string;
  /** Serve the admin API to non-loopback clients too; default false. */
  allowRemoteAdmin?: boolean;
  /** Fills each new store (seeded world, fixture); default: stores start empty. */
  prime?: PrimeTenant;
  /** Base of absolute links (`addresses.url`); default `https://api.bigcommerce.com`. */
  linkBase?: string;
  /** The time source (epoch ms), for dates and rate-limit windows; default `Date.now`. */
  clock?: () => number;
  /** Requests per window per store; default 1,000,000 per 30 s (high enough not to disturb). */
  rateLimit?: RateLimit;
  /** The stricter limit of password validation, per store; default 1,000 per 30 s. */
  validateRateLimit?: RateLimit;
  /** scrypt cost N for password hashes; default 16384 (use 16 in tests). */
  passwordCost?: number;
  /** Most stores (tenants) kept in memory; past it the oldest is dropped. Default 10,000. */
  maxStores?: number;
  /** Largest request body accepted, in bytes; default 1 MiB. */
  maxBodyBytes?: number;
  /** Where request and error lines go; default: nowhere. */
  log?: (line: string) => void;
  /** Test-only deliberate spec violations (see src/faults.ts); default: none. */
  faults?: Faults;
}

/** The options with every default filled in. */
export interface ResolvedOptions extends Required<Omit<AppOptions, 'log' | 'prime'>> {
  log: (line: string) => void;
  quiet: boolean;
  prime: PrimeTenant | undefined;
}

/** The default full-scope token, printed by the CLI so the two-command start works. */
export const DEFAULT_TOKEN = 'fakestore-token';
/** The default read-only token. */
export const DEFAULT_READ_ONLY_TOKEN = 'fakestore-read-only';
/** The default admin token. */
export const DEFAULT_ADMIN_TOKEN = 'fakestore-admin';

/** Fills the defaults of `AppOptions`. */
export function resolveOptions(o: AppOptions): ResolvedOptions {
  return {
    tokens: o.tokens ?? [
      { token: DEFAULT_TOKEN, scope: 'store_v2_customers' },
      { token: DEFAULT_READ_ONLY_TOKEN, scope: 'store_v2_customers_read_only' },
    ],
    adminToken: o.adminToken ?? DEFAULT_ADMIN_TOKEN,
    allowRemoteAdmin: o.allowRemoteAdmin ?? false,
    prime: o.prime,
    linkBase: o.linkBase ?? 'https://api.bigcommerce.com',
    clock: o.clock ?? Date.now,
    rateLimit: o.rateLimit ?? { quota: 1_000_000, windowMs: 30_000 },
    validateRateLimit: o.validateRateLimit ?? { quota: 1_000, windowMs: 30_000 },
    passwordCost: o.passwordCost ?? 16384,
    maxBodyBytes: o.maxBodyBytes ?? 1024 * 1024,
    maxStores: o.maxStores ?? 10_000,
    log: o.log ?? (() => {}),
    quiet: o.log === undefined,
    faults: o.faults ?? {},
  };
}
