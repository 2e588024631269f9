#!/usr/bin/env node
// Builds dist/ with tsc and records a digest of the sources it was built from (src/ and the
// tsconfig files). `--if-needed` (npm start) builds only when the sources changed since, so a
// second start is immediate; `--clean` empties dist/ first and leaves out source maps (npm pack).
// Not shipped in the package.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

/** Where the digest of the sources dist/ was built from is kept. */
export const DIGEST_FILE = join('dist', '.build-digest');
const INPUTS = ['tsconfig.json', 'tsconfig.build.json'];

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** A sha256 over the names and contents of src/** and the tsconfig files of `root`. */
export function sourceDigest(root) {
  const hash = createHash('sha256');
  const files = [...filesUnder(join(root, 'src')), ...INPUTS.map((f) => join(root, f))].filter((f) =>
    existsSync(f),
  );
  for (const file of files.map((f) => relative(root, f)).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/ of `root` was built from the sources as they are now. */
export function buildIsCurrent(root) {
  const digest = join(root, DIGEST_FILE);
  if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(digest)) return false;
  return readFileSync(digest, 'utf8').trim() === sourceDigest(root);
}

/**
 * Runs `build` (mode `always`), or only when dist/ is not current (`if-needed`), or after emptying
 * dist/ (`clean`); records the digest after a build that succeeded. Resolves to whether it built.
 */
export async function ensureBuilt({ root, build, mode = 'always' }) {
  if (mode === 'if-needed' && buildIsCurrent(root)) return false;
  if (mode === 'clean') rmSync(join(root, 'dist'), { recursive: true, force: true });
  const digest = sourceDigest(root);
  // A build that fails half way leaves dist/ matching no digest.
  rmSync(join(root, DIGEST_FILE), { force: true });
  await build();
  writeFileSync(join(root, DIGEST_FILE), `${digest}\n`);
  return true;
}

/** Runs tsc on tsconfig.build.json; `extra` flags override it. Exits the process when tsc fails. */
function tsc(root, extra = []) {
  const compiler = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [compiler, '-p', join(root, 'tsconfig.build.json'), ...extra], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    process.stderr.write('error: the build failed (tsc above); fix the sources and run again\n');
    process.exit(run.status ?? 1);
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const mode = process.argv.includes('--clean')
    ? 'clean'
    : process.argv.includes('--if-needed')
      ? 'if-needed'
      : 'always';
  await ensureBuilt({
    root,
    mode,
    build: () => {
      if (mode === 'if-needed')
        process.stderr.write('bc-fakestore: building dist/ (first start, or the sources changed)\n');
      // The package ships no sources, so no source maps pointing at them.
      tsc(root, mode === 'clean' ? ['--sourceMap', 'false'] : []);
    },
  });
}
