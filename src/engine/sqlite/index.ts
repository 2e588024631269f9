/** The SQLite file backend: open a database file, and the error a file that cannot be used gives. */
export { openSqliteBackend, type SqliteBackend, type SqliteBackendOptions } from './sqlite-backend.js';
export { DatabaseFileError, type Synchronous } from './open-file.js';
