import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { withServe } from './cli-io.js';
import { main } from '../../src/cli.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the reply the fake gives to its curl line', async () => {
    const curl = /curl -s -H 'X-Auth-Token: ([^']+)' 'http:\/\/127\.0\.0\.1:4010(\/[^']+)'/.exec(README);
    const reply = /```json\n([\s\S]*?)```/.exec(README);
    expect(curl).not.toBeNull();
    expect(reply).not.toBeNull();
    const [, token, path] = curl as RegExpExecArray;
    await withServe(['--quiet'], async (url) => {
      const res = await fetch(`${url}${path}`, { headers: { 'X-Auth-Token': token as string } });
      expect(res.status).toBe(200);
      const stale =
        'the README reply is stale: run `npm start`, then its curl line, and paste the reply formatted';
      expect(await res.json(), stale).toEqual(JSON.parse((reply as RegExpExecArray)[1] as string));
    });
  });

  it('documents every flag of serve, and no flag serve lacks', async () => {
    const help: string[] = [];
    await main(['serve', '--help'], {
      out: (line) => help.push(line),
      err: () => {},
      untilStopped: () => Promise.resolve('SIGTERM'),
    });
    const fromHelp = [...help.join('\n').matchAll(/^ {2}(--[a-z-]+)/gm)]
      .map((m) => m[1])
      .filter((f) => f !== '--help');
    const fromReadme = [...README.matchAll(/^\| `(--[a-z-]+)/gm)].map((m) => m[1]);
    expect(fromReadme.sort()).toEqual(fromHelp.sort());
  });

  it('has a library example that runs and prints what its comments say', async () => {
    const code = (/```ts\n([\s\S]*?)```/.exec(README) as RegExpExecArray)[1] as string;
    const index = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'bc-fakestore-readme-'));
    const file = join(dir, 'example.ts');
    writeFileSync(file, code.replace("from 'bc-fakestore'", `from ${JSON.stringify(index)}`));
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => inspect(a)).join(' '));
    });
    try {
      await import(pathToFileURL(file).href);
    } finally {
      log.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    const promised = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1] as string);
    expect(printed).toHaveLength(promised.length);
    printed.forEach((line, i) => expect(promised[i]?.startsWith(line)).toBe(true));
  });
});
