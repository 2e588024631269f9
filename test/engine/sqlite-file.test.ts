/**
 * Which files the SQLite backend opens: its own (migrated forward), a new or empty one; and which
 * it refuses with one line, writing nothing: another program's, a damaged one, a newer one, one in use.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../src/engine/customer-ops.js';
import { run } from '../../src/engine/op.js';
import { DatabaseFileError, openSqliteBackend } from '../../src/engine/sqlite/index.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../src/engine/sqlite/migrations.js';
import { fixedSql, qb } from '../../src/engine/sqlite/sql.js';
import { Stores } from '../../src/engine/stores.js';
import { newCustomer } from '../helpers.js';
import { dbFiles } from '../durability/db-files.js';

const files = dbFiles();

/** A database of ours with one store and one customer, closed. */
async function ourFile(name?: string): Promise<string> {
  const file = files.file(name);
  const stores = new Stores({ backend: openSqliteBackend(file) });
  const store = await stores.open('s');
  await store.write((tx) => createCustomer(tx, newCustomer(1), null, 0));
  await stores.close();
  return file;
}

/** Expects opening `file` to fail with `message`, leaving the file and its folder as they were. */
function expectRefused(file: string, message: RegExp): void {
  const bytes = readFileSync(file);
  const listing = files.list();
  let error: unknown;
  try {
    openSqliteBackend(file);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(DatabaseFileError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).not.toContain('\n');
  expect(readFileSync(file).equals(bytes)).toBe(true);
  expect(files.list()).toEqual(listing);
}

const version = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('opening a database file', () => {
  it('creates a new file, marks it as ours and at the current schema version', async () => {
    const file = await ourFile();
    expect(version(file)).toBe(SCHEMA_VERSION);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x62634653);
    db.close();
  });

  it('adopts an empty file', async () => {
    const file = files.file();
    writeFileSync(file, '');
    const backend = openSqliteBackend(file);
    expect(await run(backend.storeHashes())).toEqual([]);
    await backend.close();
  });

  it('refuses a file that is not an SQLite database', () => {
    const file = files.file('notes.txt');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(20));
    expectRefused(
      file,
      /notes\.txt is not a bc-fakestore database \(not an SQLite database\); it was left untouched$/,
    );
  });

  it('refuses the SQLite database of another program, with or without an application id', () => {
    for (const [name, appId] of [
      ['other.sqlite', 0],
      ['marked.sqlite', 0x12345678],
    ] as const) {
      const file = files.file(name);
      const db = new Database(file);
      db.pragma(`application_id = ${appId}`);
      db.exec('create table notes (id integer primary key, body text); insert into notes (body) values (1)');
      db.close();
      expectRefused(
        file,
        /is not a bc-fakestore database \(an SQLite database of .*\); it was left untouched$/,
      );
    }
  });

  it('refuses a truncated file', async () => {
    const file = await ourFile();
    truncateSync(file, 4096 * 2);
    expectRefused(
      file,
      /is damaged \(8192 bytes where its header counts \d+ pages of 4096\); it was left untouched/,
    );
  });

  it('refuses a file whose schema page is overwritten', async () => {
    const file = await ourFile();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(file, bytes);
    expectRefused(file, /is damaged \(.*malformed.*\); it was left untouched/);
  });

  it('refuses a file written by a newer schema version', async () => {
    const file = await ourFile();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expectRefused(
      file,
      new RegExp(
        `written by a newer bc-fakestore \\(schema version ${SCHEMA_VERSION + 1}; this one reads up to ${SCHEMA_VERSION}\\)`,
      ),
    );
  });

  it('refuses a second opening of a file in use', async () => {
    const file = await ourFile();
    const first = openSqliteBackend(file);
    expect(() => openSqliteBackend(file)).toThrow(/is in use by another process/);
    await first.close();
    const again = openSqliteBackend(file);
    await again.close();
  });
});

describe('schema migrations', () => {
  const v2: Migration = {
    version: SCHEMA_VERSION + 1,
    describe: 'a nickname per customer',
    statements: [fixedSql(qb.schema.alterTable('customers').addColumn('nickname', 'text'))],
  };

  it('bring a file at an older version forward, keeping its data', async () => {
    const file = await ourFile();
    const backend = openSqliteBackend(file, { migrations: [...MIGRATIONS, v2] });
    expect((await run(backend.view('s').customer(1)))?.email).toBe('jane.doe1@example.com');
    await backend.close();
    expect(version(file)).toBe(v2.version);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('select nickname from customers').pluck().all()).toEqual([null]);
    db.close();
  });

  it('leave a file at its last complete version when a migration fails', async () => {
    const file = await ourFile();
    const broken: Migration = {
      ...v2,
      statements: [...v2.statements, fixedSql(qb.schema.alterTable('no_such_table').addColumn('x', 'text'))],
    };
    expect(() => openSqliteBackend(file, { migrations: [...MIGRATIONS, broken] })).toThrow(/no_such_table/);
    expect(version(file)).toBe(SCHEMA_VERSION);
    const backend = openSqliteBackend(file);
    expect(await run(backend.view('s').counts())).toMatchObject({ customers: 1 });
    await backend.close();
  });
});
