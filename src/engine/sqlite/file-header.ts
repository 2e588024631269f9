/**
 * A first look at a database file with plain reads, before SQLite opens it (which could write):
 * missing or empty (a new database), an SQLite file of another application, a damaged one, or
 * one of ours. Layout of the 100-byte header: https://www.sqlite.org/fileformat.html.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { APPLICATION_ID } from './migrations.js';

/** Why a file cannot be opened: one line, naming the file and saying that it was left as it was. */
export class DatabaseFileError extends Error {
  override readonly name = 'DatabaseFileError';
}

/** What the header says. */
export type FileLook = 'new' | 'ours';

const MAGIC = 'SQLite format 3\u0000';

/** A refusal of `file`: it is not ours. */
export const notOurs = (file: string, why: string): DatabaseFileError =>
  new DatabaseFileError(`${file} is not a bc-fakestore database (${why}); it was left untouched`);

/** A refusal of `file`: it is damaged. */
export const damaged = (file: string, why: string): DatabaseFileError =>
  new DatabaseFileError(
    `${file} is damaged (${why}); it was left untouched: restore a copy, or start from a new file`,
  );

/** Looks at a file's header; throws a `DatabaseFileError` when the file must not be opened. */
export function lookAtFile(file: string): FileLook {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new DatabaseFileError(`${file} is not a file; give the path of a database file`);
    size = st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    if (err instanceof DatabaseFileError) throw err;
    throw new DatabaseFileError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (size === 0) return 'new';
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== MAGIC) {
    return fail(notOurs(file, 'not an SQLite database'));
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return fail(damaged(file, 'bad page size'));
  const pages = header.readUInt32BE(28);
  const sizeValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  const appId = header.readUInt32BE(68);
  if (appId !== APPLICATION_ID) {
    if (appId !== 0) {
      return fail(
        notOurs(file, `an SQLite database of application 0x${appId.toString(16).padStart(8, '0')}`),
      );
    }
    // Our first migration sets the application id with the first table, in one transaction.
    if ((sizeValid && pages > 1) || header.readUInt32BE(40) !== 0) {
      return fail(notOurs(file, 'an SQLite database of another application'));
    }
    // An empty SQLite file (or ours before its first checkpoint): SQLite reads the rest.
    return 'new';
  }
  if (sizeValid && size < pages * pageSize) {
    return fail(damaged(file, `${size} bytes where its header counts ${pages} pages of ${pageSize}`));
  }
  return 'ours';
}

const fail = (err: DatabaseFileError): never => {
  throw err;
};
