/** Contract checks over pact files: verification against a provider, and the check against the spec. */
export {
  describeInteraction,
  interactionStates,
  listPactFiles,
  normalizePact,
  readPact,
  resolvePactFiles,
  type PactFile,
  type PactInteraction,
  type PactState,
} from './pact-files.js';
export {
  checkPactsAgainstSpec,
  formatSpecCheckReport,
  type PactSpecResult,
  type SpecCheckOptions,
  type SpecCheckReport,
  type SpecFinding,
} from './spec-check.js';
export {
  DEFAULT_VERIFY_TIMEOUT_MS,
  formatVerifyReport,
  verifyPacts,
  VerifyRunError,
  type BrokerSource,
  type InteractionOutcome,
  type VerifyOptions,
  type VerifyReport,
} from './verify.js';
