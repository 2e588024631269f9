/** Pushing a data set (generated, a fixture, or a generate folder) into any Customers V2 store. */
export {
  pushData,
  type KindSummary,
  type PushFailure,
  type PushOptions,
  type PushSummary,
} from './push-data.js';
export { pushSourceOf, type PushCustomer, type PushSource } from './push-source.js';
export { ExportFolderError, readExportFolder, CsvRecordReader } from './read-export.js';
export { PushState, PushStateError } from './push-state.js';
export { pacedCalls, realSleep, type PacingOptions, type PacingStats, type Sleep } from './paced-calls.js';
