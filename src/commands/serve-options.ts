/** The flags of `serve`: their registration, parsers and the shape commander hands them over in. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { COMPAT_KEYS, parseCompat, type Compat } from '../compat.js';
import { DEFAULT_STORE_HASH, type SeedLocale } from '../config.js';
import type { ChaosLevel } from '../control/chaos.js';
import type { ClockStart } from '../control/clock.js';
import type { CorsOrigins } from '../http/cors.js';
import type { RateLimit } from '../http/rate-limit.js';
import type { LogFormat } from '../http/request-log.js';
import { parseChaos, parseClockStart } from './control-flags.js';
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

/** Adds every flag of `serve` to the command. */
export function addServeOptions(command: Command): Command {
  return command
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
    );
}
