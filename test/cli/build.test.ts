import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, buildIsCurrent, ensureBuilt } from '../../bin/build.js';

let root: string;
let builds: number;

/** Stands in for tsc and the bundling: writes every build output, and counts the builds. */
const build = () => {
  builds++;
  for (const file of BUILD_OUTPUTS) write(`dist/${file}`, `// build ${builds}\n`);
};
const write = (file: string, text: string) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};
const start = () => ensureBuilt({ root, build, mode: 'if-needed' });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bc-fakestore-build-'));
  builds = 0;
  write('src/cli.ts', 'export const a = 1;\n');
  write('src/commands/serve.ts', 'export const b = 2;\n');
  write('tsconfig.json', '{}\n');
  write('tsconfig.build.json', '{}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start builds dist/ only when the sources changed', () => {
  it('builds when dist/ was never built', async () => {
    expect(buildIsCurrent(root)).toBe(false);
    expect(await start()).toBe(true);
    expect(builds).toBe(1);
    expect(buildIsCurrent(root)).toBe(true);
  });

  it('starts from dist/ without building when it matches the sources', async () => {
    await start();
    expect(await start()).toBe(false);
    expect(await start()).toBe(false);
    expect(builds).toBe(1);
  });

  it('rebuilds when the CLI bundle or a vendored package is missing', async () => {
    await start();
    rmSync(join(root, 'dist', 'vendor'), { recursive: true });
    expect(buildIsCurrent(root)).toBe(false);
    expect(await start()).toBe(true);
    rmSync(join(root, 'dist', 'cli-bundle'), { recursive: true });
    expect(buildIsCurrent(root)).toBe(false);
    expect(await start()).toBe(true);
    expect(builds).toBe(3);
  });

  it('rebuilds after a source file changes', async () => {
    await start();
    write('src/commands/serve.ts', 'export const b = 3;\n');
    expect(await start()).toBe(true);
    expect(builds).toBe(2);
  });

  it('rebuilds after a source file is added or deleted', async () => {
    await start();
    write('src/commands/verify.ts', 'export const c = 4;\n');
    expect(await start()).toBe(true);
    rmSync(join(root, 'src/commands/verify.ts'));
    expect(await start()).toBe(true);
    expect(builds).toBe(3);
  });

  it('rebuilds after a tsconfig changes', async () => {
    await start();
    write('tsconfig.build.json', '{"compilerOptions":{}}\n');
    expect(await start()).toBe(true);
  });

  it('rebuilds when dist/cli.js is gone, and after a build that failed', async () => {
    await start();
    rmSync(join(root, 'dist', 'cli.js'));
    expect(await start()).toBe(true);
    write('src/cli.ts', 'export const a = 5;\n');
    await expect(
      ensureBuilt({
        root,
        mode: 'if-needed',
        build: () => {
          throw new Error('tsc failed');
        },
      }),
    ).rejects.toThrow('tsc failed');
    // Back to the sources of the last good build: dist/ may hold half of the failed one.
    write('src/cli.ts', 'export const a = 1;\n');
    expect(await start()).toBe(true);
  });

  it('npm run build always builds, and records what it built from', async () => {
    await ensureBuilt({ root, build });
    await ensureBuilt({ root, build });
    expect(builds).toBe(2);
    expect(await start()).toBe(false);
  });

  it('empties dist/ before a clean build', async () => {
    await start();
    write('dist/stale.js', '// from a deleted source\n');
    expect(await ensureBuilt({ root, build, mode: 'clean' })).toBe(true);
    expect(existsSync(join(root, 'dist', 'stale.js'))).toBe(false);
    expect(existsSync(join(root, 'dist', 'cli.js'))).toBe(true);
  });
});
