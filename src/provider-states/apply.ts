/** Applying provider states: to a tenant (QA data, tests), or to a store of the fake (Pact, admin API). */
import { ApiError } from '../errors.js';
import { isStoreHash } from '../config.js';
import type { Store, Stores } from '../engine/stores.js';
import {
  findProviderState,
  ProviderStateError,
  stateContext,
  type StateContext,
  type StateParams,
  type StateValues,
} from './registry.js';
import { PROVIDER_STATES } from './states.js';

/** The store hash the consumer pacts use, and the default store of `POST /__admin/provider-states`. */
export const PACT_STORE_HASH = 'pactstore';

/**
 * Puts what a state's sentence says into a tenant (on top of what it holds) and returns the ids
 * it created. The state is a registered sentence with `params`, or a concrete sentence.
 */
export async function applyProviderState(
  store: Store,
  state: string,
  params: StateParams = {},
  ctx: StateContext = stateContext(),
): Promise<StateValues> {
  const found = findProviderState(PROVIDER_STATES, state, params);
  try {
    return await found.definition.setup(store, found.params, ctx);
  } catch (err) {
    if (err instanceof ProviderStateError) {
      throw new ProviderStateError(`The state '${found.definition.sentence}' ${err.message}.`);
    }
    throw err;
  }
}

/** Replaces a store with an empty one and applies the state to it: each state starts clean. */
export async function setUpProviderState(
  stores: Stores,
  storeHash: string,
  state: string,
  params: StateParams = {},
  ctx: StateContext = stateContext(),
): Promise<StateValues> {
  // Look the state up first: an unknown state leaves the store as it was.
  findProviderState(PROVIDER_STATES, state, params);
  return applyProviderState(await stores.fill(storeHash, null), state, params, ctx);
}

/** Leaves the store empty after an interaction. */
export async function tearDownProviderState(stores: Stores, storeHash: string): Promise<void> {
  await stores.fill(storeHash, null);
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
      await tearDownProviderState(stores, hash);
      return {};
    }
    const params = (body.params ?? {}) as StateParams;
    return await setUpProviderState(stores, hash, body.state, params, ctx);
  } catch (err) {
    if (err instanceof ProviderStateError) throw new ApiError(400, err.message);
    throw err;
  }
}
