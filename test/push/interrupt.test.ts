import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, freshHash, testServer, TOKEN } from '../helpers.js';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
/** tsx's loader by its URL: the process runs in a scratch folder, where `tsx` does not resolve. */
const tsx = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-push-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI as a process in the scratch folder, the token in its environment. */
function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', tsx, cli, ...args], {
    cwd: scratch,
    env: { ...process.env, BC_FAKESTORE_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { out: '', err: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

/** The row of one kind in a summary table: [created, skipped, failed]. */
const row = (out: string, kind: string): number[] =>
  (new RegExp(`^ {2}${kind} +(\\d+) +(\\d+) +(\\d+)$`, 'm').exec(out) ?? []).slice(1).map(Number);

describe('bc-fakestore push as a process', () => {
  it('prints the summary so far on SIGINT and a resume command that finishes the push', async () => {
    // A slow store (20 requests a second), so the push is still running when it is stopped.
    const server = await testServer({ rateLimit: { quota: 20, windowMs: 1000 } });
    const hash = freshHash();
    const customers = async (): Promise<number> => {
      const res = await fetch(`${server.url}/__admin/stores/${hash}`, {
        headers: { 'X-Admin-Token': ADMIN },
      });
      return res.status === 200 ? ((await res.json()) as { customers: number }).customers : 0;
    };
    try {
      const args = ['push', '--to', server.url, '--store', hash, '--customers', '60', '--groups', '1'];
      const first = run([...args, '--addresses', '0', '--no-progress']);
      try {
        while ((await customers()) < 5) {
          if (first.child.exitCode !== null) throw new Error(`push ended first: ${first.output.err}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        first.child.kill('SIGINT');
        expect(await first.exited).toBe(130);
      } finally {
        if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
      }
      const { out, err } = first.output;
      expect(out).toMatch(
        new RegExp(`^interrupted pushing to ${server.url}/stores/${hash} after \\d+\\.\\d s \\(`),
      );
      const [created] = row(out, 'customers');
      expect(created).toBe(await customers());
      const resume = `bc-fakestore push --to ${server.url} --store ${hash} --customers 60 --groups 1 --addresses 0 --state push-${hash}.state --no-progress`;
      expect(err).toBe(`interrupted by SIGINT; resume with:\n  ${resume}\n`);

      const second = run(resume.split(' ').slice(1));
      expect(await second.exited).toBe(0);
      expect(row(second.output.out, 'customers')).toEqual([60 - (created as number), created, 0]);
      expect(row(second.output.out, 'groups')).toEqual([0, 1, 0]);
      expect(await customers()).toBe(60);
    } finally {
      await server.close();
    }
  }, 120_000);
});
