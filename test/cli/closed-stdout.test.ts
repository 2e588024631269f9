import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRunning, spawnCli } from './cli-process.js';

const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-closed-stdout-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const count = (url: string) =>
  fetch(`${url}/stores/abc123/v2/customers/count`, { headers: { 'X-Auth-Token': 'fakestore-token' } });

describe('a CLI whose stdout reader has gone (| head -1)', () => {
  it('serve keeps serving and prints no trace after its stdout is closed', async () => {
    // Request lines are logged (no --quiet), so every request below writes to the closed pipe.
    const cli = spawnCli(['serve', '--port', '0', '--password-cost', '16']);
    try {
      const url = (await cli.waitFor(/listening on (http:\/\/\S+)/))[1] as string;
      cli.child.stdout.destroy(); // what `head -1` does once it has its line
      for (let i = 0; i < 5; i++) {
        const res = await count(url);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ count: 25 });
      }
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.err).toBe('');
    } finally {
      await cli.kill();
    }
    expect(isRunning(cli.child.pid)).toBe(false);
  });

  it('generate writes its files, prints no trace and exits 0 when nobody reads its report', async () => {
    const out = join(scratch, 'data');
    const cli = spawnCli(['generate', '--customers', '3', '--groups', '1', '--out', out]);
    cli.child.stdout.destroy();
    try {
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.err).toBe('');
      expect(existsSync(join(out, 'customers.json'))).toBe(true);
    } finally {
      await cli.kill();
    }
  });
});
