/**
 * The package as a user installs it: `npm pack`, then the tarball installed into an empty project,
 * where `npx bc-fakestore serve` must start and answer, `verify`, `check-pacts` and `generate` must
 * run, and `import { createClient } from 'bc-fakestore'` must work (and type-check). Run by .ci/run
 * after `npm test` (`npm run check:packed`); prints one line per check and exits 1 on the first failure.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MUST_SHIP = [
  'bin/bc-fakestore.js',
  'dist/cli.js',
  'dist/cli-bundle/cli.js',
  'dist/vendor/swagger-mock-validator.js',
  'dist/index.js',
  'dist/index.d.ts',
  'spec/customers.v2.yaml',
];
const MUST_NOT_SHIP = /^(test|bench|\.ci|src|contracts|docs)\/|\.map$|^dist\/\.build-digest$/;
// eslint-disable-next-line no-control-regex -- looking for ANSI escapes
const ANSI = /\u001b\[/;

/** The environment without what an outer `npm run` sets, so inner npm commands behave as a user's. */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries({ ...process.env, PACT_DO_NOT_TRACK: '1' }).filter(([k]) => !/^npm_/i.test(k)),
  );

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

/** Runs a command to its end (killed after `timeoutMs`). */
function run(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs = 120_000,
  env: NodeJS.ProcessEnv = {},
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...cleanEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

class CheckFailed extends Error {}
let passed = 0;

async function check(name: string, body: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await body();
  } catch (err) {
    const why =
      err instanceof CheckFailed
        ? err.message
        : err instanceof Error
          ? (err.stack ?? err.message)
          : String(err);
    process.stderr.write(`FAIL ${name}\n${why}\n`);
    throw err;
  }
  passed++;
  process.stdout.write(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

function expectRan(ran: Ran, what: string, code = 0): void {
  if (ran.code !== code) {
    throw new CheckFailed(
      `${what} exited ${ran.code} (expected ${code})\n--- stdout\n${ran.out}\n--- stderr\n${ran.err}`,
    );
  }
}

function expectThat(ok: boolean, message: string): void {
  if (!ok) throw new CheckFailed(message);
}

/** Starts `npx bc-fakestore serve` in its own process group, asks it one thing, stops it with SIGTERM. */
async function serveAnswers(project: string): Promise<void> {
  const child = spawn('npx', ['--no', 'bc-fakestore', 'serve', '--port', '0', '--quiet'], {
    cwd: project,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const group = child.pid as number;
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new CheckFailed(`no banner within 60 s:\n${out}\n${err}`)),
        60_000,
      );
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /^bc-fakestore listening on (http:\/\/\S+)$/m.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      void exited.then((code) =>
        reject(new CheckFailed(`serve exited ${code} before its banner:\n${out}\n${err}`)),
      );
    });
    const res = await fetch(`${url}/stores/abc123/v2/customers/count`, {
      headers: { 'X-Auth-Token': 'fakestore-token' },
    });
    const body = await res.text();
    expectThat(res.status === 200 && body === '{"count":25}', `GET count answered ${res.status} ${body}`);
    process.kill(-group, 'SIGTERM');
    await exited;
    expectThat(/bc-fakestore stopped \(SIGTERM\)/.test(out), `serve did not stop cleanly:\n${out}\n${err}`);
  } finally {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const LIBRARY_CHECK = `
import { BigCommerceNetworkError, createClient, openSqliteBackend, startServer, worldFill } from 'bc-fakestore';
import { startFakeStore } from 'bc-fakestore/testing';
const fake = await startServer({ prime: (storeHash) => worldFill({ storeHash, customers: 4 }) });
const client = createClient({ baseUrl: fake.url, storeHash: 'abc123', token: 'fakestore-token' });
const count = await client.countCustomers();
await fake.close();
if (count !== 4 || typeof BigCommerceNetworkError !== 'function') throw new Error('unexpected: ' + count);
// better-sqlite3 was built by the install: a store kept in a file across a restart.
const kept = async (write) => {
  const server = await startServer({ backend: openSqliteBackend('kept.sqlite') });
  const store = createClient({ baseUrl: server.url, storeHash: 'kept1', token: 'fakestore-token' });
  if (write) await store.createCustomer({ first_name: 'Kept', last_name: 'Here', email: 'kept@example.com' });
  const n = await store.countCustomers();
  await server.close();
  return n;
};
const before = await kept(true);
const after = await kept(false);
if (after !== before) throw new Error('the file kept ' + after + ' of ' + before + ' customers');
const test = await startFakeStore({ seed: { customers: 2 } });
const seeded = await test.client.countCustomers();
await test.close();
if (seeded !== 2) throw new Error('startFakeStore seeded ' + seeded);
console.log('library ok');
`;

const TYPES_CHECK = `
import { createClient, type BigCommerceClient, type Customer } from 'bc-fakestore';
const client: BigCommerceClient = createClient({ baseUrl: 'http://127.0.0.1:4010', storeHash: 'abc123', token: 't' });
export const first: Promise<Customer> = client.getCustomer(1);
export const count: Promise<number> = client.countCustomers();
`;

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-packed-'));
  const project = join(scratch, 'project');
  let tarball = '';
  try {
    await check(
      'npm pack ships the built CLI, library, spec and fixtures, and no tests, bench, CI or sources',
      async () => {
        const ran = await run('npm', ['pack', '--json', '--pack-destination', scratch], ROOT, 300_000);
        expectRan(ran, 'npm pack');
        const [info] = JSON.parse(ran.out.slice(ran.out.indexOf('['))) as {
          filename: string;
          files: { path: string }[];
        }[];
        const files = (info?.files ?? []).map((f) => f.path);
        tarball = join(scratch, info?.filename ?? '');
        expectThat(
          MUST_SHIP.every((f) => files.includes(f)),
          `missing: ${MUST_SHIP.filter((f) => !files.includes(f)).join(', ')}`,
        );
        expectThat(
          files.some((f) => /^fixtures\/.+\.yaml$/.test(f)),
          'no fixtures/*.yaml in the package',
        );
        const extra = files.filter((f) => MUST_NOT_SHIP.test(f));
        expectThat(extra.length === 0, `ships what users do not need: ${extra.slice(0, 10).join(', ')}`);
        process.stdout.write(`     ${files.length} files in ${info?.filename}\n`);
      },
    );

    // CI=true as in a user's CI job, where a failing install script of any dependency fails the install.
    await check('the tarball installs into an empty project in CI, without engine warnings', async () => {
      mkdirSync(project);
      writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({ name: 'packed-check', private: true, type: 'module' }),
      );
      const ran = await run('npm', ['install', '--no-audit', '--no-fund', tarball], project, 600_000, {
        CI: 'true',
      });
      expectRan(ran, 'npm install <tarball>');
      expectThat(!/EBADENGINE/.test(ran.out + ran.err), `engine warnings:\n${ran.err}`);
    });

    await check('npx bc-fakestore --version prints the version', async () => {
      const ran = await run('npx', ['--no', 'bc-fakestore', '--version'], project);
      expectRan(ran, 'bc-fakestore --version');
      expectThat(/^\d+\.\d+\.\d+/.test(ran.out), `printed ${ran.out}`);
    });

    await check('npx bc-fakestore serve starts, answers and stops on SIGTERM', () => serveAnswers(project));

    mkdirSync(join(project, 'pacts'));
    for (const file of readdirSync(join(ROOT, 'contracts', 'pacts')).filter((f) => f.endsWith('.json'))) {
      copyFileSync(join(ROOT, 'contracts', 'pacts', file), join(project, 'pacts', file));
    }

    await check('npx bc-fakestore check-pacts checks pacts against the spec shipped inside', async () => {
      const ran = await run('npx', ['--no', 'bc-fakestore', 'check-pacts', '--pacts', 'pacts'], project);
      expectRan(ran, 'check-pacts');
      expectThat(/allowed by .*node_modules\/bc-fakestore\/spec\/customers\.v2\.yaml/.test(ran.out), ran.out);
    });

    await check(
      'npx bc-fakestore verify verifies the pacts against its own fake, without colour codes',
      async () => {
        const ran = await run(
          'npx',
          ['--no', 'bc-fakestore', 'verify', '--pacts', 'pacts'],
          project,
          300_000,
        );
        expectRan(ran, 'verify');
        expectThat(/All \d+ interactions verified\./.test(ran.out), ran.out);
        expectThat(!ANSI.test(ran.out + ran.err), 'ANSI codes in the output of a pipe');
      },
    );

    await check('npx bc-fakestore generate writes a fixture shipped inside', async () => {
      const args = [
        '--no',
        'bc-fakestore',
        'generate',
        '--fixture',
        'wholesale',
        '--format',
        'csv',
        '--out',
        'data',
      ];
      const ran = await run('npx', args, project);
      expectRan(ran, 'generate');
      expectThat(existsSync(join(project, 'data', 'customers.csv')), 'no data/customers.csv');
    });

    await check(
      "import 'bc-fakestore' and 'bc-fakestore/testing' work in plain Node, with a SQLite file",
      async () => {
        writeFileSync(join(project, 'library.mjs'), LIBRARY_CHECK);
        const ran = await run(process.execPath, ['library.mjs'], project);
        expectRan(ran, 'node library.mjs');
        expectThat(ran.out.includes('library ok'), ran.out);
      },
    );

    await check("import { createClient } from 'bc-fakestore' type-checks in TypeScript", async () => {
      writeFileSync(join(project, 'types.ts'), TYPES_CHECK);
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const flags = [
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
      ];
      const types = [
        '--types',
        'node',
        '--typeRoots',
        join(ROOT, 'node_modules', '@types'),
        '--skipLibCheck',
      ];
      const ran = await run(process.execPath, [tsc, ...flags, ...types, 'types.ts'], project);
      expectRan(ran, 'tsc types.ts');
    });

    process.stdout.write(`packed package: all ${passed} checks passed\n`);
  } finally {
    if (process.env.KEEP_PACKED_CHECK) process.stdout.write(`kept ${scratch}\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch(() => {
  process.stderr.write(`packed package: FAILED after ${passed} passing check(s)\n`);
  process.exitCode = 1;
});
