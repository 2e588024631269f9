/**
 * `bc-fakestore check-pacts`: checks every interaction of the pacts against the OpenAPI spec and
 * prints what the spec does not allow. Exit 1 when any interaction breaks the spec.
 */
import { type Command } from 'commander';
import { CliFailure, type CliContext } from './cli-context.js';

/** The flags of `check-pacts`, as commander hands them over. */
export interface CheckPactsFlags {
  spec?: string;
  pacts?: string[];
}

const DEFAULT_PACTS = 'contracts/pacts';

/** Runs the check and prints the report; resolves to the exit code (0 allowed, 1 not). */
export async function checkPacts(flags: CheckPactsFlags, ctx: CliContext): Promise<number> {
  // Loaded here, not at the top, so `--help` and other commands stay fast.
  const [{ checkPactsAgainstSpec, formatSpecCheckReport }, { SPEC_PATH }] = await Promise.all([
    import('../pacts/spec-check.js'),
    import('../spec.js'),
  ]);
  const report = await checkPactsAgainstSpec({
    spec: flags.spec ?? SPEC_PATH,
    pacts: flags.pacts ?? [DEFAULT_PACTS],
  }).catch((err: unknown) => {
    throw new CliFailure(err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err));
  });
  for (const line of formatSpecCheckReport(report).split('\n')) ctx.out(line);
  return report.ok ? 0 : 1;
}

/** Adds `check-pacts` to the program. */
export function registerCheckPacts(program: Command, ctx: CliContext): void {
  program
    .command('check-pacts')
    .description('Check every interaction of the pacts against the OpenAPI spec.')
    .option('--spec <file>', 'OpenAPI spec (default: the Customers V2 spec shipped with bc-fakestore)')
    .option(
      '--pacts <path>',
      `pact file or directory, repeatable (default: ${DEFAULT_PACTS})`,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .addHelpText(
      'after',
      `
Example:
  bc-fakestore check-pacts --spec spec/customers.v2.yaml --pacts contracts/pacts`,
    )
    .action(async (flags: CheckPactsFlags) => {
      ctx.exitCode = await checkPacts(flags, ctx);
    });
}
