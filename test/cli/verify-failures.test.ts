import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { testServer } from '../helpers.js';
import { testIo } from './cli-io.js';
import { spawnCli } from './cli-process.js';
import { bareServer, closedAddress, PACT, pactOf } from './pact-fixtures.js';

process.env.PACT_DO_NOT_TRACK ??= '1';

const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-verify-failures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(args: string[], colour = false) {
  const t = testIo();
  const code = await main(args, { ...t.io, colour });
  return { code, out: t.out.join('\n'), err: t.err };
}

/** Verifier processes this test process started that still exist. */
function verifierChildren(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        return (
          ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('verifier-process')
        );
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

const READ_ONLY_403 = 'a request to change a customer with a read-only token';
// eslint-disable-next-line no-control-regex -- looking for ANSI escapes
const ANSI = /\u001b\[/;

describe('bc-fakestore verify when the run cannot happen', () => {
  it('exits 1 with one line when nothing listens at --provider-url', async () => {
    const provider = await closedAddress();
    const cli = spawnCli(['verify', '--pacts', PACT, '--provider-url', provider, '--allow-writes']);
    try {
      expect(await cli.exited).toEqual({ code: 1, signal: null });
      expect(cli.err).toBe(
        `error: nothing answers at ${provider} (ECONNREFUSED); start the provider, or point --provider-url at one that runs\n`,
      );
      expect(cli.out).toBe('');
    } finally {
      await cli.kill();
    }
  });

  it('exits 1 with one line when nothing listens at --states-url', async () => {
    const provider = await testServer();
    const states = await closedAddress();
    try {
      const args = ['verify', '--pacts', PACT, '--provider-url', provider.url, '--states-url', states];
      const { code, err, out } = await run(args);
      expect(code).toBe(1);
      expect(err).toEqual([
        `error: nothing answers at ${states} (ECONNREFUSED); start the fake (bc-fakestore serve), or fix --states-url`,
      ]);
      expect(out).toBe('');
    } finally {
      await provider.close();
    }
  });

  it('exits 1 naming a wrong --pacts before it starts or calls anything', async () => {
    const provider = await bareServer((_req, res) => void res.end());
    try {
      const missing = join(scratch, 'no-such-pacts');
      const args = ['verify', '--pacts', missing, '--provider-url', provider.url, '--allow-writes'];
      const { code, err } = await run(args);
      expect(code).toBe(1);
      expect(err).toEqual([`error: No pact file or directory at '${missing}'.`]);
      expect(provider.requests).toEqual([]);
      const own = await run(['verify', '--pacts', missing]);
      expect(own.code).toBe(1);
      expect(own.out).not.toContain('Started the fake');
    } finally {
      await provider.close();
    }
  });

  it('stops a run that outlasts --timeout with one line, leaving no verifier process behind', async () => {
    // Answers the reachability check (so the run starts), then holds every API request unanswered.
    const provider = await bareServer((req, res) => {
      if (!req.url?.startsWith('/stores/')) res.writeHead(404).end();
    });
    try {
      const args = ['verify', '--pacts', pactOf(scratch, [READ_ONLY_403]), '--provider-url', provider.url];
      const { code, err } = await run([...args, '--allow-writes', '--timeout', '2s']);
      expect(code).toBe(1);
      expect(err).toEqual([
        `error: verification did not finish within 2 s; check that ${provider.url} answers, or allow more time with --timeout`,
      ]);
      expect(verifierChildren()).toEqual([]);
    } finally {
      await provider.close();
    }
  });
});

describe('bc-fakestore verify and the admin API that sets provider states', () => {
  it('exits 1 with one line naming the token when --admin-token is wrong', async () => {
    const fake = await testServer({ adminToken: 'the-right-one' });
    try {
      const args = ['verify', '--pacts', PACT, '--provider-url', fake.url, '--states-url', fake.url];
      const { code, err, out } = await run([...args, '--admin-token', 'a-wrong-one']);
      expect(code).toBe(1);
      expect(err).toEqual([
        `error: the admin API at ${fake.url} refused --admin-token 'a-wrong-one' (401); give the token its serve was started with (default fakestore-admin)`,
      ]);
      expect(out).not.toContain('✓');
    } finally {
      await fake.close();
    }
  });

  it('stops the run with one line naming the token when a state change answers 401', async () => {
    const fake = await testServer();
    // Lets the token check through, then refuses every state change.
    const states = await bareServer((req, res) =>
      req.method === 'GET'
        ? void res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]')
        : void res.writeHead(401).end('[{"status":401,"message":"no"}]'),
    );
    try {
      const args = ['verify', '--pacts', PACT, '--provider-url', fake.url, '--states-url', states.url];
      const { code, err, out } = await run(args);
      expect(code).toBe(1);
      expect(err).toEqual([expect.stringMatching(/refused --admin-token 'fakestore-admin' \(401\)/)]);
      expect(out).not.toMatch(/All \d+ interactions verified|Verification FAILED/);
      expect(verifierChildren()).toEqual([]);
    } finally {
      await states.close();
      await fake.close();
    }
  });

  it('fails the interaction whose state setup failed and says why once, at the top', async () => {
    const fake = await testServer();
    // Sets states through the real fake, except one, which answers 500.
    const states = await bareServer(async (req, res, body) => {
      if (
        req.method === 'POST' &&
        (JSON.parse(body) as { state: string }).state === 'no customer groups exist'
      ) {
        res
          .writeHead(500, { 'Content-Type': 'application/json' })
          .end('[{"status":500,"message":"disk full"}]');
        return;
      }
      const answer = await fetch(`${fake.url}${req.url}`, {
        method: req.method ?? 'GET',
        headers: {
          'X-Admin-Token': String(req.headers['x-admin-token']),
          'Content-Type': 'application/json',
        },
        ...(req.method === 'POST' ? { body } : {}),
      });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(await answer.text());
    });
    try {
      const pact = pactOf(scratch, [
        'a request for the customer groups',
        'a request to create a customer group',
        'a request for a customer that does not exist',
      ]);
      const args = ['verify', '--pacts', pact, '--provider-url', fake.url, '--states-url', states.url];
      const { code, out } = await run(args);
      expect(code).toBe(1);
      const report = out.slice(out.indexOf(`Provider ${fake.url}`));
      const reason = `state setup failed 1 time(s), for 'no customer groups exist': 500 [{"status":500,"message":"disk full"}]`;
      expect(out.split(reason)).toHaveLength(2); // said once
      expect(report.indexOf(reason)).toBeLessThan(report.search(/[✓✗]/)); // at the top
      expect(report).toMatch(
        /✗ a request to create a customer group \(given no customer groups exist\)\n\s+provider state 'no customer groups exist' was not set up/,
      );
      expect(report).toMatch(/✓ a request for the customer groups /);
      expect(report).toMatch(/✓ a request for a customer that does not exist /);
      expect(report).toContain('Verification FAILED: 1 of 3 interactions failed.');
    } finally {
      await states.close();
      await fake.close();
    }
  });
});

describe('bc-fakestore verify output', () => {
  it('writes no ANSI colour codes when stdout is not a terminal', async () => {
    const cli = spawnCli(['verify', '--pacts', pactOf(scratch, ['a request for a customer'])]);
    try {
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.out).toContain('Verifying a pact between bc-fakestore-client and bigcommerce-customers-v2');
      expect(cli.out).toContain('All 1 interactions verified.');
      expect(cli.out).not.toMatch(ANSI);
      expect(cli.err).toBe('');
    } finally {
      await cli.kill();
    }
  });

  it("keeps Pact's colours for a terminal", async () => {
    const { code, out } = await run(
      ['verify', '--pacts', pactOf(scratch, ['a request for a customer'])],
      true,
    );
    expect(code).toBe(0);
    expect(out).toMatch(ANSI);
  });

  it.each([
    [
      ['verify', '--provider-url', '127.0.0.1:4010'],
      /'--provider-url <url>' argument '127\.0\.0\.1:4010' is invalid/,
    ],
    [['verify', '--timeout', '1h'], /'--timeout <duration>' argument '1h' is invalid/],
    [['verify', '--states-url', 'http://127.0.0.1:4010'], /--states-url needs --provider-url/],
    [['verify', '--provider-version', '1.0.0'], /--provider-version publishes results to a broker/],
  ])('exits 2 with one line for the usage error %j', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(message)]);
  });
});
