/** The provider-state registry: one set of sentences for Pact verification, a running fake and QA data. */
export { changeProviderState, PACT_STORE_HASH, providerStateData, setUpProviderState } from './apply.js';
export {
  findProviderState,
  ProviderStateError,
  stateContext,
  type ProviderStateDefinition,
  type StateContext,
  type StateParams,
  type StateValues,
} from './registry.js';
export { PROVIDER_STATES, STATE_ADDRESS, StateRecords } from './states.js';
