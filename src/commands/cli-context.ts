/** What a command gets from the CLI: where to print, how to wait for a stop, and its exit code. */
import { constants } from 'node:os';

/** The process as a command sees it; cli.ts builds it from the real process, tests build their own. */
export interface CliContext {
  /** Prints one line on stdout. */
  out(line: string): void;
  /** Prints one line on stderr. */
  err(line: string): void;
  /** Whether stdout is a terminal that shows colours; commands print no ANSI codes unless it is. */
  colour?: boolean;
  /** Resolves with the signal name once the process is asked to stop (SIGINT, SIGTERM). */
  untilStopped(): Promise<string>;
  /** The exit code a command's action sets; 0 unless it says otherwise. */
  exitCode: number;
}

/** A failure the person running the command can act on: printed as one line, exit code 1. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

/** An AbortSignal that aborts once the process is asked to stop, and the signal that stopped it. */
export interface StopSignal {
  readonly signal: AbortSignal;
  /** The signal name (SIGINT, SIGTERM) once stopped; '' before. */
  readonly stoppedBy: string;
}

/** Starts listening for a stop (Ctrl-C): the returned signal aborts when `ctx.untilStopped()` resolves. */
export function stopSignal(ctx: CliContext): StopSignal {
  const stop = new AbortController();
  let stoppedBy = '';
  void ctx.untilStopped().then((signal) => {
    stoppedBy = signal;
    stop.abort();
  });
  return {
    signal: stop.signal,
    get stoppedBy() {
      return stoppedBy;
    },
  };
}

/** The exit code of a run stopped by a signal, as shells report it (130 for SIGINT). */
export const signalExitCode = (signal: string): number =>
  128 + (constants.signals[signal as NodeJS.Signals] ?? 2);
