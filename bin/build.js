#!/usr/bin/env node
// Builds dist/ with tsc, bundles the CLI's own modules into dist/cli-bundle/ (what bin/ runs: a
// few files instead of ~190 modules, which starts ~50 ms sooner), bundles the vendored packages into
// dist/vendor/ (see VENDORED), and records a digest of the sources it was built from (src/ and
// the tsconfig files). `--if-needed` (npm start) builds only when the sources changed since, so a
// second start is immediate; `--clean` empties dist/ first and leaves out source maps (npm pack).
// Not shipped in the package.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

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

/**
 * Packages the CLI runs but the package does not depend on: each is bundled, with what it imports,
 * into one file under dist/vendor/, which src/ loads when it exists. @pactflow/swagger-mock-validator
 * runs `patch-package` after install, and that fails whenever npm hoists its ajv (always, in an
 * empty project) and CI=true is set: as a dependency it would break `npm install bc-fakestore` in
 * every CI job.
 */
export const VENDORED = {
  '@pactflow/swagger-mock-validator': 'swagger-mock-validator.js',
};

/** What a build writes under dist/ besides tsc's output: the CLI bundle and the vendored packages. */
export const BUILD_OUTPUTS = [
  'cli.js',
  'cli-bundle/cli.js',
  ...Object.values(VENDORED).map((f) => `vendor/${f}`),
];

/** Whether dist/ of `root` was built from the sources as they are now. */
export function buildIsCurrent(root) {
  const digest = join(root, DIGEST_FILE);
  if (!existsSync(digest)) return false;
  if (BUILD_OUTPUTS.some((file) => !existsSync(join(root, 'dist', ...file.split('/'))))) return false;
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

/** esbuild, a dev dependency: the package ships what it built. */
async function esbuild(root) {
  const require = createRequire(join(root, 'package.json'));
  return import(pathToFileURL(require.resolve('esbuild')).href);
}

/**
 * Bundles the CLI's own modules (dist/cli.js and what it imports from dist/) into dist/cli-bundle/,
 * split where the CLI loads a module lazily, so a command still loads only what it runs. Packages
 * stay imports of node_modules.
 */
async function bundleCli(root) {
  const { build } = await esbuild(root);
  await build({
    entryPoints: [join(root, 'dist', 'cli.js')],
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: join(root, 'dist', 'cli-bundle'),
    logLevel: 'warning',
  });
}

/** Bundles each VENDORED package into dist/vendor/, with its licence and its dependencies' notices. */
async function vendor(root) {
  const require = createRequire(join(root, 'package.json'));
  const { build } = await esbuild(root);
  for (const [pkg, file] of Object.entries(VENDORED)) {
    const outfile = join(root, 'dist', 'vendor', file);
    await build({
      entryPoints: [require.resolve(pkg)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      legalComments: 'external',
      logLevel: 'warning',
      // Bundled CommonJS code calls require() for Node's own modules.
      banner: {
        js: "import { createRequire as vendorRequire } from 'node:module'; const require = vendorRequire(import.meta.url);",
      },
    });
    const home = join(root, 'node_modules', ...pkg.split('/'));
    const licence = ['LICENSE', 'LICENSE.txt', 'LICENSE.md'].map((f) => join(home, f)).find(existsSync);
    if (licence) copyFileSync(licence, `${outfile}.LICENSE.txt`);
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
    build: async () => {
      if (mode === 'if-needed')
        process.stderr.write('bc-fakestore: building dist/ (first start, or the sources changed)\n');
      // The package ships no sources, so no source maps pointing at them.
      tsc(root, mode === 'clean' ? ['--sourceMap', 'false'] : []);
      await bundleCli(root);
      await vendor(root);
    },
  });
}
