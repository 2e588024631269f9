/** Writing data sets as the API represents them (json, ndjson, csv). */
export {
  exportData,
  ExportInterrupted,
  MANIFEST,
  type ExportManifest,
  type ExportOptions,
  type ExportResult,
} from './export-data.js';
export { OutDirNotEmpty } from './out-dir.js';
export type { ExportFormat } from './entity-writer.js';
export { csvColumns, type EntityKind } from './csv.js';
export { progressBar, type ProgressBar } from './progress.js';
