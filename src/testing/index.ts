/**
 * `bc-fakestore/testing`: the fake as a test fixture. `startFakeStore()` gives each test a store
 * of its own with a typed client, the journal, verify, faults, a virtual clock and snapshots;
 * `startFakeServer()` starts one fake to share (Vitest globalSetup). See docs/testing.md.
 */

/** A store of a fake for one test, and one fake to share between test files. */
export {
  freshStoreHash,
  startFakeServer,
  startFakeStore,
  VerificationError,
  type FakeStore,
  type FakeStoreOptions,
  type FaultHandle,
  type StoreClock,
} from './fake-store.js';
/** The typed admin client, its error and its shapes. */
export {
  AdminApiError,
  createAdminClient,
  type AdminClient,
  type AdminClientOptions,
} from '../admin-client/index.js';
export type * from '../admin-client/types.js';
/** The typed Customers V2 client and its error. */
export { BigCommerceApiError, createClient, type BigCommerceClient } from '../client/index.js';
/** A running fake (what `startFakeServer` resolves to). */
export type { RunningServer, ServerOptions } from '../server.js';
