/**
 * Files that ship with the package (specs, fixtures, package.json, built entry points), found
 * from the package root. Code runs from src/ (tsx), dist/ (tsc) or a bundle in dist/, so a path
 * relative to one module's own URL would only hold for one of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'bc-fakestore';

/** The nearest folder above `from` whose package.json names this package. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === NAME
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`${NAME}: no package.json of ${NAME} above ${from}`);
  }
}

/** The package's root folder: the repository, or node_modules/bc-fakestore once installed. */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the package: `packageFile('spec', 'customers.v2.yaml')`. */
export const packageFile = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);

/** Whether this code runs from the TypeScript sources (through tsx) rather than a build. */
export const RUNNING_FROM_SOURCES = import.meta.url.endsWith('.ts');
