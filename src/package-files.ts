/**
 * Files that ship with the package (specs, fixtures, package.json, built entry points), found
 * from the package root. Code runs from src/ (tsx), dist/ (tsc) or a bundle in dist/, so a path
 * relative to one module's own URL would only hold for one of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'bc-fakestore';

/** The fields of package.json this module reads. */
interface Manifest {
  name?: string;
  version?: string;
}

/** The nearest folder above `from` whose package.json names this package, and that manifest. */
function findRoot(from: string): { root: string; manifest: Manifest } {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
    if (manifest?.name === NAME) return { root: dir, manifest };
    if (dirname(dir) === dir) throw new Error(`${NAME}: no package.json of ${NAME} above ${from}`);
  }
}

const found = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The package's root folder: the repository, or node_modules/bc-fakestore once installed. */
export const PACKAGE_ROOT = found.root;

/** The package's version, from its package.json; 'unknown' when the manifest has none. */
export const PACKAGE_VERSION = found.manifest.version ?? 'unknown';

/** A path inside the package: `packageFile('spec', 'customers.v2.yaml')`. */
export const packageFile = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);

/** Whether this code runs from the TypeScript sources (through tsx) rather than a build. */
export const RUNNING_FROM_SOURCES = import.meta.url.endsWith('.ts');
