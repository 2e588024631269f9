import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli.js';

/** Runs the CLI in-process for a command that returns on its own. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    untilStopped: () => Promise.resolve('SIGTERM'),
  };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err };
}

describe('bc-fakestore --help and usage errors', () => {
  it('lists the commands with --help and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: bc-fakestore \[options\] \[command\]/);
    expect(r.out).toMatch(/serve \[options\]\s+Run the fake Customers V2 API/);
    expect(r.err).toEqual([]);
  });

  it('describes every flag of serve with serve --help and exits 0', async () => {
    const r = await run('serve', '--help');
    expect(r.code).toBe(0);
    for (const flag of [
      '--port <port>',
      '--host <address>',
      '--seed <n>',
      '--customers <n>',
      '--groups <n>',
      '--token <token>',
      '--read-only-token <token>',
      '--admin-token <token>',
      '--admin-remote',
      '--rate-limit <quota/window>',
      '--password-cost <n>',
      '--compat <key=value>',
      '--quiet',
    ]) {
      expect(r.out).toContain(flag);
    }
    expect(r.out).toMatch(/\(default:\s+4010\)/);
  });

  it('prints the version with --version and exits 0', async () => {
    const r = await run('--version');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [
      ['serve', '--port', 'abc'],
      /^error: option '--port <port>' argument 'abc' is invalid\. Use a port from 0 to 65535\./,
    ],
    [['serve', '--port', '70000'], /port from 0 to 65535/],
    [['serve', '--compat', 'create-status=202'], /compat create-status takes 201 or 200, not '202'/],
    [
      ['serve', '--compat', 'colour=blue'],
      /unknown compat key 'colour'; use limit-over-max, create-status, group-dates/,
    ],
    [['serve', '--prot', '1'], /^error: unknown option '--prot' \(Did you mean --port\?\)/],
    [['serve', '--rate-limit', 'fast'], /Use <requests>\/<window>, e\.g\. 150\/30s/],
    [['serve', '--password-cost', '1000'], /power of two/],
    [['serve', '--customers', '-1'], /whole number/],
    [['serve', '--token', ''], /non-empty token/],
    [['serve', '--store', 'a/b'], /letters, digits/],
    [['srve'], /^error: unknown command 'srve' \(Did you mean serve\?\)/],
    [['serve', 'extra'], /too many arguments/],
  ])('exits 2 with one line on stderr for %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
  });

  it('prints the help on stderr and exits 2 when no command is given', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/^Usage: bc-fakestore/);
  });

  it('exits 2 with one line when a token has both scopes', async () => {
    const r = await run('serve', '--port', '0', '--token', 'same', '--read-only-token', 'same');
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      "error: token 'same' is given as both --token and --read-only-token; keep one (see --help)",
    ]);
  });

  it('exits 2 when --token repeats the default read-only token', async () => {
    const r = await run('serve', '--port', '0', '--token', 'fakestore-read-only');
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/^error: token 'fakestore-read-only' is given as both/)]);
  });
});
