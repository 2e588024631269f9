/**
 * Loads a data set into any Customers V2 store (the fake or a real one) through the public API:
 * groups, then customers, then addresses, mapping the source's ids to the store's. Idempotent:
 * groups are matched by name, customers by email, addresses by their fields on an existing
 * customer (and by the state file, when one is kept), so a re-run creates only what is missing.
 */
import { BigCommerceApiError, createClient, type BigCommerceClient } from '../client/index.js';
import type { EntityCounts } from '../export/index.js';
import type { Address, Customer } from '../types.js';
import { pacedCalls, type PacingStats, type Sleep } from './paced-calls.js';
import { addressBody, addressKey, customerBody, groupBody } from './push-bodies.js';
import type { PushSource } from './push-source.js';
import { PushState } from './push-state.js';

/** Options of `pushData`. */
export interface PushOptions {
  /** Origin of the API: `https://api.bigcommerce.com` or the fake's URL. */
  baseUrl: string;
  storeHash: string;
  token: string;
  source: PushSource;
  /** File that records source id → created id, to resume without lookups; default: none. */
  statePath?: string;
  /** A `fetch` for the client (tests). */
  fetch?: (input: Request) => Promise<Response>;
  /** How to wait (tests move a fake clock); default: real time. */
  sleep?: Sleep;
  /** Time source for `elapsedMs`; default `Date.now`. */
  clock?: () => number;
  /** Called after each entity with the kind, how many are done and the total when known. */
  onProgress?: (kind: keyof EntityCounts, done: number, total: number | undefined) => void;
}

/** What happened to one kind of entity. */
export interface KindSummary {
  created: number;
  /** Already in the store (matched by name, email, fields or the state file). */
  skipped: number;
  failed: number;
}

/** One entity that could not be pushed. */
export interface PushFailure {
  kind: keyof EntityCounts;
  /** Its id in the source data set. */
  sourceId: number;
  message: string;
}

/** The result of a push. */
export interface PushSummary extends Record<keyof EntityCounts, KindSummary> {
  failures: PushFailure[];
  elapsedMs: number;
  pacing: PacingStats;
}

const PAGE = 250;
const EMAIL_IN_USE = /already in use/i;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Pushes the source into the store and resolves with what was created, skipped and failed. */
export async function pushData(options: PushOptions): Promise<PushSummary> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const client = createClient({
    baseUrl: options.baseUrl,
    storeHash: options.storeHash,
    token: options.token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { call, stats } = pacedCalls(client, options.sleep ? { sleep: options.sleep } : {});
  const target = `${options.baseUrl.replace(/\/+$/, '')}/stores/${options.storeHash}`;
  const state = PushState.open(options.statePath, target, options.source.id);
  const summary: PushSummary = {
    groups: { created: 0, skipped: 0, failed: 0 },
    customers: { created: 0, skipped: 0, failed: 0 },
    addresses: { created: 0, skipped: 0, failed: 0 },
    failures: [],
    elapsedMs: 0,
    pacing: stats,
  };
  const fail = (kind: keyof EntityCounts, sourceId: number, why: string): void => {
    summary[kind].failed++;
    summary.failures.push({ kind, sourceId, message: why });
  };
  const progress = (kind: keyof EntityCounts): void => {
    const s = summary[kind];
    options.onProgress?.(kind, s.created + s.skipped + s.failed, options.source.counts[kind]);
  };

  await pushGroups(client, call, options.source, state, summary, fail, progress);
  const fresh = await pushCustomers(client, call, options.source, state, summary, fail, progress);
  await pushAddresses(client, call, options.source, state, fresh, summary, fail, progress);
  summary.elapsedMs = clock() - started;
  return summary;
}

type Call = ReturnType<typeof pacedCalls>['call'];
type Fail = (kind: keyof EntityCounts, sourceId: number, why: string) => void;
type Progress = (kind: keyof EntityCounts) => void;

async function allGroups(client: BigCommerceClient, call: Call): Promise<Map<string, number>> {
  const byName = new Map<string, number>();
  for (let page = 1; ; page++) {
    const groups = await call(() => client.listCustomerGroups({ page, limit: PAGE }), true);
    for (const g of groups) byName.set(g.name.toLowerCase(), g.id);
    if (groups.length < PAGE) return byName;
  }
}

async function pushGroups(
  client: BigCommerceClient,
  call: Call,
  source: PushSource,
  state: PushState,
  summary: PushSummary,
  fail: Fail,
  progress: Progress,
): Promise<void> {
  const existing = await allGroups(client, call);
  for await (const g of source.groups()) {
    const found = existing.get(g.name.toLowerCase());
    if (found !== undefined) {
      if (state.ids.groups.get(g.id) !== found) state.record('groups', g.id, found);
      summary.groups.skipped++;
    } else {
      try {
        const created = await call(() => client.createCustomerGroup(groupBody(g)));
        existing.set(created.name.toLowerCase(), created.id);
        state.record('groups', g.id, created.id);
        summary.groups.created++;
      } catch (err) {
        fail('groups', g.id, message(err));
      }
    }
    progress('groups');
  }
}

async function findByEmail(
  client: BigCommerceClient,
  call: Call,
  email: string,
): Promise<Customer | undefined> {
  const [found] = await call(() => client.listCustomers({ email, limit: 1 }), true);
  return found;
}

/** Pushes the customers; resolves with the store ids of those created in this run (they have no addresses yet). */
async function pushCustomers(
  client: BigCommerceClient,
  call: Call,
  source: PushSource,
  state: PushState,
  summary: PushSummary,
  fail: Fail,
  progress: Progress,
): Promise<Set<number>> {
  const fresh = new Set<number>();
  const storeHadCustomers = (await call(() => client.countCustomers(), true)) > 0;
  for await (const item of source.customers()) {
    const c = item.customer;
    const done = (): void => progress('customers');
    if (state.ids.customers.has(c.id)) {
      summary.customers.skipped++;
      done();
      continue;
    }
    const groupId = c.customer_group_id === 0 ? 0 : state.ids.groups.get(c.customer_group_id);
    if (groupId === undefined) {
      fail('customers', c.id, `its group ${c.customer_group_id} was not pushed`);
      done();
      continue;
    }
    try {
      const existing = storeHadCustomers ? await findByEmail(client, call, c.email) : undefined;
      if (existing) {
        state.record('customers', c.id, existing.id);
        summary.customers.skipped++;
      } else {
        const created = await call(() => client.createCustomer(customerBody(item, groupId)));
        state.record('customers', c.id, created.id);
        fresh.add(created.id);
        summary.customers.created++;
      }
    } catch (err) {
      const inUse =
        err instanceof BigCommerceApiError && err.status === 400 && EMAIL_IN_USE.test(err.message);
      const existing = inUse ? await findByEmail(client, call, c.email).catch(() => undefined) : undefined;
      if (existing) {
        state.record('customers', c.id, existing.id);
        summary.customers.skipped++;
      } else fail('customers', c.id, message(err));
    }
    done();
  }
  return fresh;
}

async function addressesOf(client: BigCommerceClient, call: Call, customerId: number): Promise<Address[]> {
  const all: Address[] = [];
  for (let page = 1; ; page++) {
    const list = await call(() => client.listCustomerAddresses(customerId, { page, limit: PAGE }), true);
    all.push(...list);
    if (list.length < PAGE) return all;
  }
}

async function pushAddresses(
  client: BigCommerceClient,
  call: Call,
  source: PushSource,
  state: PushState,
  fresh: Set<number>,
  summary: PushSummary,
  fail: Fail,
  progress: Progress,
): Promise<void> {
  // Addresses arrive grouped by customer: keep the unmatched addresses of the current one.
  let current: { customerId: number; unmatched: Address[] } | undefined;
  const claimed = new Set<number>();
  for await (const a of source.addresses()) {
    const customerId = state.ids.customers.get(a.customer_id);
    try {
      if (state.ids.addresses.has(a.id)) summary.addresses.skipped++;
      else if (customerId === undefined)
        fail('addresses', a.id, `its customer ${a.customer_id} was not pushed`);
      else {
        const body = addressBody(a);
        if (!fresh.has(customerId) && current?.customerId !== customerId) {
          const listed = await addressesOf(client, call, customerId);
          current = { customerId, unmatched: listed.filter((x) => !claimed.has(x.id)) };
        }
        const key = addressKey(body);
        const match = fresh.has(customerId)
          ? -1
          : (current?.unmatched.findIndex((x) => addressKey(x) === key) ?? -1);
        if (match >= 0) {
          const [existing] = current?.unmatched.splice(match, 1) ?? [];
          claimed.add((existing as Address).id);
          state.record('addresses', a.id, (existing as Address).id);
          summary.addresses.skipped++;
        } else {
          const created = await call(() => client.createCustomerAddress(customerId, body));
          claimed.add(created.id);
          state.record('addresses', a.id, created.id);
          summary.addresses.created++;
        }
      }
    } catch (err) {
      fail('addresses', a.id, message(err));
    }
    progress('addresses');
  }
}
