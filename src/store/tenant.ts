/** One store (tenant): its customers, addresses and groups, isolated from every other store. */
import { AddressRepo } from './addresses.js';
import { CustomerRepo } from './customers.js';
import { GroupRepo } from './groups.js';
import type { AddressRecord, CustomerRecord, GroupRecord } from './records.js';

/** A data set to load into a tenant, in dependency order. */
export interface TenantData {
  groups: GroupRecord[];
  customers: CustomerRecord[];
  addresses: AddressRecord[];
}

/** The state of one `store_hash`. */
export class Tenant {
  readonly customers: CustomerRepo;
  readonly addresses: AddressRepo;
  readonly groups: GroupRepo;
  /** Fingerprint of the data the tenant was loaded with, if it came from the generator. */
  fingerprint: string | null = null;
  /** Settles when a background load (an async prime) is done; null when the tenant is ready. */
  loading: Promise<void> | null = null;
  /** Why the background load failed, if it did: requests to the store then fail loudly. */
  loadError: unknown = null;

  constructor(
    readonly hash: string,
    readonly linkBase: string,
  ) {
    this.customers = new CustomerRepo(this);
    this.addresses = new AddressRepo(this);
    this.groups = new GroupRepo(this);
  }

  /** Loads records as they are (groups, then customers, then addresses). */
  load(data: TenantData): void {
    for (const g of data.groups) this.groups.insert(g);
    for (const c of data.customers) this.customers.insert(c);
    for (const a of data.addresses) this.addresses.insert(a);
  }

  /** Entity counts, for the admin API. */
  counts(): { customers: number; addresses: number; groups: number } {
    return { customers: this.customers.size, addresses: this.addresses.size, groups: this.groups.size };
  }
}
