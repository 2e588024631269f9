/**
 * `bc-fakestore verify`: replays the pacts against a provider (the fake it starts itself, another
 * fake, or a real store) and prints one line per interaction. Exit 1 when any interaction fails or
 * the run cannot happen (nothing answers, a refused admin token, the time is up), 2 for bad flags.
 */
import { Option, type Command } from 'commander';
import { CliFailure, type CliContext } from './cli-context.js';
import { parseDuration, parseHttpUrl, parseStoreHash, parseToken } from './option-values.js';

/** The flags of `verify`, as commander hands them over (URLs already checked). */
export interface VerifyFlags {
  pacts?: string[];
  providerUrl?: string;
  statesUrl?: string;
  brokerUrl?: string;
  providerVersion?: string;
  storeHash?: string;
  token?: string;
  readOnlyToken?: string;
  adminToken?: string;
  allowWrites?: boolean;
  /** The whole run, in milliseconds. */
  timeout?: number;
}

/** The environment `verify` reads: only the broker token. */
export interface VerifyEnv {
  PACT_BROKER_TOKEN?: string;
}

const DEFAULT_PACTS = 'contracts/pacts';
const PROVIDER = 'bigcommerce-customers-v2';

const failure = (err: unknown): CliFailure =>
  new CliFailure((err instanceof Error ? err.message : String(err)).trim().split('\n')[0] ?? '');

/** A combination of flags `verify` cannot run with, as a usage error message. */
function usageProblem(flags: VerifyFlags): string | undefined {
  if (flags.providerUrl !== undefined && flags.statesUrl === undefined && !flags.allowWrites) {
    return (
      `verifying ${flags.providerUrl} replays the pacts' writes (creates, updates, deletes of ids like 1) on its data;` +
      " point it at a sandbox store and add --allow-writes, or give the fake's admin API as --states-url"
    );
  }
  if (flags.statesUrl !== undefined && flags.providerUrl === undefined) {
    return '--states-url needs --provider-url (without them verify starts its own fake and sets its states)';
  }
  if (flags.providerVersion !== undefined && flags.brokerUrl === undefined) {
    return '--provider-version publishes results to a broker; give --broker-url too';
  }
  return undefined;
}

/** Runs the verification and prints the report; resolves to the exit code (0 verified, 1 failed). */
export async function verify(flags: VerifyFlags, ctx: CliContext, env: VerifyEnv = {}): Promise<number> {
  // Loaded here, not at the top, so `--help` and other commands stay fast.
  const { formatVerifyReport, resolvePactFiles, verifyPacts } = await import('../pacts/index.js');
  // A wrong --pacts fails before anything starts.
  let pacts: string[] = [];
  try {
    if (flags.brokerUrl === undefined) pacts = resolvePactFiles(flags.pacts ?? [DEFAULT_PACTS]);
  } catch (err) {
    throw failure(err);
  }
  const { startServer } = await import('../server.js');
  const own = flags.providerUrl === undefined ? await startServer({ passwordCost: 16 }) : undefined;
  if (own) ctx.out(`Started the fake at ${own.url} to verify against.`);
  try {
    const report = await verifyPacts({
      pacts,
      providerUrl: own?.url ?? (flags.providerUrl as string),
      ...(own ? { statesUrl: own.url } : flags.statesUrl ? { statesUrl: flags.statesUrl } : {}),
      ...(flags.adminToken ? { adminToken: flags.adminToken } : {}),
      ...(flags.storeHash ? { storeHash: flags.storeHash } : {}),
      ...(flags.token ? { token: flags.token } : {}),
      ...(flags.readOnlyToken ? { readOnlyToken: flags.readOnlyToken } : {}),
      ...(flags.timeout ? { timeoutMs: flags.timeout } : {}),
      onOutput: (line) => ctx.out(line),
      colour: ctx.colour ?? false,
      ...(flags.brokerUrl
        ? {
            broker: {
              url: flags.brokerUrl,
              provider: PROVIDER,
              ...(env.PACT_BROKER_TOKEN ? { token: env.PACT_BROKER_TOKEN } : {}),
              ...(flags.providerVersion ? { providerVersion: flags.providerVersion } : {}),
            },
          }
        : {}),
    }).catch((err: unknown) => {
      throw failure(err);
    });
    for (const line of formatVerifyReport(report).split('\n')) ctx.out(line);
    return report.ok ? 0 : 1;
  } finally {
    await own?.close();
  }
}

/** Adds `verify` to the program. */
export function registerVerify(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description('Replay the pacts against a provider: the fake (started for the run), or --provider-url.')
    .option(
      '--pacts <path>',
      `pact file or directory, repeatable (default: ${DEFAULT_PACTS})`,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .addOption(
      new Option(
        '--provider-url <url>',
        'provider to verify, e.g. https://api.bigcommerce.com (default: start the fake)',
      ).argParser(parseHttpUrl),
    )
    .addOption(
      new Option(
        '--states-url <url>',
        'a running fake whose admin API sets the provider states (with --provider-url)',
      ).argParser(parseHttpUrl),
    )
    .addOption(
      new Option(
        '--broker-url <url>',
        'take the pacts from this Pact Broker (token: env PACT_BROKER_TOKEN)',
      ).argParser(parseHttpUrl),
    )
    .option('--provider-version <version>', 'publish the results to the broker under this provider version')
    .addOption(
      new Option('--store-hash <hash>', 'store to use instead of the pacts\' "pactstore"').argParser(
        parseStoreHash,
      ),
    )
    .addOption(new Option('--token <token>', 'full-scope X-Auth-Token to send').argParser(parseToken))
    .addOption(
      new Option('--read-only-token <token>', 'read-only X-Auth-Token to send').argParser(parseToken),
    )
    .addOption(
      new Option(
        '--admin-token <token>',
        'X-Admin-Token of the --states-url fake (default: fakestore-admin)',
      ).argParser(parseToken),
    )
    .option(
      '--allow-writes',
      'allow replaying writes on a --provider-url whose states cannot be set (a sandbox store)',
    )
    .addOption(
      new Option(
        '--timeout <duration>',
        'stop the whole run after this long, e.g. 90s or 10m (default: 5m)',
      ).argParser(parseDuration),
    )
    .addHelpText(
      'after',
      `
Examples:
  bc-fakestore verify
  bc-fakestore verify --provider-url http://127.0.0.1:4010 --states-url http://127.0.0.1:4010
  bc-fakestore verify --provider-url https://api.bigcommerce.com --store-hash abc123 --allow-writes \\
    --token "$BC_TOKEN" --read-only-token "$BC_READ_ONLY_TOKEN"`,
    )
    .action(async (flags: VerifyFlags, cmd: Command) => {
      const problem = usageProblem(flags);
      if (problem) cmd.error(`error: ${problem}`, { exitCode: 2, code: 'bc-fakestore.usage' });
      ctx.exitCode = await verify(flags, ctx, { PACT_BROKER_TOKEN: process.env.PACT_BROKER_TOKEN });
    });
}
