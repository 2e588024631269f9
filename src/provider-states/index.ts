/** The provider-state registry: one set of sentences for Pact verification, a running fake and QA data. */
export {
  applyProviderState,
  changeProviderState,
  PACT_STORE_HASH,
  setUpProviderState,
  tearDownProviderState,
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
