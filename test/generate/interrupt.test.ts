import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Resolves once `check` holds, looking every 50 ms (or rejects when the child exits first). */
async function until(check: () => boolean, exited: Promise<unknown>): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  while (!check()) {
    if (done) throw new Error('the command ended before it could be interrupted');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('bc-fakestore generate as a process', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'removes its unfinished files on %s and says nothing was written',
    async (signal) => {
      const out = join(scratch, signal);
      const args = ['--import', 'tsx', cli, 'generate', '--customers', '1000000', '--format', 'ndjson'];
      const child = spawn(process.execPath, [...args, '--out', out, '--no-progress'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        // Under way: the unfinished files exist.
        await until(() => {
          try {
            return readdirSync(out).some((f) => f.endsWith('.partial'));
          } catch {
            return false;
          }
        }, exited);
        child.kill(signal);
        expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        new RegExp(
          `^interrupted by ${signal} after \\d+ of 1000000 customers: removed the unfinished files ` +
            `\\(groups\\.ndjson\\.partial, customers\\.ndjson\\.partial, addresses\\.ndjson\\.partial\\); ` +
            `nothing was written to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n$`,
        ),
      );
      expect(readdirSync(out)).toEqual([]);
    },
    120_000,
  );
});
