/** The seed flags shared by `serve`, `generate` and `push`: parsers, registration, and the data source they name. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_PASSWORD_COST, isSeedLocale, SEED_LOCALES, type SeedLocale } from '../config.js';
import type { DataSet } from '../dataset/index.js';
import { CliFailure } from './cli-context.js';
import { parseCount, parseInteger } from './option-values.js';

/** `MIN-MAX` (or one number) addresses per customer, each 0 to 100. */
export function parseAddressRange(value: string): [number, number] {
  const m = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(value.trim());
  const min = Number(m?.[1]);
  const max = Number(m?.[2] ?? m?.[1]);
  if (!m || min > max || max > 100)
    throw new InvalidArgumentError('Use MIN-MAX from 0 to 100, e.g. 0-3 or 2.');
  return [min, max];
}

/** A date as ISO 8601 (`2024-06-01`, `2024-06-01T12:00:00Z`; UTC when no offset is given), to epoch ms. */
export function parseNow(value: string): number {
  const iso = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  const utc = iso && value.includes('T') && !iso[1] ? `${value}Z` : value;
  const ms = iso ? Date.parse(utc) : NaN;
  if (Number.isNaN(ms)) throw new InvalidArgumentError('Use an ISO 8601 date, e.g. 2024-06-01T00:00:00Z.');
  return ms;
}

/** One of the generator's store locales. */
export function parseLocale(value: string): SeedLocale {
  if (!isSeedLocale(value)) throw new InvalidArgumentError(`Use one of ${SEED_LOCALES.join(', ')}.`);
  return value;
}

/** The seed flags, by their option names: each names part of the data set (and its fingerprint). */
export const SEED_FLAGS = ['seed', 'customers', 'groups', 'addresses', 'now', 'locale', 'fixture'] as const;

/** The seed flags as commander hands them over; unset ones take the generator's defaults. */
export interface SeedFlags {
  seed?: number;
  customers?: number;
  groups?: number;
  addresses?: [number, number];
  now?: number;
  locale?: SeedLocale;
  fixture?: string;
}

/** Adds the seed flags (`--seed`, `--customers`, `--groups`, `--addresses`, `--now`, `--locale`, `--fixture`). */
export function addSeedFlags(command: Command): Command {
  return command
    .addOption(new Option('--seed <n>', 'seed of the generated data (default: 1)').argParser(parseInteger))
    .addOption(new Option('--customers <n>', 'customers to generate (default: 25)').argParser(parseCount))
    .addOption(new Option('--groups <n>', 'customer groups to generate (default: 3)').argParser(parseCount))
    .addOption(
      new Option('--addresses <min-max>', 'addresses per customer (default: 0-3)').argParser(
        parseAddressRange,
      ),
    )
    .addOption(
      new Option(
        '--now <date>',
        'reference time; generated dates are before it (default: 2024-01-01)',
      ).argParser(parseNow),
    )
    .addOption(
      new Option('--locale <locale>', 'store locale of generated people (default: en_US)').argParser(
        parseLocale,
      ),
    )
    .option(
      '--fixture <name|path>',
      'a fixture (fixtures/<name>.yaml or a file) instead of --customers/--groups',
    );
}

/** Refuses counts next to a fixture (the fixture says how many entities it has): a usage error. */
export function checkFixtureFlags(flags: SeedFlags, command: Command): void {
  if (flags.fixture === undefined) return;
  const mixed = (['customers', 'groups', 'addresses'] as const).find((k) => flags[k] !== undefined);
  if (mixed) {
    command.error(
      `error: --${mixed} cannot be used with --fixture; the fixture's generate: section sets the counts`,
      { exitCode: 2, code: 'bc-fakestore.usage' },
    );
  }
}

/** The data set the seed flags describe: a generated world keyed by `storeHash`, or a loaded fixture. */
export async function seedDataSet(
  flags: SeedFlags,
  storeHash: string,
  passwordCost = DEFAULT_PASSWORD_COST,
): Promise<DataSet> {
  const { dataSetFor, FixtureError } = await import('../fixtures/index.js');
  const { seed, customers, groups, addresses, now, locale, fixture } = flags;
  try {
    const spec = { storeHash, fixture, passwordCost, seed, customers, groups, now, locale };
    return await dataSetFor({ ...spec, addressesPerCustomer: addresses });
  } catch (err) {
    if (err instanceof FixtureError) throw new CliFailure(`fixture ${err.message}`);
    throw err;
  }
}
