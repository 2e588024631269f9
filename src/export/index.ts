/** Writing data sets as the API represents them (json, ndjson, csv), and the sources they come from. */
export {
  exportData,
  MANIFEST,
  type EntityCounts,
  type ExportManifest,
  type ExportOptions,
  type ExportResult,
} from './export-data.js';
export { EXPORT_FORMATS, EntityWriter, type ExportFormat } from './entity-writer.js';
export { csvCell, csvColumns, csvLine, KIND_SCHEMA, type EntityKind } from './csv.js';
export { fixtureSource, generatedSource, type CustomerEntry, type DataSource } from './sources.js';
export { progressBar, type ProgressBar, type ProgressStream } from './progress.js';
