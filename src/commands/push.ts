/** `bc-fakestore push`: loads a data set into any Customers V2 store (the fake or a real sandbox) through its API. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { BigCommerceApiError } from '../client/api-error.js';
import type { DataSet, EntityCounts } from '../dataset/index.js';
import type { ProgressBar } from '../export/index.js';
import type { PushState, PushSummary } from '../push/index.js';
import { CliFailure, signalExitCode, stopSignal, type CliContext } from './cli-context.js';
import { parseStoreHash, parseToken } from './option-values.js';
import { addSeedFlags, checkFixtureFlags, SEED_FLAGS, seedDataSet, type SeedFlags } from './seed-flags.js';

/** The flags of `push`. */
export interface PushFlags extends SeedFlags {
  to: string;
  store: string;
  token: string;
  from?: string;
  state?: string;
  progress: boolean;
  /** Whether the token came from BC_FAKESTORE_TOKEN (a resume command then needs no token). */
  tokenFromEnv?: boolean;
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

async function sourceOf(flags: PushFlags): Promise<DataSet> {
  if (flags.from === undefined) return seedDataSet(flags, flags.store, 16); // passwords are sent as they are
  const { ExportFolderError, readExportFolder } = await import('../push/index.js');
  try {
    return readExportFolder(flags.from);
  } catch (err) {
    if (err instanceof ExportFolderError) throw new CliFailure(err.message);
    throw err;
  }
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The summary table printed at the end (or at a stop, of what was done so far). */
export function summaryLines(summary: PushSummary, target: string): string[] {
  const p = summary.pacing;
  const how = summary.interrupted ? `interrupted pushing to ${target} after` : `pushed to ${target} in`;
  const lines = [
    `${how} ${seconds(summary.elapsedMs)} ` +
      `(${p.requests} requests, ${p.tooManyRequests} answered 429, waited ${seconds(p.waitedMs)} for the rate limit)`,
    `  ${'kind'.padEnd(10)}${pad('created', 9)}${pad('skipped', 9)}${pad('failed', 8)}`,
  ];
  for (const kind of ['groups', 'customers', 'addresses'] as const) {
    const s = summary[kind];
    lines.push(`  ${kind.padEnd(10)}${pad(s.created, 9)}${pad(s.skipped, 9)}${pad(s.failed, 8)}`);
  }
  return lines;
}

const SHOWN_FAILURES = 20;
const ONE: Record<keyof EntityCounts, string> = {
  groups: 'group',
  customers: 'customer',
  addresses: 'address',
};

/** A word as a POSIX shell reads it back unchanged. */
const shellWord = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

/** The command that resumes a stopped push: the same data set and store, with the state file. */
export function resumeCommand(flags: PushFlags, stateFile: string): string {
  const words = ['bc-fakestore', 'push', '--to', flags.to, '--store', flags.store];
  if (flags.from !== undefined) words.push('--from', flags.from);
  for (const name of SEED_FLAGS) {
    const v = flags[name];
    if (v === undefined) continue;
    const text =
      name === 'addresses'
        ? [...new Set(v as number[])].join('-')
        : name === 'now'
          ? new Date(v as number).toISOString()
          : String(v);
    words.push(`--${name}`, text);
  }
  words.push('--state', stateFile);
  if (!flags.progress) words.push('--no-progress');
  // The token is never printed: from the environment the command runs as it is.
  const token = flags.tokenFromEnv ? '' : 'BC_FAKESTORE_TOKEN=<your token> ';
  return token + words.map(shellWord).join(' ');
}

/** Keeps an in-memory state in a new file of the working folder (push-<store>.state, -2, ...). */
function saveResumeFile(state: PushState, store: string): string {
  for (let n = 1; ; n++) {
    const file = `push-${store}${n === 1 ? '' : `-${n}`}.state`;
    try {
      state.saveAs(file);
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

function failure(err: unknown, flags: PushFlags, target: string): unknown {
  if (!(err instanceof BigCommerceApiError)) {
    if (!(err instanceof TypeError)) return err;
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return new CliFailure(`cannot reach ${flags.to}${cause ? ` (${cause})` : ''}; is the store running?`);
  }
  if (err.status === 403) {
    return new CliFailure(
      `${target} answered 403 (${err.messages.join(' ')}): the token lacks the store_v2_customers scope ` +
        '(a read-only token cannot create); use a token with store_v2_customers',
    );
  }
  if (err.status === 401) {
    return new CliFailure(`${target} answered 401 (${err.messages.join(' ')}); check --token and --store`);
  }
  if (err.status === 404) {
    return new CliFailure(
      `${target} answered 404: is --to the API origin (no /stores/... path) and --store right?`,
    );
  }
  return err;
}

/** Pushes, prints the summary (failures and warnings on stderr); resolves to 1 when anything failed. */
export async function push(flags: PushFlags, ctx: CliContext): Promise<number> {
  const source = await sourceOf(flags);
  const { pushData, pushTarget, PushState, PushStateError } = await import('../push/index.js');
  const { progressBar } = await import('../export/index.js');
  const target = pushTarget(flags.to, flags.store);
  let state: PushState;
  try {
    state = PushState.open(flags.state, target, source.id);
  } catch (err) {
    throw err instanceof PushStateError ? new CliFailure(err.message) : err;
  }
  const bars = new Map<string, ProgressBar>();
  const stop = stopSignal(ctx);
  let summary: PushSummary;
  try {
    summary = await pushData({
      baseUrl: flags.to,
      storeHash: flags.store,
      token: flags.token,
      source,
      state,
      signal: stop.signal,
      ...(flags.progress && process.stderr.isTTY
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
    throw failure(err, flags, target);
  } finally {
    for (const b of bars.values()) b.finish();
  }
  for (const line of summaryLines(summary, target)) ctx.out(line);
  for (const w of summary.warnings) ctx.err(`  warning: ${w}`);
  for (const f of summary.failures.slice(0, SHOWN_FAILURES)) {
    ctx.err(`  failed: ${ONE[f.kind]} ${f.sourceId} of the data set: ${f.message}`);
  }
  if (summary.failures.length > SHOWN_FAILURES) {
    ctx.err(`  ... and ${summary.failures.length - SHOWN_FAILURES} more failures`);
  }
  if (summary.interrupted) {
    const file = state.file ?? saveResumeFile(state, flags.store);
    ctx.err(`interrupted by ${stop.stoppedBy}; resume with:`);
    ctx.err(`  ${resumeCommand(flags, file)}`);
    return signalExitCode(stop.stoppedBy);
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
      const seedFlag = SEED_FLAGS.find((k) => flags[k] !== undefined);
      if (flags.from !== undefined && seedFlag) {
        cmd.error(`error: --${seedFlag} cannot be used with --from; the folder holds the data set`, {
          exitCode: 2,
          code: 'bc-fakestore.usage',
        });
      }
      flags.tokenFromEnv = cmd.getOptionValueSource('token') === 'env';
      ctx.exitCode = await push(flags, ctx);
    });
}
