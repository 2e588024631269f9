/**
 * The registry of stores over one backend: each store hash is a store, created and filled on
 * first use (or found in a durable backend), loaded in the background while others answer.
 */
import type { Backend, RecordBatch, StoreMeta, StoreTx, StoreView } from './backend.js';
import { noChange, TrackingTx, type StoreChange } from './changes.js';
import { createMemoryBackend } from './memory/memory-backend.js';
import { andThen, run, type Op } from './op.js';

/** What fills a store: record batches in dependency order, then the data set's fingerprint. */
export interface StoreFill {
  batches(): AsyncIterable<RecordBatch>;
  /** The fingerprint, asked once every batch has been read; null when the data has none. */
  fingerprint(): string | null;
  /** The next ids, when the data knows them (a snapshot); default: after the largest ids. */
  nextIds?(): StoreMeta['nextIds'];
}

/** An empty store's fill. */
const EMPTY: StoreFill = {
  async *batches() {},
  fingerprint: () => null,
};

/** How a new store is filled (a seeded world, a fixture), or null to leave it empty. */
export type PrimeStore = (hash: string) => StoreFill | null;

/** Options of the registry. */
export interface StoresOptions {
  /** Where records live; default: a new memory backend. */
  backend?: Backend;
  /** Fills each new store; default: stores start empty. */
  prime?: PrimeStore;
  /** Most stores kept by a backend that is not durable; past it the oldest is dropped. Default 10,000. */
  maxStores?: number;
}

/** One store: reads and writes through the backend, each write one transaction. */
export class Store {
  constructor(
    readonly hash: string,
    private readonly registry: Stores,
  ) {}

  /** Runs a read operation (synchronously on a synchronous backend). */
  read<T>(op: (view: StoreView) => Op<T>): T | Promise<T> {
    return run(op(this.registry.backend.view(this.hash)));
  }

  /** Runs a write operation in one transaction and tells the listeners what it changed. */
  write<T>(op: (tx: StoreTx) => Op<T>): T | Promise<T> {
    const change = noChange(this.hash);
    const done = this.registry.backend.transact(this.hash, (tx) => op(new TrackingTx(tx, change)));
    return andThen(done, (value) => {
      this.registry.notify(change);
      return value;
    });
  }
}

interface Runtime {
  store: Store;
  /** Settles when a background fill is done; null when the store is ready. */
  loading: Promise<void> | null;
  /** Why the fill failed, if it did: requests to the store then fail loudly. */
  loadError: unknown;
}

/** All stores of one fake. */
export class Stores {
  readonly backend: Backend;
  private readonly prime: PrimeStore;
  private readonly maxStores: number;
  /** Stores in use, in the order they were opened or filled. */
  private readonly runtimes = new Map<string, Runtime>();
  private readonly listeners: ((change: StoreChange) => void)[] = [];
  /** The fill running for each store, so fills of one store run one after the other. */
  private readonly fills = new Map<string, Promise<void>>();

  constructor(options: StoresOptions = {}) {
    this.backend = options.backend ?? createMemoryBackend();
    this.prime = options.prime ?? (() => null);
    this.maxStores = options.maxStores ?? 10_000;
  }

  /** The store of a hash once it is ready: found in the backend, or created and filled on first use. */
  open(hash: string): Store | Promise<Store> {
    const r = this.runtimes.get(hash) ?? this.discover(hash);
    if (r.loading) return r.loading.then(() => this.open(hash));
    if (r.loadError) throw r.loadError;
    return r.store;
  }

  /** Whether a store exists (in use, or kept by a durable backend). */
  has(hash: string): boolean | Promise<boolean> {
    if (this.runtimes.has(hash)) return true;
    return andThen(run(this.backend.view(hash).meta()), (meta) => meta !== undefined);
  }

  /** The hashes of the stores kept, oldest first. */
  hashes(): string[] | Promise<string[]> {
    return run(this.backend.storeHashes());
  }

  /** Replaces a store with what `prime` gives (default: the configured one); resolves once it is ready. */
  reset(hash: string, prime: PrimeStore = this.prime): Promise<Store> {
    return this.fill(hash, prime(hash));
  }

  /** Replaces a store with a data set (null: an empty store); resolves once it is ready. */
  async fill(hash: string, fill: StoreFill | null): Promise<Store> {
    const r = this.track(hash, this.load(hash, fill));
    await r.loading;
    return this.open(hash);
  }

  /** Forgets a store; false when there was none. It comes back filled anew on next use. */
  delete(hash: string): boolean | Promise<boolean> {
    const known = this.runtimes.delete(hash);
    return andThen(run(this.backend.drop(hash)), (dropped) => {
      this.notify(noChange(hash, true));
      return dropped || known;
    });
  }

  /** Calls `listener` after every committed change. */
  onChange(listener: (change: StoreChange) => void): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners about a committed change. */
  notify(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Closes the backend. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.runtimes.values()].map((r) => r.loading));
    await this.backend.close();
  }

  /** First use of a hash: a store the backend keeps is ready; a new one is filled by `prime`. */
  private discover(hash: string): Runtime {
    const exists = andThen(run(this.backend.view(hash).meta()), (meta) => meta !== undefined);
    if (exists === true) return this.track(hash, null);
    if (exists === false) return this.track(hash, this.load(hash, this.prime(hash)));
    return this.track(
      hash,
      exists.then((found) => (found ? undefined : this.load(hash, this.prime(hash)))),
    );
  }

  /**
   * Fills a store in the background (or creates it empty), after any fill of the same store that
   * is still running: the fill asked for last is the one that stays.
   */
  private load(hash: string, fill: StoreFill | null): Promise<void> {
    const previous = this.fills.get(hash);
    const mine = previous
      ? previous.catch(() => undefined).then(() => this.loadNow(hash, fill))
      : this.loadNow(hash, fill);
    this.fills.set(hash, mine);
    const forget = (): void => {
      if (this.fills.get(hash) === mine) this.fills.delete(hash);
    };
    mine.then(forget, forget);
    return mine;
  }

  private async loadNow(hash: string, fill: StoreFill | null): Promise<void> {
    const from = fill ?? EMPTY;
    await this.backend.replace(hash, from.batches(), () => ({
      fingerprint: from.fingerprint(),
      ...(from.nextIds ? { nextIds: from.nextIds() } : {}),
    }));
    this.notify(noChange(hash, true));
  }

  /** Records a store as in use (the newest), with its background load if any. */
  private track(hash: string, loading: Promise<void> | null): Runtime {
    const r: Runtime = { store: new Store(hash, this), loading: null, loadError: null };
    if (loading) {
      r.loading = loading.then(
        () => void (r.loading = null),
        (err: unknown) => {
          r.loading = null;
          r.loadError = err;
        },
      );
    }
    this.runtimes.delete(hash);
    this.runtimes.set(hash, r);
    if (!this.backend.durable && this.runtimes.size > this.maxStores) {
      const oldest = this.runtimes.keys().next().value as string;
      this.runtimes.delete(oldest);
      void andThen(run(this.backend.drop(oldest)), () => this.notify(noChange(oldest, true)));
    }
    return r;
  }
}
