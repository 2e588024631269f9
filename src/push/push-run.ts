/**
 * The three passes of a push over a data set's stream: groups (matched by name), customers
 * (matched by email, in their group's new id), then each customer's addresses (matched by their
 * fields on a customer that already existed). A 401, a 403 or an interruption ends the push;
 * any other failure is counted and the push goes on.
 */
import { BigCommerceApiError, type BigCommerceClient } from '../client/index.js';
import type { DataEntry, DataSet, EntityCounts } from '../dataset/index.js';
import type { AddressRecord } from '../domain/records.js';
import type { Address, Customer } from '../types.js';
import { PushInterrupted, type pacedCalls } from './paced-calls.js';
import { addressBody, addressKey, customerBody, groupBody, groupDifferences } from './push-bodies.js';
import type { PushState } from './push-state.js';

type Kind = keyof EntityCounts;
type Call = ReturnType<typeof pacedCalls>['call'];

/** What happened to one kind of entity. */
export interface KindSummary {
  created: number;
  /** Already in the store (matched by name, email, fields or the state file). */
  skipped: number;
  failed: number;
}

/** One entity that could not be pushed. */
export interface PushFailure {
  kind: Kind;
  /** Its id in the source data set. */
  sourceId: number;
  message: string;
}

/** What a push did (so far, when it was interrupted). */
export interface PushSummary extends Record<Kind, KindSummary> {
  failures: PushFailure[];
  /** Things done that the person should know of (a group matched by name whose rules differ). */
  warnings: string[];
  elapsedMs: number;
  pacing: ReturnType<typeof pacedCalls>['stats'];
  /** Whether the push was stopped (its signal) before the end. */
  interrupted: boolean;
}

const PAGE = 250;
const EMAIL_IN_USE = /already in use/i;

/** Errors that end the push: the token cannot write (every create would fail alike), or a stop. */
const fatal = (err: unknown): boolean =>
  err instanceof PushInterrupted ||
  (err instanceof BigCommerceApiError && (err.status === 401 || err.status === 403));

/** For a lookup whose failure only means "not found", unless it ends the push. */
const ignoreUnlessFatal = (err: unknown): undefined => {
  if (fatal(err)) throw err;
  return undefined;
};

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** One push of a data set into one store. */
export class PushRun {
  constructor(
    private readonly client: BigCommerceClient,
    private readonly call: Call,
    private readonly source: DataSet,
    private readonly state: PushState,
    readonly summary: PushSummary,
    private readonly onProgress?: (kind: Kind, done: number, total: number | undefined) => void,
  ) {}

  /** Records that source `from` is store `to`, as created or as found (skipped). */
  private done(kind: Kind, from: number, to: number, how: 'created' | 'skipped'): void {
    if (this.state.ids[kind].get(from) !== to) this.state.record(kind, from, to);
    this.summary[kind][how]++;
  }

  /** Counts a failure unless it ends the push. */
  private failed(kind: Kind, sourceId: number, err: unknown): void {
    if (fatal(err)) throw err;
    this.summary[kind].failed++;
    this.summary.failures.push({ kind, sourceId, message: message(err) });
  }

  private progress(kind: Kind): void {
    const s = this.summary[kind];
    this.onProgress?.(kind, s.created + s.skipped + s.failed, this.source.counts[kind]);
  }

  /** Every item of a paged list (a read: retried after gateway hiccups). */
  private async all<T>(page: (n: number) => Promise<T[]>): Promise<T[]> {
    const items: T[] = [];
    for (let n = 1; ; n++) {
      const list = await this.call(() => page(n), true);
      items.push(...list);
      if (list.length < PAGE) return items;
    }
  }

  private async *customers(): AsyncGenerator<Extract<DataEntry, { kind: 'customer' }>> {
    for await (const e of this.source.entries()) if (e.kind === 'customer') yield e;
  }

  /** Creates the groups the store lacks; a group of the same name is used, with a warning if it differs. */
  async groups(): Promise<void> {
    const listed = await this.all((page) => this.client.listCustomerGroups({ page, limit: PAGE }));
    const byName = new Map(listed.map((g) => [g.name.toLowerCase(), g]));
    for await (const e of this.source.entries()) {
      if (e.kind !== 'group') break;
      const g = e.group;
      const found = byName.get(g.name.toLowerCase());
      const differs = found ? groupDifferences(g, found) : [];
      if (differs.length > 0) {
        this.summary.warnings.push(
          `group '${g.name}' is already in the store with other ${differs.join(', ')}: ` +
            `its customers join the store's group ${found?.id}, which is left as it is`,
        );
      }
      try {
        if (found) this.done('groups', g.id, found.id, 'skipped');
        else {
          const created = await this.call(() => this.client.createCustomerGroup(groupBody(g)));
          byName.set(created.name.toLowerCase(), created);
          this.done('groups', g.id, created.id, 'created');
        }
      } catch (err) {
        this.failed('groups', g.id, err);
      }
      this.progress('groups');
    }
  }

  private async findByEmail(email: string): Promise<Customer | undefined> {
    const [found] = await this.call(() => this.client.listCustomers({ email, limit: 1 }), true);
    return found;
  }

  /** Creates the customers the store lacks; resolves with the store ids created (they have no addresses yet). */
  async customersPass(): Promise<Set<number>> {
    const fresh = new Set<number>();
    const lookUp = (await this.call(() => this.client.countCustomers(), true)) > 0;
    for await (const { customer: c } of this.customers()) {
      const groupId = c.customer_group_id === 0 ? 0 : this.state.ids.groups.get(c.customer_group_id);
      try {
        if (this.state.ids.customers.has(c.id)) this.summary.customers.skipped++;
        else if (groupId === undefined) throw new Error(`its group ${c.customer_group_id} was not pushed`);
        else {
          const existing = lookUp ? await this.findByEmail(c.email) : undefined;
          if (existing) this.done('customers', c.id, existing.id, 'skipped');
          else {
            const body = customerBody(c, groupId, this.source.passwords.get(c.id));
            const created = await this.call(() => this.client.createCustomer(body));
            fresh.add(created.id);
            this.done('customers', c.id, created.id, 'created');
          }
        }
      } catch (err) {
        // A create that answered "already in use" (made meanwhile, or by a run that was cut off).
        const inUse =
          err instanceof BigCommerceApiError && err.status === 400 && EMAIL_IN_USE.test(err.message);
        const existing = inUse ? await this.findByEmail(c.email).catch(ignoreUnlessFatal) : undefined;
        if (existing) this.done('customers', c.id, existing.id, 'skipped');
        else this.failed('customers', c.id, err);
      }
      this.progress('customers');
    }
    return fresh;
  }

  /** Adds each customer's addresses; those of a customer that existed are matched by their fields first. */
  async addressesPass(fresh: Set<number>): Promise<void> {
    for await (const { customer, addresses } of this.customers()) {
      const customerId = this.state.ids.customers.get(customer.id);
      let unmatched: Address[] | undefined; // the store's addresses of a customer that existed, read once
      for (const a of addresses) {
        try {
          if (this.state.ids.addresses.has(a.id)) this.summary.addresses.skipped++;
          else if (customerId === undefined) throw new Error(`its customer ${a.customer_id} was not pushed`);
          else {
            if (!fresh.has(customerId)) {
              unmatched ??= await this.all((page) =>
                this.client.listCustomerAddresses(customerId, { page, limit: PAGE }),
              );
            }
            await this.address(customerId, a, unmatched ?? []);
          }
        } catch (err) {
          this.failed('addresses', a.id, err);
        }
        this.progress('addresses');
      }
    }
  }

  private async address(customerId: number, a: AddressRecord, unmatched: Address[]): Promise<void> {
    const body = addressBody(a);
    const match = unmatched.findIndex((x) => addressKey(x) === addressKey(body));
    const [existing] = match < 0 ? [] : unmatched.splice(match, 1);
    if (existing) return this.done('addresses', a.id, existing.id, 'skipped');
    const created = await this.call(() => this.client.createCustomerAddress(customerId, body));
    this.done('addresses', a.id, created.id, 'created');
  }
}
