/**
 * `bc-fakestore verify`: replays the pacts against a provider (the fake it starts itself, another
 * fake, or a real store) and prints one line per interaction. Exit 1 when any interaction fails.
 */
import { Option, type Command } from 'commander';
import { CliFailure, type CliContext } from './cli-context.js';
import { parseStoreHash, parseToken } from './option-values.js';

/** The flags of `verify`, as commander hands them over. */
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
}

/** The environment `verify` reads: only the broker token. */
export interface VerifyEnv {
  PACT_BROKER_TOKEN?: string;
}

const DEFAULT_PACTS = 'contracts/pacts';
const PROVIDER = 'bigcommerce-customers-v2';

function parseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/$/, '');
  } catch {
    // reported below
  }
  throw new CliFailure(`'${value}' is not an http(s) URL`);
}

/** Runs the verification and prints the report; resolves to the exit code (0 verified, 1 failed). */
export async function verify(flags: VerifyFlags, ctx: CliContext, env: VerifyEnv = {}): Promise<number> {
  const providerUrl = flags.providerUrl === undefined ? undefined : parseUrl(flags.providerUrl);
  const statesUrl = flags.statesUrl === undefined ? undefined : parseUrl(flags.statesUrl);
  const brokerUrl = flags.brokerUrl === undefined ? undefined : parseUrl(flags.brokerUrl);
  if (providerUrl !== undefined && statesUrl === undefined && !flags.allowWrites) {
    throw new CliFailure(
      `verifying ${providerUrl} replays the pacts' writes (creates, updates, deletes of ids like 1) on its data;` +
        " point it at a sandbox store and add --allow-writes, or give the fake's admin API as --states-url",
    );
  }
  // Loaded here, not at the top, so `--help` and other commands stay fast.
  const [{ formatVerifyReport, verifyPacts }, { startServer }] = await Promise.all([
    import('../pacts/verify.js'),
    import('../server.js'),
  ]);
  const own = providerUrl === undefined ? await startServer({ passwordCost: 16 }) : undefined;
  if (own) ctx.out(`Started the fake at ${own.url} to verify against.`);
  try {
    const report = await verifyPacts({
      pacts: flags.pacts ?? [DEFAULT_PACTS],
      providerUrl: own?.url ?? (providerUrl as string),
      ...(own ? { statesUrl: own.url } : statesUrl ? { statesUrl } : {}),
      ...(flags.adminToken ? { adminToken: flags.adminToken } : {}),
      ...(flags.storeHash ? { storeHash: flags.storeHash } : {}),
      ...(flags.token ? { token: flags.token } : {}),
      ...(flags.readOnlyToken ? { readOnlyToken: flags.readOnlyToken } : {}),
      ...(brokerUrl
        ? {
            broker: {
              url: brokerUrl,
              provider: PROVIDER,
              ...(env.PACT_BROKER_TOKEN ? { token: env.PACT_BROKER_TOKEN } : {}),
              ...(flags.providerVersion ? { providerVersion: flags.providerVersion } : {}),
            },
          }
        : {}),
    }).catch((err: unknown) => {
      throw new CliFailure(err instanceof Error ? err.message : String(err));
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
    .option(
      '--provider-url <url>',
      'provider to verify, e.g. https://api.bigcommerce.com (default: start the fake)',
    )
    .option(
      '--states-url <url>',
      'a running fake whose admin API sets the provider states (with --provider-url)',
    )
    .option('--broker-url <url>', 'take the pacts from this Pact Broker (token: env PACT_BROKER_TOKEN)')
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
    .addHelpText(
      'after',
      `
Examples:
  bc-fakestore verify
  bc-fakestore verify --provider-url http://127.0.0.1:4010 --states-url http://127.0.0.1:4010
  bc-fakestore verify --provider-url https://api.bigcommerce.com --store-hash abc123 --allow-writes \\
    --token "$BC_TOKEN" --read-only-token "$BC_READ_ONLY_TOKEN"`,
    )
    .action(async (flags: VerifyFlags) => {
      ctx.exitCode = await verify(flags, ctx, { PACT_BROKER_TOKEN: process.env.PACT_BROKER_TOKEN });
    });
}
