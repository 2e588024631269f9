import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { testIo, withServe } from '../cli/cli-io.js';

const headers = { 'X-Auth-Token': 'fakestore-token', 'Content-Type': 'application/json' };
const adminHeaders = { 'X-Admin-Token': 'fakestore-admin' };

describe('serve: control flags', () => {
  it('--clock frozen@... starts the stores frozen at that instant', async () => {
    const { out } = await withServe(['--quiet', '--clock', 'frozen@2024-01-01T00:00:00Z'], async (url) => {
      const res = await fetch(`${url}/stores/clocked/v2/customers`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ first_name: 'A', last_name: 'B', email: 'a.b@example.com' }),
      });
      expect(((await res.json()) as { date_created: string }).date_created).toBe(
        'Mon, 01 Jan 2024 00:00:00 +0000',
      );
      const clock = await (await fetch(`${url}/__admin/clock`, { headers: adminHeaders })).json();
      expect(clock).toMatchObject({ mode: 'frozen', now: '2024-01-01T00:00:00.000Z' });
    });
    expect(out).toContain('  clock frozen at 2024-01-01T00:00:00.000Z');
  });

  it('--chaos light gives every store the preset rules', async () => {
    const { out } = await withServe(['--quiet', '--chaos', 'light'], async (url) => {
      const rules = (await (
        await fetch(`${url}/__admin/stores/any/faults`, { headers: adminHeaders })
      ).json()) as {
        id: string;
      }[];
      expect(rules.map((r) => r.id)).toEqual(['chaos-1', 'chaos-2', 'chaos-3']);
    });
    expect(out).toContain('  chaos light (every store)');
  });

  it('--journal 0 turns the journal off', async () => {
    await withServe(['--quiet', '--journal', '0'], async (url) => {
      await fetch(`${url}/stores/abc123/v2/customers/1`, { headers });
      expect((await fetch(`${url}/__admin/stores/abc123/requests`, { headers: adminHeaders })).status).toBe(
        409,
      );
    });
  });

  it.each([
    ['--clock', 'frozen@tomorrow', /frozen@<ISO 8601>/],
    ['--chaos', 'medium', /Use light or heavy/],
    ['--journal', '-1', /whole number/],
  ])('refuses %s %s as a usage error', async (flag, value, message) => {
    const t = testIo();
    expect(await main(['serve', flag, value], t.io)).toBe(2);
    expect(t.err.join(' ')).toMatch(message);
  });
});
