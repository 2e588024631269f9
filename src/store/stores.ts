/** The registry of tenants: each store hash gets its own store on first use. */
import { Tenant } from './tenant.js';

/**
 * How a new tenant is filled (the seeded world, a fixture, or nothing). A prime that returns a
 * promise loads in the background: requests to that store wait for it, others go on.
 */
export type PrimeTenant = (tenant: Tenant) => void | Promise<void>;

/** Options of `createStores`. */
export interface StoresOptions {
  /** Base of the absolute `addresses.url` links. */
  linkBase?: string;
  /** Fills each new tenant; default: leaves it empty. */
  prime?: PrimeTenant;
  /** Most tenants kept; past it the one created longest ago is dropped. Default 10,000. */
  maxStores?: number;
}

/** All tenants of one fake. */
export class Stores {
  private readonly tenants = new Map<string, Tenant>();
  private readonly linkBase: string;
  private readonly prime: PrimeTenant;
  private readonly maxStores: number;

  constructor(options: StoresOptions = {}) {
    this.linkBase = options.linkBase ?? 'https://api.bigcommerce.com';
    this.prime = options.prime ?? (() => {});
    this.maxStores = options.maxStores ?? 10_000;
  }

  /** The tenant of a store hash, created (and primed) on first use. */
  get(hash: string): Tenant {
    const t = this.tenants.get(hash);
    if (t) return t;
    return this.reset(hash);
  }

  /** The tenant of a store hash once it has finished loading (see `PrimeTenant`). */
  open(hash: string): Tenant | Promise<Tenant> {
    const t = this.get(hash);
    if (t.loading) return t.loading.then(() => this.open(hash));
    if (t.loadError) throw t.loadError;
    return t;
  }

  /** Whether a tenant exists already. */
  has(hash: string): boolean {
    return this.tenants.has(hash);
  }

  /** Replaces a tenant with a fresh one, filled by `prime` (default: the configured one). */
  reset(hash: string, prime: PrimeTenant = this.prime): Tenant {
    const t = new Tenant(hash, this.linkBase);
    const loading = prime(t);
    if (loading) {
      t.loading = loading.then(
        () => {
          t.loading = null;
        },
        (err: unknown) => {
          t.loading = null;
          t.loadError = err;
        },
      );
    }
    this.tenants.delete(hash);
    this.tenants.set(hash, t);
    // Map order is creation order: the first key is the tenant created longest ago.
    if (this.tenants.size > this.maxStores) this.tenants.delete(this.tenants.keys().next().value as string);
    return t;
  }

  /** Forgets a tenant; it comes back primed on next use. */
  delete(hash: string): boolean {
    return this.tenants.delete(hash);
  }

  /** Hashes of the tenants in use. */
  hashes(): string[] {
    return [...this.tenants.keys()];
  }
}
