/** The folder an export writes into: refused when it holds anything, unless told to replace our own files. */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The files an export writes (in any format), its manifest and unfinished files. */
const OWN_FILE = /^(?:(?:groups|customers|addresses)\.(?:json|ndjson|csv)(?:\.partial)?|manifest\.json)$/;

/** An output folder that already holds files, and `force` was not given. */
export class OutDirNotEmpty extends Error {
  override readonly name = 'OutDirNotEmpty';
}

/**
 * Makes `dir` ready: created when missing; a folder with files is refused, unless `force`, which
 * removes the files of an earlier export (every format, so none is left beside the new one) and
 * leaves any other file alone. Resolves with the names it removed.
 */
export async function prepareOutDir(dir: string, force: boolean): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const found = (await readdir(dir)).sort();
  if (found.length === 0) return [];
  const shown = `${found.slice(0, 4).join(', ')}${found.length > 4 ? ', ...' : ''}`;
  if (!force) throw new OutDirNotEmpty(`${dir} is not empty (${shown})`);
  const own = found.filter((name) => OWN_FILE.test(name));
  await Promise.all(own.map((name) => rm(join(dir, name), { force: true })));
  return own;
}
