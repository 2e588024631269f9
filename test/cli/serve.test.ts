import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { generateWorld } from '../../src/seed/index.js';
import { testIo, withServe } from './cli-io.js';

const get = (url: string, token = 'fakestore-token') => fetch(url, { headers: { 'X-Auth-Token': token } });

describe('bc-fakestore serve', () => {
  it('serves the seeded default store and prints its URL, tokens, fingerprint and a curl line', async () => {
    const { code, out } = await withServe(['--quiet', '--customers', '5', '--groups', '2'], async (url) => {
      const res = await get(`${url}/stores/abc123/v2/customers/count`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ count: 5 });
    });
    expect(code).toBe(0);
    const expected = generateWorld({ seed: 1, storeHash: 'abc123', customers: 5, groups: 2 });
    const banner = out.join('\n');
    expect(banner).toContain(`fingerprint of abc123: ${expected.fingerprint}`);
    expect(banner).toContain('fakestore-token (full), fakestore-read-only (read-only)');
    expect(banner).toContain('X-Admin-Token: fakestore-admin');
    expect(banner).toMatch(
      /curl -s -H 'X-Auth-Token: fakestore-token' 'http:\/\/127\.0\.0\.1:\d+\/stores\/abc123\/v2\/customers\?limit=1'/,
    );
    expect(out.at(-1)).toBe('bc-fakestore stopped (SIGTERM)');
  });

  it('seeds every other store hash from (seed, hash) on first use', async () => {
    await withServe(['--quiet', '--seed', '7', '--customers', '3', '--groups', '1'], async (url) => {
      expect(await (await get(`${url}/stores/other/v2/customers/count`)).json()).toEqual({ count: 3 });
      const admin = await fetch(`${url}/__admin/stores/other`, {
        headers: { 'X-Admin-Token': 'fakestore-admin' },
      });
      const expected = generateWorld({ seed: 7, storeHash: 'other', customers: 3, groups: 1 });
      expect(await admin.json()).toMatchObject({ store_hash: 'other', fingerprint: expected.fingerprint });
    });
  });

  it('replaces the default tokens with the given ones, by scope', async () => {
    const args = ['--quiet', '--token', 'full-1', '--token', 'full-2', '--read-only-token', 'ro-1'];
    args.push('--admin-token', 'adm');
    const { out } = await withServe(args, async (url) => {
      expect((await get(`${url}/stores/abc123/v2/customers/count`, 'full-2')).status).toBe(200);
      expect((await get(`${url}/stores/abc123/v2/customers/count`, 'fakestore-token')).status).toBe(401);
      const write = await fetch(`${url}/stores/abc123/v2/customers/1`, {
        method: 'DELETE',
        headers: { 'X-Auth-Token': 'ro-1' },
      });
      expect(write.status).toBe(403);
      const admin = await fetch(`${url}/__admin/stores`, { headers: { 'X-Admin-Token': 'adm' } });
      expect(admin.status).toBe(200);
    });
    expect(out.join('\n')).toContain('X-Auth-Token: full-1 (full), full-2 (full), ro-1 (read-only)');
  });

  it('switches low-confidence behaviours with --compat key=value, repeatable', async () => {
    const args = ['--quiet', '--compat', 'create-status=200', '--compat', 'group-dates=rfc2822'];
    await withServe(args, async (url) => {
      const res = await fetch(`${url}/stores/compat/v2/customer_groups`, {
        method: 'POST',
        headers: { 'X-Auth-Token': 'fakestore-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Compat' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { date_created: string }).date_created).toMatch(/ \+0000$/);
    });
  });

  it('applies --rate-limit per store', async () => {
    await withServe(['--quiet', '--rate-limit', '2/30s'], async (url) => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await get(`${url}/stores/abc123/v2/customers/count`)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const res = await get(`${url}/stores/abc123/v2/customers/count`);
      expect(res.headers.get('x-rate-limit-requests-quota')).toBe('2');
      expect(res.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
    });
  });

  it('logs one line per request without tokens or bodies, and none with --quiet', async () => {
    const use = async (url: string) => {
      await fetch(`${url}/stores/abc123/v2/customers`, {
        method: 'POST',
        headers: { 'X-Auth-Token': 'fakestore-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({
          first_name: 'Ann',
          last_name: 'Lee',
          email: 'ann.lee@example.com',
          _authentication: { password: 'Pa55-word-secret' },
        }),
      });
    };
    const loud = await withServe([], use);
    const TIME = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
    const requestLines = loud.out.filter((l) => / POST /.test(l));
    expect(requestLines).toEqual([
      expect.stringMatching(new RegExp(`^${TIME} POST /stores/abc123/v2/customers 201 [\\d.]+ms$`)),
    ]);
    const quiet = await withServe(['--quiet'], use);
    expect(quiet.out.filter((l) => / POST /.test(l))).toEqual([]);
    const logged = [...requestLines, ...loud.err].join('\n');
    expect(logged).toContain('POST /stores/abc123/v2/customers 201');
    expect(logged).not.toContain('fakestore-token');
    expect(logged).not.toContain('Pa55-word-secret');
  });

  it('logs why a request was refused on its line: the platform message and the fake reason', async () => {
    const { out } = await withServe([], async (url) => {
      await fetch(`${url}/stores/abc123/v2/customers/1`, {
        method: 'PUT',
        headers: { 'X-Auth-Token': 'fakestore-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ store_credit: -5 }),
      });
    });
    expect(out.find((l) => / PUT /.test(l))).toMatch(
      /PUT \/stores\/abc123\/v2\/customers\/1 400 [\d.]+ms - The field 'store_credit' is invalid\. \(.+\)$/,
    );
  });

  it('writes one JSON object per request line with --log-format json, never the query or a token', async () => {
    const { out } = await withServe(['--log-format', 'json'], async (url) => {
      await fetch(`${url}/stores/abc123/v2/customers?email=ann%40example.com`, {
        headers: { 'X-Auth-Token': 'fakestore-token' },
      });
      await fetch(`${url}/stores/abc123/v2/customers/999`, {
        headers: { 'X-Auth-Token': 'fakestore-token' },
      });
    });
    const records = out.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        method: 'GET',
        path: '/stores/abc123/v2/customers',
        status: expect.any(Number),
        duration_ms: expect.any(Number),
        store: 'abc123',
        operationId: 'listCustomers',
      },
      expect.objectContaining({
        path: '/stores/abc123/v2/customers/999',
        status: 404,
        operationId: 'getCustomer',
        message: expect.stringContaining('The requested resource was not found.'),
      }),
    ]);
    expect(out.filter((l) => l.startsWith('{')).join('\n')).not.toMatch(/ann%40example|fakestore-token/);
  });

  it('answers browser preflights and exposes the platform headers with --cors', async () => {
    await withServe(['--quiet', '--cors', 'http://localhost:5173'], async (url) => {
      const preflight = await fetch(`${url}/stores/abc123/v2/customers`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:5173',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'x-auth-token',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Auth-Token/);
      const get = await fetch(`${url}/stores/abc123/v2/customers/count`, {
        headers: { Origin: 'http://localhost:5173', 'X-Auth-Token': 'fakestore-token' },
      });
      expect(get.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(get.headers.get('access-control-expose-headers')).toMatch(/X-Rate-Limit-Requests-Left/);
      const stranger = await fetch(`${url}/stores/abc123/v2/customers/count`, {
        headers: { Origin: 'http://evil.example', 'X-Auth-Token': 'fakestore-token' },
      });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('without --cors answers a preflight as today: no Access-Control headers', async () => {
    await withServe(['--quiet'], async (url) => {
      const res = await fetch(`${url}/stores/abc123/v2/customers`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('shows a reachable address, not 0.0.0.0, when listening on every interface', async () => {
    const { out } = await withServe(['--quiet', '--host', '0.0.0.0'], async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/__admin/health`)).status).toBe(200);
    });
    expect(out.join('\n')).not.toContain('http://0.0.0.0');
    expect(out.find((l) => l.includes('try: curl'))).toMatch(/http:\/\/127\.0\.0\.1:\d+\/stores/);
  });

  it('fails with exit code 1 and one actionable line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const t = testIo();
      expect(await main(['serve', '--port', String(port)], t.io)).toBe(1);
      expect(t.err).toEqual([
        `error: port ${port} on 127.0.0.1 is in use; pick another with --port (0 = any)`,
      ]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('bc-fakestore serve as a process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops on %s with exit code 0 after serving', async (signal) => {
    const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--port', '0', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let out = '';
    let err = '';
    try {
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        void exited.then(({ code }) => reject(new Error(`exited early with ${code}: ${err}`)));
      });

      const res = await get(`${url}/stores/abc123/v2/customers/count`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ count: 25 });

      child.kill(signal);
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(out).toContain(`bc-fakestore stopped (${signal})`);
      expect(err).toBe('');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(() => process.kill(child.pid as number, 0)).toThrow(/ESRCH/);
  });
});
