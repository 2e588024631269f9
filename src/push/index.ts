/** Pushing a data set (generated, a fixture, or a generate folder) into any Customers V2 store. */
export { pushData, pushTarget, type PushOptions } from './push-data.js';
export type { KindSummary, PushFailure, PushSummary } from './push-run.js';
export { ExportFolderError, readExportFolder, CsvRecordReader } from './read-export.js';
export { PushState, PushStateError } from './push-state.js';
export { PushInterrupted, type Sleep } from './paced-calls.js';
