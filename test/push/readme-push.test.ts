import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { testIo, withServe } from '../cli/cli-io.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const SECTION = README.slice(README.indexOf('## Seeded data'), README.indexOf('## Contract testing'));
const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-readme-push-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The command of a `bc-fakestore <name> ...` line of the section, and the text block shown after it. */
function example(name: string): { args: string[]; shown: string[] } {
  const at = SECTION.indexOf(`\nbc-fakestore ${name} `);
  const line = SECTION.slice(at + 1, SECTION.indexOf('\n', at + 1));
  const shown = /```text\n([\s\S]*?)```/.exec(SECTION.slice(at))?.[1] ?? '';
  return { args: line.replace(/\s*&$/, '').split(/\s+/).slice(1), shown: shown.trimEnd().split('\n') };
}

/** Printed lines with what differs from run to run (elapsed time, folders, the port) as the README has it. */
const asShown = (lines: string[], swaps: [string, string][]): string[] =>
  lines.map((line) =>
    swaps.reduce((l, [from, to]) => l.split(from).join(to), line).replace(/ in \d+\.\d s/, ' in 0.0 s'),
  );

describe("the README's seeded-data examples", () => {
  it('generate prints the counts, files and fingerprint the README shows', async () => {
    const { args, shown } = example('generate');
    const out = join(scratch, 'generated');
    const t = testIo();
    expect(
      await main(
        args.map((a) => (a === 'qa-data' ? out : a)),
        t.io,
      ),
    ).toBe(0);
    expect(asShown(t.out, [[out, 'qa-data']])).toEqual(asShown(shown, []));
  });

  it('push into the fake started as the README says gives the table it shows', async () => {
    const generate = example('generate');
    const dir = join(scratch, 'pushed');
    expect(
      await main(
        generate.args.map((a) => (a === 'qa-data' ? dir : a)),
        testIo().io,
      ),
    ).toBe(0);
    const serve = example('serve');
    const { args, shown } = example('push');
    const state = join(scratch, 'qa.state');
    await withServe([...serve.args.slice(1), '--quiet'], async (url) => {
      const swap = (a: string): string =>
        a === 'qa-data' ? dir : a === 'qa.state' ? state : a === 'http://127.0.0.1:4010' ? url : a;
      const t = testIo();
      expect(await main(args.map(swap), t.io)).toBe(0);
      expect(asShown(t.out, [[url, 'http://127.0.0.1:4010']])).toEqual(asShown(shown, []));
      expect(t.err).toEqual([]);
    });
  }, 120_000);
});
