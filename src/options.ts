/** The fake's options and their defaults, resolved in one place. */
import { DEFAULT_COMPAT, type Compat } from './compat.js';
import {
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_LINK_BASE,
  DEFAULT_PASSWORD_COST,
  DEFAULT_READ_ONLY_TOKEN,
  DEFAULT_TOKEN,
} from './config.js';
import type { ChaosLevel } from './control/chaos.js';
import type { ClockStart } from './control/clock.js';
import type { Backend } from './engine/backend.js';
import type { PrimeStore } from './engine/stores.js';
import type { TokenConfig } from './http/auth.js';
import type { CorsOrigins } from './http/cors.js';
import type { RateLimit } from './http/rate-limit.js';
import type { LogFormat } from './http/request-log.js';

export type { Scope, TokenConfig } from './http/auth.js';
export type { RateLimit } from './http/rate-limit.js';
export type { Compat } from './compat.js';
export { DEFAULT_ADMIN_TOKEN, DEFAULT_READ_ONLY_TOKEN, DEFAULT_TOKEN } from './config.js';

/** Options of `createApp` / `startServer`. Every field is optional. */
export interface AppOptions {
  /** API tokens; default: `fakestore-token` (full) and `fakestore-read-only`. */
  tokens?: TokenConfig[];
  /** Token of the admin API (`X-Admin-Token`); default `fakestore-admin`. */
  adminToken?: string;
  /** Serve the admin API to non-loopback clients too; default false. */
  allowRemoteAdmin?: boolean;
  /**
   * Where records live: `createMemoryBackend()` (the default: gone when the process ends) or
   * `openSqliteBackend(file)` (every store kept in one file, each write on disk before its
   * answer; see docs/durability.md). The app closes it on `close()`.
   */
  backend?: Backend;
  /** Fills each new store (seeded world, fixture); default: stores start empty. */
  prime?: PrimeStore;
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
  /** Most stores kept by a memory backend; past it the oldest is dropped. Default 10,000. */
  maxStores?: number;
  /** Largest request body accepted, in bytes; default 1 MiB. */
  maxBodyBytes?: number;
  /** Behaviours of low-confidence facts (see src/compat.ts); default: the most plausible. */
  compat?: Partial<Compat>;
  /** Answer browsers from these origins (`'*'`: any): preflights, exposed headers. Default: no CORS. */
  cors?: CorsOrigins;
  /** Where request lines (`info`) and internal errors (`error`) go; default: nowhere. */
  log?: (line: string, level: 'info' | 'error') => void;
  /** Request lines as text for people (default) or one JSON object per line. */
  logFormat?: LogFormat;
  // [control] Journal, faults and virtual time (src/control, docs/testing.md).
  /** Requests the journal keeps per store; 0 turns it off. Default 1,000. */
  journalSize?: number;
  /** Fault rules every store starts with (`serve --chaos`); default none. */
  chaos?: ChaosLevel;
  /** Where the virtual clock starts (`serve --clock frozen@...`); default: real time. */
  clockStart?: ClockStart;
}

/** The options with every default filled in. */
export interface ResolvedOptions extends Required<
  Omit<AppOptions, 'log' | 'prime' | 'backend' | 'compat' | 'cors' | 'chaos' | 'clockStart'>
> {
  log: (line: string, level: 'info' | 'error') => void;
  cors: CorsOrigins | undefined;
  chaos: ChaosLevel | undefined;
  clockStart: ClockStart | undefined;
  quiet: boolean;
  prime: PrimeStore | undefined;
  backend: Backend | undefined;
  compat: Compat;
}

/** Fills the defaults of `AppOptions`. */
export function resolveOptions(o: AppOptions): ResolvedOptions {
  return {
    tokens: o.tokens ?? [
      { token: DEFAULT_TOKEN, scope: 'store_v2_customers' },
      { token: DEFAULT_READ_ONLY_TOKEN, scope: 'store_v2_customers_read_only' },
    ],
    adminToken: o.adminToken ?? DEFAULT_ADMIN_TOKEN,
    allowRemoteAdmin: o.allowRemoteAdmin ?? false,
    backend: o.backend,
    prime: o.prime,
    linkBase: o.linkBase ?? DEFAULT_LINK_BASE,
    clock: o.clock ?? Date.now,
    rateLimit: o.rateLimit ?? { quota: 1_000_000, windowMs: 30_000 },
    validateRateLimit: o.validateRateLimit ?? { quota: 1_000, windowMs: 30_000 },
    passwordCost: o.passwordCost ?? DEFAULT_PASSWORD_COST,
    maxBodyBytes: o.maxBodyBytes ?? 1024 * 1024,
    maxStores: o.maxStores ?? 10_000,
    compat: { ...DEFAULT_COMPAT, ...o.compat },
    cors: o.cors,
    log: o.log ?? (() => {}),
    logFormat: o.logFormat ?? 'text',
    quiet: o.log === undefined,
    journalSize: o.journalSize ?? 1_000,
    chaos: o.chaos,
    clockStart: o.clockStart,
  };
}
