import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = new URL('../../src/seed/index.ts', import.meta.url).href;

/** Generates a world in a fresh Node process (tsx loader) and returns its JSON as written to stdout. */
function generateInChild(env: Record<string, string>): string {
  const code = [
    `const { generateWorld } = await import(${JSON.stringify(entry)});`,
    `process.stdout.write(JSON.stringify(generateWorld({ seed: 99, storeHash: 'x7k2', customers: 400, groups: 5, locale: 'de' })));`,
  ].join('\n');
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`child failed (${child.status}): ${child.stderr}`);
  return child.stdout;
}

describe('generation across processes', () => {
  it('writes byte-identical JSON in two separate processes with different time zones and locales', () => {
    const first = generateInChild({ TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' });
    const second = generateInChild({ TZ: 'Pacific/Chatham', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    expect(first.length).toBeGreaterThan(10_000);
    expect(second === first).toBe(true);
    expect(JSON.parse(first).fingerprint).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);
});
