/** The provider-state registry: one set of sentences for Pact verification, a running fake and QA data. */
export {
  changeProviderState,
  PACT_STORE_HASH,
  providerStateData,
  setUpProviderState,
  tearDownProviderState,
  type ProviderStateData,
} from './apply.js';
export {
  findProviderState,
  ProviderStateError,
  stateContext,
  type FoundState,
  type ProviderStateDefinition,
  type StateContext,
  type StateParams,
  type StateValues,
} from './registry.js';
export { PROVIDER_STATES, STATE_ADDRESS } from './states.js';
export { StateRecords } from './state-records.js';
