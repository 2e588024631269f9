import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { testIo } from '../cli/cli-io.js';

const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-fingerprint-flags-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;

/** Runs generate into a fresh folder and returns the fingerprint it prints. */
async function fingerprintOf(args: string[]): Promise<string> {
  const t = testIo();
  expect(await main(['generate', ...args, '--out', join(scratch, `run${++runs}`)], t.io), t.err.join()).toBe(
    0,
  );
  return /fingerprint: (\w+)/.exec(t.out.join('\n'))?.[1] ?? '';
}

/** Each option of generate but --out, as a change from the base run `--customers 4 --groups 2`. */
const BASE = { '--customers': '4', '--groups': '2' };
const CHANGES: Record<string, Record<string, string | null>> = {
  '--store': { '--store': 'other' },
  '--seed': { '--seed': '2' },
  '--customers': { '--customers': '5' },
  '--groups': { '--groups': '3' },
  '--addresses': { '--addresses': '1-2' },
  '--now': { '--now': '2023-06-01' },
  '--locale': { '--locale': 'de' },
  '--fixture': { '--fixture': 'default', '--customers': null, '--groups': null },
  '--format': { '--format': 'csv' },
  '--force': { '--force': '' },
  '--no-progress': { '--no-progress': '' },
};

const argsOf = (flags: Record<string, string | null>): string[] =>
  Object.entries(flags).flatMap(([flag, value]) =>
    value === null ? [] : value === '' ? [flag] : [flag, value],
  );

describe('generate --help', () => {
  it('names exactly the flags that change the fingerprint', async () => {
    const t = testIo();
    await main(['generate', '--help'], t.io);
    const help = t.out.join('\n');
    const optionList = help.slice(help.indexOf('Options:'), help.indexOf('\n\n', help.indexOf('Options:')));
    const options = [...optionList.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1] as string);
    expect(options.filter((o) => o !== '--help' && o !== '--out').sort()).toEqual(
      Object.keys(CHANGES).sort(),
    );
    const named = /change the data and the fingerprint:\n(.*)\n/.exec(help)?.[1]?.match(/--[a-z-]+/g) ?? [];

    const base = await fingerprintOf(argsOf(BASE));
    const changing: string[] = [];
    for (const [flag, change] of Object.entries(CHANGES)) {
      if ((await fingerprintOf(argsOf({ ...BASE, ...change }))) !== base) changing.push(flag);
    }
    expect(named.sort()).toEqual(changing.sort());
  });
});
