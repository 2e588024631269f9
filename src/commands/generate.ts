/** `bc-fakestore generate`: writes a seeded data set (or a fixture) as the API represents it, for QA. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ExportFormat } from '../export/index.js';
import { CliFailure, type CliContext } from './cli-context.js';
import { parseStoreHash } from './option-values.js';
import { addSeedFlags, checkFixtureFlags, seedSource, type SeedFlags } from './seed-flags.js';
import { DEFAULT_STORE_HASH } from './serve.js';

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
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Writes the data set and prints counts, files and fingerprint; resolves to the exit code. */
export async function generate(flags: GenerateFlags, ctx: CliContext): Promise<number> {
  const started = Date.now();
  const source = await seedSource(flags, flags.store, 16);
  const { exportData, progressBar } = await import('../export/index.js');
  const bar =
    flags.progress && process.stderr.isTTY && source.customerCount >= 10_000
      ? progressBar(process.stderr, 'generating')
      : undefined;
  let result;
  try {
    result = await exportData({
      source,
      format: flags.format,
      outDir: flags.out,
      storeHash: flags.store,
      ...(bar ? { onProgress: (done: number, total: number) => bar.update(done, total) } : {}),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code) throw new CliFailure(`cannot write to ${flags.out} (${code}); pick another --out folder`);
    throw err;
  } finally {
    bar?.finish();
  }
  const { counts } = result;
  ctx.out(
    `wrote ${plural(counts.customers, 'customer', 'customers')}, ${plural(counts.addresses, 'address', 'addresses')} and ` +
      `${plural(counts.groups, 'group', 'groups')} to ${flags.out} as ${flags.format} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  ctx.out(`  files: ${result.files.map((f) => f.split(/[\\/]/).pop()).join(', ')}`);
  ctx.out(`  fingerprint: ${result.fingerprint}`);
  return 0;
}

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
    .option('--no-progress', 'no progress bar (it shows only on a terminal, for 10000 customers or more)')
    .addHelpText(
      'after',
      `
The same flags give byte-identical files on any machine; the fingerprint equals the one
\`serve\` reports for that store hash with the same --seed, --customers and --groups.

Examples:
  bc-fakestore generate --seed 42 --customers 1000 --format csv --out qa-data
  bc-fakestore generate --fixture wholesale --format ndjson --out wholesale-data`,
    )
    .action(async (flags: GenerateFlags, cmd: Command) => {
      checkFixtureFlags(flags, cmd);
      ctx.exitCode = await generate(flags, ctx);
    });
}
