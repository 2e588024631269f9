/** Applying provider states: a state's data set, and a store of the fake filled with it (Pact, admin API). */
import { dataSetFill, recordsDataSet, type SyncDataSet } from '../dataset/index.js';
import { ApiError } from '../errors.js';
import { isStoreHash } from '../config.js';
import type { Stores } from '../engine/stores.js';
import {
  findProviderState,
  ProviderStateError,
  stateContext,
  type StateContext,
  type StateParams,
  type StateValues,
} from './registry.js';
import { StateRecords } from './state-records.js';
import { PROVIDER_STATES } from './states.js';

/** The store hash the consumer pacts use, and the default store of `POST /__admin/provider-states`. */
export const PACT_STORE_HASH = 'pactstore';

/**
 * The data set a state's sentence describes (ids from 1, passwords hashed by `ctx`), and the ids
 * it returns. The state is a registered sentence with `params`, or a concrete sentence.
 */
export async function providerStateData(
  state: string,
  params: StateParams = {},
  ctx: StateContext = stateContext(),
): Promise<{ data: SyncDataSet; values: StateValues }> {
  const found = findProviderState(PROVIDER_STATES, state, params);
  const records = new StateRecords(ctx);
  try {
    const values = await found.definition.setup(records, found.params);
    const origin = { provider_state: found.definition.sentence, params: found.params };
    return { data: recordsDataSet(records, { origin }), values };
  } catch (err) {
    if (err instanceof ProviderStateError) {
      throw new ProviderStateError(`The state '${found.definition.sentence}' ${err.message}.`);
    }
    throw err;
  }
}

/** Replaces a store with the state's data set (each state starts clean) and returns its values. */
export async function setUpProviderState(
  stores: Stores,
  storeHash: string,
  state: string,
  params: StateParams = {},
  ctx: StateContext = stateContext(),
): Promise<StateValues> {
  const { data, values } = await providerStateData(state, params, ctx);
  // No fingerprint: a state's dates come from the clock and its password hashes are salted.
  await stores.fill(storeHash, dataSetFill({ ...data, fingerprint: null }));
  return values;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Serves Pact's state-change request `{consumer, state, params, action}` (action `setup` by
 * default, or `teardown`) against the store named by `store_hash` (query or body; default
 * `pactstore`). Answers the values the setup created; a bad request is a 400.
 */
export async function changeProviderState(
  stores: Stores,
  body: unknown,
  query: URLSearchParams,
  ctx: StateContext,
): Promise<StateValues> {
  if (!isRecord(body) || typeof body.state !== 'string' || body.state === '') {
    throw new ApiError(400, "A provider-state change needs a JSON body with a 'state' sentence.");
  }
  const action = body.action ?? 'setup';
  if (action !== 'setup' && action !== 'teardown') {
    throw new ApiError(400, `The action '${String(action)}' is neither 'setup' nor 'teardown'.`);
  }
  if (body.params !== undefined && body.params !== null && !isRecord(body.params)) {
    throw new ApiError(400, "The 'params' of a provider state must be a JSON object.");
  }
  const hash =
    query.get('store_hash') ?? (typeof body.store_hash === 'string' ? body.store_hash : PACT_STORE_HASH);
  if (!isStoreHash(hash)) throw new ApiError(400, `'${hash}' is not a store hash.`);
  try {
    if (action === 'teardown') {
      await stores.fill(hash, null); // the store is left empty
      return {};
    }
    const params = (body.params ?? {}) as StateParams;
    return await setUpProviderState(stores, hash, body.state, params, ctx);
  } catch (err) {
    if (err instanceof ProviderStateError) throw new ApiError(400, err.message);
    throw err;
  }
}
