/** `bc-fakestore serve`: runs the fake store until SIGINT/SIGTERM, every store seeded from (seed, hash). */
import type { Command } from 'commander';
import {
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_READ_ONLY_TOKEN,
  DEFAULT_STORE_HASH,
  DEFAULT_TOKEN,
} from '../config.js';
import type { Backend } from '../engine/backend.js';
import { run } from '../engine/op.js';
import type { PrimeStore } from '../engine/stores.js';
import type { TokenConfig } from '../options.js';
import { CliFailure, type CliContext } from './cli-context.js';
import { printBanner } from './serve-banner.js';
import { addServeOptions, type ServeFlags } from './serve-options.js';

type SeedModule = typeof import('../seed/index.js');

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
  const [{ startServer }, seed, { storeSummary }] = await Promise.all([
    import('../server.js'),
    import('../seed/index.js'),
    import('../routes/admin-summary.js'),
  ]);
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

  await running.app.stores.open(flags.store); // seeds the default store, so the banner can describe it
  const { fingerprint, ...counts } = await storeSummary(running.app.stores, flags.store);
  printBanner(ctx, flags, {
    port: running.port,
    url: running.url,
    tokens,
    adminToken,
    counts,
    fingerprint,
    kept,
  });

  const signal = await stopped;
  await running.close();
  ctx.out(`bc-fakestore stopped (${signal})`);
  return 0;
}

/** Adds `serve` to the program. */
export function registerServe(program: Command, ctx: CliContext): void {
  addServeOptions(
    program
      .command('serve')
      .description(
        'Run the fake Customers V2 API; each store hash is a separate store, seeded on first use.',
      ),
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
