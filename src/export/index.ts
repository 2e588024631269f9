/** Writing data sets as the API represents them (json, ndjson, csv). */
export {
  exportData,
  ExportInterrupted,
  MANIFEST,
  type ExportManifest,
  type ExportOptions,
  type ExportResult,
} from './export-data.js';
export { OutDirNotEmpty, prepareOutDir } from './out-dir.js';
export { EXPORT_FORMATS, EntityWriter, type ExportFormat } from './entity-writer.js';
export { csvCell, csvColumns, csvLine, KIND_SCHEMA, type EntityKind } from './csv.js';
export { progressBar, type ProgressBar, type ProgressStream } from './progress.js';
