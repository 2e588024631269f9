/**
 * Opening a database file for one process: checked before anything is written, locked for as
 * long as the process lives, then set up (WAL) and migrated to the current schema.
 *
 * The lock is SQLite's own: in `locking_mode=EXCLUSIVE` with WAL, the connection takes an
 * exclusive lock on the file at its first transaction and never lets it go; the kernel releases
 * it when the process ends, however it ends (SIGKILL included). A second process fails to read the
 * file (SQLITE_BUSY) and is refused with one line.
 */
import Database from 'better-sqlite3';
import { damaged, DatabaseFileError, lookAtFile, notOurs } from './file-header.js';
import { APPLICATION_ID, migrate, SCHEMA_VERSION, type Migration } from './migrations.js';
import { schemaObjectCount } from './queries.js';

export { DatabaseFileError } from './file-header.js';

/** How a commit reaches the disk (see docs/durability.md). */
export type Synchronous = 'normal' | 'full';

/** How to open a file. */
export interface OpenFileOptions {
  /** `normal` (default): a commit survives the process being killed; `full`: also power loss. */
  synchronous?: Synchronous;
  /** Page cache of the connection, in MiB; default 64. */
  cacheMiB?: number;
  /** The schema's migrations (tests pass their own). */
  migrations?: readonly Migration[];
}

/** What the file holds, read inside the first transaction. */
interface FileFacts {
  applicationId: number;
  version: number;
  objects: number;
}

/** Opens, locks, checks, sets up and migrates a database file. */
export function openDatabaseFile(file: string, o: OpenFileOptions = {}): Database.Database {
  lookAtFile(file);
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw explain(err, file);
  }
  try {
    const facts = lockAndRead(db, file);
    const newest = o.migrations?.length
      ? (o.migrations[o.migrations.length - 1] as Migration).version
      : SCHEMA_VERSION;
    if (facts.objects > 0 && facts.applicationId !== APPLICATION_ID) {
      throw notOurs(file, 'an SQLite database of another application');
    }
    if (facts.version > newest) {
      throw new DatabaseFileError(
        `${file} was written by a newer bc-fakestore (schema version ${facts.version}; this one reads up to ${newest}); it was left untouched`,
      );
    }
    if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') {
      throw new DatabaseFileError(`${file}: SQLite could not switch it to WAL journaling`);
    }
    db.pragma(`synchronous = ${o.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma(`cache_size = ${-1024 * (o.cacheMiB ?? 64)}`);
    db.pragma('temp_store = MEMORY');
    // After a checkpoint the WAL is cut back to this size (a large load could leave it at hundreds of MB).
    db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    migrate(db, facts.version, o.migrations);
    return db;
  } catch (err) {
    db.close();
    throw explain(err, file);
  }
}

/** Takes the file's lock (kept for the life of the connection) and reads what it holds. */
function lockAndRead(db: Database.Database, file: string): FileFacts {
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('busy_timeout = 0');
  db.exec('BEGIN EXCLUSIVE');
  try {
    return {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      version: db.pragma('user_version', { simple: true }) as number,
      objects: db.prepare(schemaObjectCount).pluck().get() as number,
    };
  } catch (err) {
    throw explain(err, file);
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

/** An SQLite error of opening, as one line a person can act on. */
function explain(err: unknown, file: string): Error {
  if (err instanceof DatabaseFileError) return err;
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new DatabaseFileError(
      `${file} is in use by another process (another bc-fakestore?): one file serves one fake at a time`,
    );
  }
  if (code === 'SQLITE_NOTADB') return notOurs(file, 'not an SQLite database');
  if (code === 'SQLITE_CANTOPEN') {
    return new DatabaseFileError(
      `cannot open ${file}: does its folder exist, and may this process write there?`,
    );
  }
  if (code === 'SQLITE_CORRUPT') return damaged(file, message);
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    return new DatabaseFileError(`${file}: ${message} (${code})`);
  }
  return err instanceof Error ? err : new Error(message);
}
