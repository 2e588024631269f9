/** `bc-fakestore serve`: runs the fake store until SIGINT/SIGTERM, every store seeded from (seed, hash). */
import { networkInterfaces } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { RateLimit } from '../http/rate-limit.js';
import type { SeedLocale } from '../seed/index.js';
import {
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_READ_ONLY_TOKEN,
  DEFAULT_STORE_HASH,
  DEFAULT_TOKEN,
} from '../config.js';
import { COMPAT_KEYS, parseCompat, type Compat } from '../compat.js';
import type { CorsOrigins } from '../http/cors.js';
import type { LogFormat } from '../http/request-log.js';
import type { TokenConfig } from '../options.js';
import type { Backend } from '../engine/backend.js';
import { run } from '../engine/op.js';
import type { PrimeStore } from '../engine/stores.js';
import { CliFailure, type CliContext } from './cli-context.js';
import {
  collectToken,
  parseCount,
  parseInteger,
  parsePort,
  parsePowerOfTwo,
  parseRateLimit,
  parseStoreHash,
  parseToken,
} from './option-values.js';
import { parseAddressRange, parseLocale, parseNow } from './seed-flags.js';
import { parseChaos, parseClockStart } from './control-flags.js';
import type { ChaosLevel } from '../control/chaos.js';
import type { ClockStart } from '../control/clock.js';

export { DEFAULT_STORE_HASH } from '../config.js';

/** The flags of `serve`, as commander hands them over. */
export interface ServeFlags {
  port: number;
  host: string;
  store: string;
  seed: number;
  customers: number;
  groups: number;
  addresses?: [number, number];
  now?: number;
  locale?: SeedLocale;
  /** Fill every new store with this fixture instead (name or path); `--fixtures` is an alias. */
  fixture?: string;
  fixtures?: string;
  /** Whether --seed was given (it then overrides the fixture's own seed). */
  seedGiven?: boolean;
  token?: string[];
  readOnlyToken?: string[];
  adminToken?: string;
  adminRemote?: boolean;
  rateLimit?: RateLimit;
  passwordCost?: number;
  compat?: Partial<Compat>;
  cors?: CorsOrigins;
  logFormat?: LogFormat;
  quiet?: boolean;
  /** Keep every store in this SQLite file (created if missing) instead of in memory. */
  db?: string;
  /** `full`: a commit also survives a power loss (slower writes); default `normal`. */
  dbSync?: 'normal' | 'full';
  // [control] Journal size, chaos preset, where the clock starts.
  journal?: number;
  chaos?: ChaosLevel;
  clock?: ClockStart | null;
}

type SeedModule = typeof import('../seed/index.js');

/**
 * The URL to show: on a wildcard host (0.0.0.0, ::) nobody can connect to the wildcard itself,
 * so the loopback URL, plus this machine's other addresses for clients elsewhere.
 */
function reachable(host: string, port: number, url: string): { url: string; also: string[] } {
  if (host !== '0.0.0.0' && host !== '::') return { url, also: [] };
  const also = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && (host === '::' || a.family === 'IPv4'))
    .map((a) => `http://${a?.family === 'IPv6' ? `[${a.address}]` : a?.address}:${port}`);
  return { url: `http://127.0.0.1:${port}`, also };
}

/** `--cors` alone is any origin; a value is a comma-separated list of origins. */
function parseCorsOrigins(value: string | undefined): CorsOrigins {
  if (value === undefined || value === '*') return '*';
  const origins = value.split(',').map((o) => o.trim());
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== origin) {
      throw new InvalidArgumentError(
        `'${origin}' is not an origin; use e.g. http://localhost:5173 (scheme, host, port).`,
      );
    }
  }
  return origins;
}

/** One `--compat key=value`, added to the ones before it; a bad one is a usage error. */
function collectCompat(value: string, previous: Partial<Compat> | undefined): Partial<Compat> {
  try {
    return parseCompat(value, previous);
  } catch (err) {
    throw new InvalidArgumentError(`${(err as Error).message}.`);
  }
}

/** Fills each new store with the world generated from (seed, store hash) and records its fingerprint. */
function seededPrime(seed: SeedModule, flags: ServeFlags): PrimeStore {
  // Loaded in slices: while a large store fills, the fake keeps answering the others.
  return (hash) =>
    seed.worldFill({
      seed: flags.seed,
      storeHash: hash,
      customers: flags.customers,
      groups: flags.groups,
      ...(flags.addresses ? { addressesPerCustomer: flags.addresses } : {}),
      ...(flags.now === undefined ? {} : { now: flags.now }),
      ...(flags.locale ? { locale: flags.locale } : {}),
    });
}

/** Fills each new store with a fixture, loaded once: every store hash gets the same data. */
async function fixturePrimeOf(fixture: string, flags: ServeFlags): Promise<PrimeStore> {
  const { FixtureError, fixtureFill, loadFixture } = await import('../fixtures/index.js');
  try {
    const world = await loadFixture(fixture, {
      ...(flags.passwordCost ? { passwordCost: flags.passwordCost } : {}),
      ...(flags.seedGiven ? { seed: flags.seed } : {}),
      ...(flags.now === undefined ? {} : { now: flags.now }),
      ...(flags.locale ? { locale: flags.locale } : {}),
    });
    return () => fixtureFill(world);
  } catch (err) {
    if (err instanceof FixtureError) throw new CliFailure(`fixture ${err.message}`);
    throw err;
  }
}

/** A token that the flags (or their defaults) give both scopes, with the usage error that names it. */
function tokenConflict(flags: ServeFlags): string | undefined {
  const readOnly = flags.readOnlyToken ?? [DEFAULT_READ_ONLY_TOKEN];
  const both = (flags.token ?? [DEFAULT_TOKEN]).find((t) => readOnly.includes(t));
  return both && `token '${both}' is given as both --token and --read-only-token; keep one`;
}

function tokenTable(flags: ServeFlags): TokenConfig[] {
  const full = flags.token ?? [DEFAULT_TOKEN];
  const readOnly = flags.readOnlyToken ?? [DEFAULT_READ_ONLY_TOKEN];
  const conflict = tokenConflict(flags);
  if (conflict) throw new CliFailure(conflict);
  return [
    ...full.map((token): TokenConfig => ({ token, scope: 'store_v2_customers' })),
    ...readOnly.map((token): TokenConfig => ({ token, scope: 'store_v2_customers_read_only' })),
  ];
}

function listenFailure(err: unknown, flags: ServeFlags): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new CliFailure(
      `port ${flags.port} on ${flags.host} is in use; pick another with --port (0 = any)`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new CliFailure(
      `cannot listen on host '${flags.host}'; use an address of this machine, e.g. 127.0.0.1`,
    );
  }
  if (code === 'EACCES') {
    return new CliFailure(`no permission to listen on port ${flags.port}; use a port above 1023`);
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** The database file of `--db`, opened (and locked) for this process; its errors are one line. */
async function openDatabase(flags: ServeFlags): Promise<Backend | undefined> {
  if (flags.db === undefined) return undefined;
  const { DatabaseFileError, openSqliteBackend } = await import('../engine/sqlite/index.js');
  try {
    return openSqliteBackend(flags.db, { synchronous: flags.dbSync ?? 'normal' });
  } catch (err) {
    throw err instanceof DatabaseFileError ? new CliFailure(err.message) : err;
  }
}

/** Starts the fake, prints the banner, waits for a stop signal, closes; resolves to the exit code. */
export async function serve(flags: ServeFlags, ctx: CliContext): Promise<number> {
  const stopped = ctx.untilStopped();
  const tokens = tokenTable(flags);
  const adminToken = flags.adminToken ?? DEFAULT_ADMIN_TOKEN;
  // Loaded here, not at the top, so `--help` and other commands stay fast.
  const [{ startServer }, seed] = await Promise.all([import('../server.js'), import('../seed/index.js')]);
  const prime = flags.fixture ? await fixturePrimeOf(flags.fixture, flags) : seededPrime(seed, flags);
  const backend = await openDatabase(flags);
  const kept = backend ? await run(backend.storeHashes()) : [];
  const running = await startServer({
    port: flags.port,
    host: flags.host,
    tokens,
    adminToken,
    allowRemoteAdmin: flags.adminRemote ?? false,
    prime,
    ...(backend ? { backend } : {}),
    ...(flags.rateLimit ? { rateLimit: flags.rateLimit } : {}),
    ...(flags.passwordCost ? { passwordCost: flags.passwordCost } : {}),
    ...(flags.compat ? { compat: flags.compat } : {}),
    ...(flags.journal === undefined ? {} : { journalSize: flags.journal }),
    ...(flags.chaos ? { chaos: flags.chaos } : {}),
    ...(flags.clock ? { clockStart: flags.clock } : {}),
    // Request lines (method, path, status, time: never tokens or bodies) unless --quiet; internal errors always.
    log: (line, level) => (level === 'error' ? ctx.err(line) : flags.quiet ? undefined : ctx.out(line)),
    ...(flags.logFormat ? { logFormat: flags.logFormat } : {}),
    ...(flags.cors ? { cors: flags.cors } : {}),
  }).catch(async (err: unknown) => {
    await backend?.close();
    throw listenFailure(err, flags);
  });

  const store = await running.app.stores.open(flags.store);
  const counts = await store.read((v) => v.counts());
  const fingerprint = (await store.read((v) => v.meta()))?.fingerprint;
  const token = tokens[0]?.token ?? DEFAULT_TOKEN;
  const { url, also } = reachable(flags.host, running.port, running.url);
  ctx.out(`bc-fakestore listening on ${url}`);
  if (also.length) ctx.out(`  on every interface (${flags.host}); also ${also.join(', ')}`);
  ctx.out(
    `  store ${flags.store}: ${counts.customers} customers, ${counts.addresses} addresses, ${counts.groups} groups` +
      (flags.fixture
        ? ` (fixture ${flags.fixture}); every other store hash is another store with the same data`
        : ` (seed ${flags.seed}); any other store hash is another store, seeded on first use`),
  );
  ctx.out(`  fingerprint of ${flags.store}: ${fingerprint ?? 'none'}`);
  if (flags.db !== undefined) {
    ctx.out(
      `  database ${flags.db}: ${kept.length} store${kept.length === 1 ? '' : 's'} found, served as saved (never reseeded); each write is on disk before its answer`,
    );
  }
  ctx.out(`  X-Auth-Token: ${tokens.map((t) => `${t.token} (${scopeName(t)})`).join(', ')}`);
  ctx.out(
    `  X-Admin-Token: ${adminToken} (admin API under /__admin${flags.adminRemote ? ', any client' : ', loopback only'})`,
  );
  ctx.out(`  try: curl -s -H 'X-Auth-Token: ${token}' '${url}/stores/${flags.store}/v2/customers?limit=1'`);
  if (flags.chaos || flags.clock) {
    const clock = flags.clock
      ? `clock ${flags.clock.frozen ? 'frozen at' : 'running from'} ${new Date(flags.clock.at).toISOString()}`
      : '';
    ctx.out(
      `  ${[flags.chaos ? `chaos ${flags.chaos} (every store)` : '', clock].filter(Boolean).join('; ')}`,
    );
  }
  ctx.out('  Ctrl-C stops');

  const signal = await stopped;
  await running.close();
  ctx.out(`bc-fakestore stopped (${signal})`);
  return 0;
}

const scopeName = (t: TokenConfig): string => (t.scope === 'store_v2_customers' ? 'full' : 'read-only');

/** Adds `serve` to the program. */
export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('Run the fake Customers V2 API; each store hash is a separate store, seeded on first use.')
    .addOption(
      new Option('--port <port>', 'port to listen on; 0 picks a free one').default(4010).argParser(parsePort),
    )
    .option('--host <address>', 'interface to listen on', '127.0.0.1')
    .addOption(
      new Option('--store <hash>', 'store shown in the banner and primed at start')
        .default(DEFAULT_STORE_HASH)
        .argParser(parseStoreHash),
    )
    .addOption(new Option('--seed <n>', 'seed of the generated data').default(1).argParser(parseInteger))
    .addOption(new Option('--customers <n>', 'customers in each new store').default(25).argParser(parseCount))
    .addOption(
      new Option('--groups <n>', 'customer groups in each new store').default(3).argParser(parseCount),
    )
    .addOption(
      new Option('--addresses <min-max>', 'addresses per customer (default: 0-3)').argParser(
        parseAddressRange,
      ),
    )
    .addOption(
      new Option('--now <date>', 'generated dates are before it (default: 2024-01-01)').argParser(parseNow),
    )
    .addOption(
      new Option('--locale <locale>', 'store locale of generated people (default: en_US)').argParser(
        parseLocale,
      ),
    )
    .option('--fixture <name|path>', 'fill every new store with a fixture (fixtures/<name>.yaml or a file)')
    .addOption(new Option('--fixtures <name|path>').hideHelp())
    .option('--token <token>', 'full-scope API token, repeatable (default: fakestore-token)', collectToken)
    .option(
      '--read-only-token <token>',
      'read-only API token, repeatable (default: fakestore-read-only)',
      collectToken,
    )
    .option(
      '--admin-token <token>',
      'token of the admin API, header X-Admin-Token (default: fakestore-admin)',
      parseToken,
    )
    .option('--admin-remote', 'serve the admin API to non-loopback clients too')
    .addOption(
      new Option(
        '--rate-limit <quota/window>',
        'requests per window per store, e.g. 150/30s (default: no practical limit)',
      ).argParser(parseRateLimit),
    )
    .addOption(
      new Option('--password-cost <n>', 'scrypt cost N of password hashes (default: 16384)').argParser(
        parsePowerOfTwo,
      ),
    )
    .addOption(
      new Option(
        '--compat <key=value>',
        `a low-confidence behaviour, repeatable: ${Object.entries(COMPAT_KEYS)
          .map(([k, v]) => `${k}=${v.values.join('|')}`)
          .join(', ')} (defaults first)`,
      ).argParser(collectCompat),
    )
    .addOption(
      new Option(
        '--cors [origins]',
        'answer browsers: preflights and exposed headers, for any origin or a comma-separated list',
      )
        .preset('*')
        .argParser(parseCorsOrigins),
    )
    .addOption(
      new Option('--log-format <format>', 'request lines as text or json (one object per line)').choices([
        'text',
        'json',
      ]),
    )
    .option('--quiet', 'do not log one line per request')
    .option('--db <file>', 'keep every store in this SQLite file (created if missing) across restarts')
    .addOption(
      new Option('--db-sync <mode>', 'normal: writes survive a killed process; full: also power loss')
        .choices(['normal', 'full'])
        .default('normal'),
    )
    .addOption(
      new Option(
        '--journal <n>',
        'requests the journal keeps per store; 0 turns it off (default: 1000)',
      ).argParser(parseCount),
    )
    .addOption(
      new Option(
        '--chaos <preset>',
        'inject a documented mix of faults into every store: light or heavy',
      ).argParser(parseChaos),
    )
    .addOption(
      new Option(
        '--clock <start>',
        'start the virtual clock: real, frozen@<ISO 8601> or <ISO 8601>',
      ).argParser(parseClockStart),
    )
    .addHelpText(
      'after',
      `
Example:
  bc-fakestore serve --port 4010 --seed 7 --customers 100
  curl -H 'X-Auth-Token: fakestore-token' http://127.0.0.1:4010/stores/${DEFAULT_STORE_HASH}/v2/customers/count`,
    )
    .action(async (flags: ServeFlags, cmd: Command) => {
      const conflict = tokenConflict(flags);
      if (conflict) cmd.error(`error: ${conflict}`, { exitCode: 2, code: 'bc-fakestore.usage' });
      flags.fixture ??= flags.fixtures;
      if (flags.fixture !== undefined) {
        const mixed = (['customers', 'groups', 'addresses'] as const).find(
          (k) => cmd.getOptionValueSource(k) === 'cli',
        );
        if (mixed) {
          cmd.error(
            `error: --${mixed} cannot be used with --fixture; the fixture's generate: section sets the counts`,
            {
              exitCode: 2,
              code: 'bc-fakestore.usage',
            },
          );
        }
        flags.seedGiven = cmd.getOptionValueSource('seed') === 'cli';
      }
      ctx.exitCode = await serve(flags, ctx);
    });
}
