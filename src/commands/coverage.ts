/** `bc-fakestore coverage`: the API coverage of a running fake's traffic, as a table (or JSON). */
import { Option, type Command } from 'commander';
import { DEFAULT_ADMIN_TOKEN } from '../config.js';
import { CliFailure, type CliContext } from './cli-context.js';
import { parseToken } from './option-values.js';

/** The flags of `coverage`. */
export interface CoverageFlags {
  url: string;
  adminToken?: string;
  json?: boolean;
}

function parseUrl(value: string): string {
  if (!/^https?:\/\/[^/\s]+\/?$/.test(value)) {
    throw new CliFailure(`--url must be the fake's origin, e.g. http://127.0.0.1:4010 (got '${value}')`);
  }
  return value.replace(/\/$/, '');
}

/** Reads the report from the fake's admin API and prints it. */
export async function coverage(flags: CoverageFlags, ctx: CliContext): Promise<number> {
  const url = parseUrl(flags.url);
  const [{ createAdminClient }, { coverageTable }] = await Promise.all([
    import('../admin-client/index.js'),
    import('../control/coverage-table.js'),
  ]);
  const admin = createAdminClient({ url, adminToken: flags.adminToken ?? DEFAULT_ADMIN_TOKEN });
  const report = await admin.getCoverage().catch((err: unknown) => {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new CliFailure(
      cause ? `cannot reach ${url} (${cause}); is the fake running?` : (err as Error).message,
    );
  });
  if (flags.json) ctx.out(JSON.stringify(report, null, 2));
  else for (const line of coverageTable(report)) ctx.out(line);
  return 0;
}

/** Adds `coverage` to the program. */
export function registerCoverage(program: Command, ctx: CliContext): void {
  program
    .command('coverage')
    .description('Print which operations and statuses of the API the traffic to a running fake exercised.')
    .requiredOption('--url <url>', "the fake's origin, e.g. http://127.0.0.1:4010")
    .addOption(
      new Option('--admin-token <token>', 'token of the admin API (default: fakestore-admin)').argParser(
        parseToken,
      ),
    )
    .option('--json', 'print the report as JSON')
    .action(async (flags: CoverageFlags) => {
      ctx.exitCode = await coverage(flags, ctx);
    });
}
