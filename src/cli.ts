/**
 * The command line, `bc-fakestore <command>`: the only code that reads argv, listens for signals
 * and prints. Each command lives in src/commands/<name>.ts and registers itself on the program.
 * Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { CliFailure, type CliContext } from './commands/cli-context.js';
import { PACKAGE_VERSION } from './package-files.js';
import { registerCheckPacts } from './commands/check-pacts.js';
import { registerCoverage } from './commands/coverage.js';
import { registerGenerate } from './commands/generate.js';
import { registerPush } from './commands/push.js';
import { registerServe } from './commands/serve.js';
import { registerVerify } from './commands/verify.js';

/** The commands of the CLI; a new command is a file in src/commands plus one entry here. */
const COMMANDS: ReadonlyArray<(program: Command, ctx: CliContext) => void> = [
  registerServe,
  registerVerify,
  registerCheckPacts,
  registerGenerate,
  registerPush,
  registerCoverage,
];

/** Where the CLI prints and how it learns it must stop; `main` uses the real process unless given one. */
export type CliIo = Omit<CliContext, 'exitCode'>;

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Prints lines on a stream until it fails: once the reader has gone (EPIPE, as under `| head -1`)
 * or the stream breaks, later lines are dropped, so a closed stdout never stops a command.
 */
function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let open = true;
  stream.on('error', () => {
    open = false;
  });
  return (line) => {
    if (open && !stream.destroyed) stream.write(`${line}\n`);
  };
}

/** Whether stdout shows colours: a terminal, and NO_COLOR (https://no-color.org) not set. */
function stdoutHasColour(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}

/** The real process: stdout, stderr, and SIGINT/SIGTERM. */
export function processIo(): CliIo {
  return {
    out: lineWriter(process.stdout),
    err: lineWriter(process.stderr),
    colour: stdoutHasColour(),
    untilStopped: () =>
      new Promise((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          for (const s of STOP_SIGNALS) process.off(s, stop);
          resolve(signal);
        };
        for (const s of STOP_SIGNALS) process.on(s, stop);
      }),
  };
}

const oneLine = (text: string): string => text.trim().replace(/\s*\n\s*/g, ' ');

function buildProgram(ctx: CliContext): Command {
  const program = new Command('bc-fakestore')
    .description('A fake BigCommerce Customers V2 API with seeded data, for contract and integration tests.')
    .version(PACKAGE_VERSION, '-v, --version', 'print the version')
    .helpCommand(false)
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => ctx.out(text.replace(/\n$/, '')),
      writeErr: (text) => ctx.err(text.replace(/\n$/, '')),
      outputError: (text, write) => write(`${oneLine(text)} (see --help)\n`),
    });
  for (const register of COMMANDS) register(program, ctx);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const ctx: CliContext = { ...io, exitCode: 0 };
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      return 2; // commander has printed the usage error (or the help, when no command was given)
    }
    if (err instanceof CliFailure) ctx.err(`error: ${err.message}`);
    else ctx.err(`error: ${oneLine(err instanceof Error ? err.message : String(err))}`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

// `tsx src/cli.ts serve` runs the CLI from source; bin/bc-fakestore.js imports the built one.
if (isEntryPoint()) process.exitCode = await main(process.argv.slice(2));
