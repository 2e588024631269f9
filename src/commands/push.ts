/** `bc-fakestore push`: loads a data set into any Customers V2 store (the fake or a real sandbox) through its API. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ProgressBar } from '../export/index.js';
import type { PushSource, PushSummary } from '../push/index.js';
import { CliFailure, type CliContext } from './cli-context.js';
import { parseStoreHash, parseToken } from './option-values.js';
import { addSeedFlags, checkFixtureFlags, seedSource, type SeedFlags } from './seed-flags.js';

/** The flags of `push`. */
export interface PushFlags extends SeedFlags {
  to: string;
  store: string;
  token: string;
  from?: string;
  state?: string;
  progress: boolean;
}

function parseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(
      'Use an http(s) URL, e.g. http://127.0.0.1:4010 or https://api.bigcommerce.com.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(
      'Use an http(s) URL, e.g. http://127.0.0.1:4010 or https://api.bigcommerce.com.',
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

async function sourceOf(flags: PushFlags): Promise<PushSource> {
  const push = await import('../push/index.js');
  if (flags.from !== undefined) {
    try {
      return push.readExportFolder(flags.from);
    } catch (err) {
      if (err instanceof push.ExportFolderError) throw new CliFailure(err.message);
      throw err;
    }
  }
  // Hashes of fixture passwords are not needed: the password itself is sent.
  const data = await seedSource(flags, flags.store, 16);
  return push.pushSourceOf(data, flags.fixture === undefined ? undefined : data.fingerprint());
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);

/** The summary table printed at the end. */
export function summaryLines(summary: PushSummary, target: string): string[] {
  const p = summary.pacing;
  const lines = [
    `pushed to ${target} in ${(summary.elapsedMs / 1000).toFixed(1)} s ` +
      `(${p.requests} requests, ${p.tooManyRequests} answered 429, waited ${(p.waitedMs / 1000).toFixed(1)} s for the rate limit)`,
    `  ${'kind'.padEnd(10)}${pad('created', 9)}${pad('skipped', 9)}${pad('failed', 8)}`,
  ];
  for (const kind of ['groups', 'customers', 'addresses'] as const) {
    const s = summary[kind];
    lines.push(`  ${kind.padEnd(10)}${pad(s.created, 9)}${pad(s.skipped, 9)}${pad(s.failed, 8)}`);
  }
  return lines;
}

const SHOWN_FAILURES = 20;

/** Pushes, prints the summary (failures on stderr); resolves to 1 when anything failed. */
export async function push(flags: PushFlags, ctx: CliContext): Promise<number> {
  const source = await sourceOf(flags);
  const { pushData, PushStateError } = await import('../push/index.js');
  const { progressBar } = await import('../export/index.js');
  const { BigCommerceApiError } = await import('../client/index.js');
  const tty = flags.progress && process.stderr.isTTY;
  const bars = new Map<string, ProgressBar>();
  const target = `${flags.to}/stores/${flags.store}`;
  let summary: PushSummary;
  try {
    summary = await pushData({
      baseUrl: flags.to,
      storeHash: flags.store,
      token: flags.token,
      source,
      ...(flags.state ? { statePath: flags.state } : {}),
      ...(tty
        ? {
            onProgress: (kind, done, total) => {
              let bar = bars.get(kind);
              if (!bar) {
                for (const b of bars.values()) b.finish();
                bars.set(kind, (bar = progressBar(process.stderr, `pushing ${kind}`)));
              }
              bar.update(done, total);
            },
          }
        : {}),
    });
  } catch (err) {
    if (err instanceof PushStateError) throw new CliFailure(err.message);
    if (err instanceof BigCommerceApiError && (err.status === 401 || err.status === 403)) {
      throw new CliFailure(
        `${target} answered ${err.status} (${err.messages.join(' ')}); check --token and --store`,
      );
    }
    if (err instanceof BigCommerceApiError && err.status === 404) {
      throw new CliFailure(
        `${target} answered 404: is --to the API origin (no /stores/... path) and --store right?`,
      );
    }
    if (err instanceof TypeError) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      throw new CliFailure(`cannot reach ${flags.to}${cause ? ` (${cause})` : ''}; is the store running?`);
    }
    throw err;
  } finally {
    for (const b of bars.values()) b.finish();
  }
  for (const line of summaryLines(summary, target)) ctx.out(line);
  for (const f of summary.failures.slice(0, SHOWN_FAILURES)) {
    ctx.err(`  failed: ${f.kind.replace(/s$/, '')} ${f.sourceId} of the data set: ${f.message}`);
  }
  if (summary.failures.length > SHOWN_FAILURES) {
    ctx.err(`  ... and ${summary.failures.length - SHOWN_FAILURES} more failures`);
  }
  return summary.failures.length > 0 ? 1 : 0;
}

/** Adds `push` to the program. */
export function registerPush(program: Command, ctx: CliContext): void {
  const command = program
    .command('push')
    .description(
      'Load a data set into any Customers V2 store through its API: groups, then customers, then addresses.',
    )
    .addOption(
      new Option('--to <url>', 'API origin: the fake (http://127.0.0.1:4010) or https://api.bigcommerce.com')
        .argParser(parseUrl)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--store <hash>', 'store hash to push into').argParser(parseStoreHash).makeOptionMandatory(),
    )
    .addOption(
      new Option('--token <token>', 'X-Auth-Token with the store_v2_customers scope')
        .env('BC_FAKESTORE_TOKEN')
        .argParser(parseToken)
        .makeOptionMandatory(),
    )
    .option('--from <dir>', 'a folder written by generate (json, ndjson or csv)');
  addSeedFlags(command)
    .option('--state <file>', 'resume file: source ids → created ids (a re-run skips what it lists)')
    .option('--no-progress', 'no progress bar (it shows only on a terminal)')
    .addHelpText(
      'after',
      `
The data set is --from DIR, or --fixture NAME, or the generated one the seed flags describe
(keyed by --store, as generate and serve key it). A re-run creates only what is missing: groups
are matched by name, customers by email, addresses by their fields. Rate limits are honoured
(X-Rate-Limit-Requests-Left / X-Rate-Limit-Time-Reset-Ms, and X-Retry-After on a 429).
Exit code 1 when any entity failed.

Examples:
  bc-fakestore push --to http://127.0.0.1:4010 --store abc123 --token fakestore-token --fixture wholesale
  bc-fakestore push --to https://api.bigcommerce.com --store <hash> --token <token> --from qa-data --state push.state`,
    )
    .action(async (flags: PushFlags, cmd: Command) => {
      checkFixtureFlags(flags, cmd);
      const seedFlag = (
        ['seed', 'customers', 'groups', 'addresses', 'now', 'locale', 'fixture'] as const
      ).find((k) => flags[k] !== undefined);
      if (flags.from !== undefined && seedFlag) {
        cmd.error(`error: --${seedFlag} cannot be used with --from; the folder holds the data set`, {
          exitCode: 2,
          code: 'bc-fakestore.usage',
        });
      }
      ctx.exitCode = await push(flags, ctx);
    });
}
