/** bc-fakestore as a library: the fake store, the seeded data, the typed client and the spec check. */

/** Starts the fake on a port (a free one by default); resolves once it listens. */
export { startServer, type RunningServer, type ServerOptions } from './server.js';
/** Builds the fake's plain node:http request handler, without a socket. */
export { createApp, type App } from './app.js';
/** Options of the fake, their defaults, and the default tokens. */
export {
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_READ_ONLY_TOKEN,
  DEFAULT_TOKEN,
  type AppOptions,
  type Compat,
  type RateLimit,
  type Scope,
  type TokenConfig,
} from './options.js';
/** The store engine: the registry of stores, how a new store is filled, one store. */
export { Stores, Store, type PrimeStore, type StoreFill } from './engine/stores.js';
/** The storage interface and the memory backend (the default). */
export type { Backend, RecordBatch, StoreMeta, StoreTx, StoreView } from './engine/backend.js';
export { createMemoryBackend } from './engine/memory/memory-backend.js';
/** The SQLite file backend (`serve --db`): every store kept in one file, across restarts. */
export {
  DatabaseFileError,
  openSqliteBackend,
  type SqliteBackend,
  type SqliteBackendOptions,
  type Synchronous,
} from './engine/sqlite/index.js';
/** The stored records, as the seed generator and the engine take them. */
export type {
  AddressRecord,
  CategoryAccess,
  CustomerRecord,
  DiscountRule,
  FormField,
  GroupRecord,
  WorldRecords,
} from './domain/records.js';

/** The typed Customers V2 client (real store or fake) and the errors its methods throw. */
export {
  BigCommerceApiError,
  BigCommerceNetworkError,
  createClient,
  parseErrorBody,
  readRateLimit,
  type BigCommerceClient,
  type ClientOptions,
  type ResponseMeta,
} from './client/index.js';
/** Rate-limit headers as the client reads them (not the fake's `RateLimit` setting). */
export type { RateLimit as RateLimitInfo } from './client/index.js';

/** The typed client of the fake's admin API (spec/admin.yaml): one method per admin route. */
export {
  AdminApiError,
  createAdminClient,
  type AdminClient,
  type AdminClientOptions,
} from './admin-client/index.js';

/** Checks one HTTP answer against spec/customers.v2.yaml; returns the violations (empty when it conforms). */
export { checkExchange, matchSpecPath, type ExchangeToCheck } from './spec-conformance.js';

/** The deterministic seed generator (`generatedDataSet`, `generateWorld`, single entities, fingerprints). */
export * from './seed/index.js';
/** The data-set model: one stream of groups, then customers with their addresses; collected or filled into a store. */
export {
  collectDataSet,
  dataSetFill,
  recordsDataSet,
  type DataEntry,
  type DataSet,
  type EntityCounts,
  type SyncDataSet,
  type World,
} from './dataset/index.js';

/** Fixtures: named data sets (fixtures/*.yaml) mixing literal entities with seeded ones. */
export {
  dataSetFor,
  FIXTURES_DIR,
  FixtureError,
  fixtureFill,
  listFixtures,
  loadFixture,
  type DataSetSpec,
  type FixtureOptions,
  type FixtureWorld,
} from './fixtures/index.js';
/** Writing a data set as the API represents it (json, ndjson, csv), entity by entity. */
export {
  exportData,
  ExportInterrupted,
  OutDirNotEmpty,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
} from './export/index.js';
/** Pushing a data set into any Customers V2 store (the fake or a real one) through its API. */
export { pushData, readExportFolder, type PushOptions, type PushSummary } from './push/index.js';
/** Provider states: the data set each pact sentence describes, and a store set up with it. */
export {
  providerStateData,
  setUpProviderState,
  stateContext,
  PROVIDER_STATES,
} from './provider-states/index.js';

/** The API shapes, generated from the spec (`Customer`, `Address`, `CustomerGroup`, ...). */
export type * from './types.js';
