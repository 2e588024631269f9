/**
 * `startFakeStore`: one fresh store of a fake for one test (or one file), with its typed client
 * and the admin API bound to it: journal, verify, faults, clock, snapshots. Each call gets its own
 * store hash, so tests running in parallel never share data.
 */
import { randomUUID } from 'node:crypto';
import { AdminApiError, createAdminClient, type AdminClient } from '../admin-client/index.js';
import type {
  ClockChange,
  Clock,
  FaultRule,
  FaultRuleCreate,
  JournalEntry,
  JournalFilter,
  SeedRequest,
  VerifyRequest,
  VerifyResult,
} from '../admin-client/types.js';
import { createClient, type BigCommerceClient } from '../client/index.js';
import { DEFAULT_ADMIN_TOKEN, DEFAULT_TOKEN } from '../config.js';
import { startServer, type RunningServer, type ServerOptions } from '../server.js';

/** Options of `startFakeStore`: the fake's own (when it starts one), and the store's. */
export interface FakeStoreOptions extends Omit<ServerOptions, 'port' | 'host'> {
  /** A fake already running (e.g. started by Vitest's globalSetup); default: start one in this process. */
  url?: string;
  /** The store hash; default: a fresh one per call. */
  storeHash?: string;
  /** The API token the client sends; default `fakestore-token`. */
  token?: string;
  /** Fill the store with a generated world or a fixture first (as `POST .../seed` takes it). */
  seed?: SeedRequest;
}

/** A fault rule that was added, and how to remove it. */
export interface FaultHandle {
  id: string;
  rule: FaultRule;
  remove(): Promise<void>;
}

/** The store's own virtual clock. */
export interface StoreClock {
  /** The store's time now. */
  now(): Promise<Date>;
  /** Stops the store's time (at `at`, default now). */
  freeze(at?: Date | string | number): Promise<Clock>;
  /** Sets the store's time; a frozen clock stays frozen. */
  set(at: Date | string | number): Promise<Clock>;
  /** Moves the store's time forward by ms or a duration (`90s`, `1h30m`, `PT15M`). */
  advance(by: number | string): Promise<Clock>;
  /** The store follows the fake's clock again (real time unless someone moved it). */
  real(): Promise<Clock>;
}

/** One store of a fake, ready for a test. */
export interface FakeStore {
  /** Origin of the fake, e.g. `http://127.0.0.1:38211`. */
  url: string;
  /** Base URL of the store's API: `${url}/stores/${storeHash}/v2`. */
  baseUrl: string;
  storeHash: string;
  /** The API token the client sends. */
  token: string;
  /** The typed Customers V2 client, bound to this store. */
  client: BigCommerceClient;
  /** The typed admin client of the fake (every admin route). */
  admin: AdminClient;
  /** The requests this store received, oldest first (filters as `GET .../requests` takes them). */
  journal(filter?: JournalFilter): Promise<JournalEntry[]>;
  /** Verifies received requests; throws `VerificationError` (with near misses) when the count does not hold. */
  verify(matcher: VerifyRequest): Promise<VerifyResult>;
  /** Adds a fault rule to this store. */
  fault(rule: FaultRuleCreate): Promise<FaultHandle>;
  clock: StoreClock;
  /** Takes a snapshot of the store's data; resolves to its id. */
  snapshot(): Promise<string>;
  /** Puts the store's data back to a snapshot. */
  restore(id: string): Promise<void>;
  /** Back to the start: the data (as first filled), an empty journal, no fault rules, the fake's clock. */
  reset(): Promise<void>;
  /** Forgets the store; stops the fake when this call started it. */
  close(): Promise<void>;
}

/** Thrown by `verify` when the count does not hold; the message lists the near misses. */
export class VerificationError extends Error {
  override readonly name = 'VerificationError';
  constructor(readonly result: VerifyResult) {
    super(result.message);
  }
}

/** A fresh store hash. */
export const freshStoreHash = (): string => `t${randomUUID().replace(/-/g, '').slice(0, 20)}`;

const instant = (at: Date | string | number): string | number => (at instanceof Date ? at.toISOString() : at);

/** Starts a fake in this process with test-friendly defaults (free port on 127.0.0.1, fast password hashing). */
export function startFakeServer(options: ServerOptions = {}): Promise<RunningServer> {
  return startServer({
    passwordCost: 16,
    ...options,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
  });
}

/** Starts (or joins) a fake and gives this caller a store of its own. */
export async function startFakeStore(options: FakeStoreOptions = {}): Promise<FakeStore> {
  const { url: given, storeHash = freshStoreHash(), token = DEFAULT_TOKEN, seed, ...serverOptions } = options;
  const own = given === undefined ? await startFakeServer(serverOptions) : undefined;
  const url = (given ?? (own as RunningServer).url).replace(/\/+$/, '');
  const admin = createAdminClient({ url, adminToken: options.adminToken ?? DEFAULT_ADMIN_TOKEN });
  const hash = storeHash;
  if (seed) await admin.seedStore(hash, seed);
  const clockChange = (change: ClockChange) => admin.setStoreClock(hash, change);
  const store: FakeStore = {
    url,
    baseUrl: `${url}/stores/${hash}/v2`,
    storeHash: hash,
    token,
    client: createClient({ baseUrl: url, storeHash: hash, token }),
    admin,
    journal: (filter) => admin.listRequests(hash, filter),
    async verify(matcher) {
      const result = await admin.verifyRequests(hash, matcher);
      if (!result.ok) throw new VerificationError(result);
      return result;
    },
    async fault(rule) {
      const added = await admin.addFault(hash, rule);
      return { id: added.id, rule: added, remove: () => admin.deleteFault(hash, added.id) };
    },
    clock: {
      now: async () => new Date((await admin.getStoreClock(hash)).now),
      freeze: (at) =>
        clockChange(at === undefined ? { action: 'freeze' } : { action: 'freeze', at: instant(at) }),
      set: (at) => clockChange({ action: 'set', at: instant(at) }),
      advance: (by) => clockChange({ action: 'advance', by }),
      real: () => admin.followGlobalClock(hash),
    },
    snapshot: async () => (await admin.createSnapshot(hash)).id,
    async restore(id) {
      await admin.restoreSnapshot(hash, id);
    },
    async reset() {
      await (seed ? admin.seedStore(hash, seed) : admin.resetStore(hash));
      await Promise.all([admin.clearRequests(hash), admin.clearFaults(hash), admin.followGlobalClock(hash)]);
    },
    async close() {
      if (own) return own.close();
      await Promise.all([
        admin.deleteStore(hash).catch((err: unknown) => {
          if (!(err instanceof AdminApiError && err.status === 404)) throw err;
        }),
        admin.clearRequests(hash),
        admin.clearFaults(hash),
        admin.followGlobalClock(hash),
      ]);
    },
  };
  return store;
}
