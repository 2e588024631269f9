/** The data-set model: one stream of groups, then customers with their addresses, and its consumers. */
export {
  collectDataSet,
  fingerprintWorld,
  recordsDataSet,
  type DataEntry,
  type DataSet,
  type EntityCounts,
  type SyncDataSet,
  type World,
} from './data-set.js';
export { dataSetFill } from './store-fill.js';
