/**
 * Loads a data set into any Customers V2 store (the fake or a real one) through the public API:
 * groups, then customers, then addresses, mapping the source's ids to the store's. Idempotent:
 * groups are matched by name, customers by email, addresses by their fields on an existing
 * customer (and by the state file, when one is kept), so a re-run creates only what is missing.
 */
import { createClient } from '../client/index.js';
import type { DataSet, EntityCounts } from '../dataset/index.js';
import { pacedCalls, PushInterrupted, type Sleep } from './paced-calls.js';
import { PushRun, type PushSummary } from './push-run.js';
import { PushState } from './push-state.js';

/** Options of `pushData`. */
export interface PushOptions {
  /** Origin of the API: `https://api.bigcommerce.com` or the fake's URL. */
  baseUrl: string;
  storeHash: string;
  token: string;
  source: DataSet;
  /** File that records source id → created id, to resume without lookups; default: none. */
  statePath?: string;
  /** An opened state instead of `statePath` (see PushState.open): the caller can save it after a stop. */
  state?: PushState;
  /** A `fetch` for the client (tests). */
  fetch?: (input: Request) => Promise<Response>;
  /** How to wait (tests move a fake clock); default: real time. */
  sleep?: Sleep;
  /** Time source for `elapsedMs`; default `Date.now`. */
  clock?: () => number;
  /** Called after each entity with the kind, how many are done and the total when known. */
  onProgress?: (kind: keyof EntityCounts, done: number, total: number | undefined) => void;
  /** Stops the push between two calls; it resolves with the summary so far (`interrupted`). */
  signal?: AbortSignal;
}

/** The store a push writes to, as summaries and state files name it. */
export const pushTarget = (baseUrl: string, storeHash: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/stores/${storeHash}`;

/**
 * Pushes the source into the store and resolves with what was created, skipped and failed.
 * Rejects with the BigCommerceApiError of a 401 or 403 (the token cannot do it) at the first one.
 */
export async function pushData(options: PushOptions): Promise<PushSummary> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const client = createClient({
    baseUrl: options.baseUrl,
    storeHash: options.storeHash,
    token: options.token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { call, stats } = pacedCalls(client, { sleep: options.sleep, signal: options.signal });
  const state =
    options.state ??
    PushState.open(options.statePath, pushTarget(options.baseUrl, options.storeHash), options.source.id);
  const summary: PushSummary = {
    groups: { created: 0, skipped: 0, failed: 0 },
    customers: { created: 0, skipped: 0, failed: 0 },
    addresses: { created: 0, skipped: 0, failed: 0 },
    failures: [],
    warnings: [],
    elapsedMs: 0,
    pacing: stats,
    interrupted: false,
  };
  const run = new PushRun(client, call, options.source, state, summary, options.onProgress);
  try {
    await run.groups();
    await run.addressesPass(await run.customersPass());
  } catch (err) {
    if (!(err instanceof PushInterrupted)) throw err;
    summary.interrupted = true;
  }
  summary.elapsedMs = clock() - started;
  return summary;
}
