import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs node with arguments in the repository; resolves to its output, or fails with it. */
async function node(args: string[]): Promise<string> {
  try {
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
    const { stdout, stderr } = await run(process.execPath, args, { cwd: root, env, timeout: 120_000 });
    return stdout + stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

describe('the examples of docs/testing.md', () => {
  it('node:test: runs and passes under node --test', async () => {
    const out = await node(['--import', 'tsx', '--test', 'test/testing/examples/node-test.example.ts']);
    expect(out).toMatch(/# pass 2\n# fail 0/);
  });

  it('Vitest globalSetup: one fake for the run, a store per test', async () => {
    const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const out = await node([vitest, 'run', '--config', 'test/testing/run-examples.config.ts']);
    expect(out).toMatch(/Tests\s+2 passed \(2\)/);
  });
});
