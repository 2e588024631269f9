/** Database files for tests: each in a temporary folder of its test file, removed afterwards. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A function that names a new database file (not yet created) in a folder removed after the test file. */
export function dbFiles(): { file(name?: string): string; dir: string; list(): string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bc-fakestore-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    file: (name = `db${++n}.sqlite`) => path.join(dir, name),
    /** The files of the folder, sorted (to see what SQLite left beside a database). */
    list: () => readdirSync(dir).sort(),
  };
}
