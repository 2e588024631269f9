/** `bc-fakestore generate`: writes a seeded data set (or a fixture) as the API represents it, for QA. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ExportFormat, ExportResult } from '../export/index.js';
import { DEFAULT_STORE_HASH } from '../config.js';
import { CliFailure, signalExitCode, stopSignal, type CliContext } from './cli-context.js';
import { parseStoreHash } from './option-values.js';
import { addSeedFlags, checkFixtureFlags, SEED_FLAGS, seedDataSet, type SeedFlags } from './seed-flags.js';

function parseFormat(value: string): ExportFormat {
  if (value !== 'json' && value !== 'ndjson' && value !== 'csv') {
    throw new InvalidArgumentError('Use json, ndjson or csv.');
  }
  return value;
}

/** The flags of `generate`. */
export interface GenerateFlags extends SeedFlags {
  store: string;
  format: ExportFormat;
  out: string;
  progress: boolean;
  force?: boolean;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const names = (paths: string[]): string => paths.map((f) => f.split(/[\\/]/).pop()).join(', ');

/** Writes the data set and prints counts, files and fingerprint; resolves to the exit code. */
export async function generate(flags: GenerateFlags, ctx: CliContext): Promise<number> {
  const started = Date.now();
  const source = await seedDataSet(flags, flags.store, 16);
  const { exportData, ExportInterrupted, OutDirNotEmpty, progressBar } = await import('../export/index.js');
  const total = source.counts.customers ?? 0;
  const bar =
    flags.progress && process.stderr.isTTY && total >= 10_000
      ? progressBar(process.stderr, 'generating')
      : undefined;
  const stop = stopSignal(ctx);
  let result: ExportResult;
  try {
    result = await exportData({
      source,
      format: flags.format,
      outDir: flags.out,
      force: flags.force ?? false,
      storeHash: flags.store,
      signal: stop.signal,
      ...(bar ? { onProgress: (done: number, all: number) => bar.update(done, all) } : {}),
    });
  } catch (err) {
    bar?.finish();
    if (err instanceof ExportInterrupted) {
      ctx.err(
        `interrupted by ${stop.stoppedBy} after ${err.customers} of ${total} customers: removed the unfinished ` +
          `files (${names(err.removed)}); nothing was written to ${flags.out}`,
      );
      return signalExitCode(stop.stoppedBy);
    }
    if (err instanceof OutDirNotEmpty) {
      throw new CliFailure(
        `${err.message}; pass --force to replace the data set in it, or pick another --out`,
      );
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code) throw new CliFailure(`cannot write to ${flags.out} (${code}); pick another --out folder`);
    throw err;
  }
  bar?.finish();
  const { counts } = result;
  ctx.out(
    `wrote ${plural(counts.customers, 'customer', 'customers')}, ${plural(counts.addresses, 'address', 'addresses')} and ` +
      `${plural(counts.groups, 'group', 'groups')} to ${flags.out} as ${flags.format} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  ctx.out(`  files: ${names(result.files)}`);
  if (result.replaced.length > 0) ctx.out(`  replaced the earlier files: ${result.replaced.join(', ')}`);
  ctx.out(`  fingerprint: ${result.fingerprint}`);
  return 0;
}

/** The flags that change the data set and its fingerprint, as `generate --help` lists them. */
const FINGERPRINT_FLAGS = ['--store', ...SEED_FLAGS.map((f) => `--${f}`)];

/** Adds `generate` to the program. */
export function registerGenerate(program: Command, ctx: CliContext): void {
  const command = program
    .command('generate')
    .description(
      'Write a seeded data set (or a fixture) as the API represents it: groups, customers, addresses.',
    );
  addSeedFlags(command)
    .addOption(
      new Option('--store <hash>', 'store hash: keys the generated data and the addresses links')
        .default(DEFAULT_STORE_HASH)
        .argParser(parseStoreHash),
    )
    .addOption(
      new Option('--format <format>', 'json (one array per file), ndjson or csv')
        .default('json')
        .argParser(parseFormat),
    )
    .requiredOption('--out <dir>', 'folder to write groups, customers, addresses and manifest.json into')
    .option('--force', 'write into a folder that is not empty, replacing the files of an earlier data set')
    .option('--no-progress', 'no progress bar (it shows only on a terminal, for 10000 customers or more)')
    .addHelpText(
      'after',
      `
The same flags give byte-identical files on any machine, and the fingerprint serve reports for
that store hash with the same flags. Flags that change the data and the fingerprint:
  ${FINGERPRINT_FLAGS.join(', ')}
(a fixture is keyed by no store: there --store changes only the addresses links). Which flag
changes which entities: docs/seeded-data.md. --out must be empty, or give --force.
Ctrl-C removes the unfinished files (exit code 130).

Examples:
  bc-fakestore generate --seed 42 --customers 1000 --format csv --out qa-data
  bc-fakestore generate --fixture wholesale --format ndjson --out wholesale-data`,
    )
    .action(async (flags: GenerateFlags, cmd: Command) => {
      checkFixtureFlags(flags, cmd);
      ctx.exitCode = await generate(flags, ctx);
    });
}
