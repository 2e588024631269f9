/**
 * Runs Pact's verifier in a child process (verifier-process.ts): its output arrives line by line
 * (colours stripped unless asked for), a run that overstays its time is killed, and a refused admin
 * token or a crash ends it with one line.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { packageFile, RUNNING_FROM_SOURCES } from '../package-files.js';
import type { StateChange, VerifierJob, VerifierMessage } from './verifier-protocol.js';

/** A verification that could not run to its end; the message is one line a person can act on. */
export class VerifyRunError extends Error {
  override readonly name = 'VerifyRunError';
}

/** What the verifier process produced. */
export interface VerifierRun {
  /** Pact's result JSON (or the message of its failure). */
  raw: string;
  /** Every state change, in the order the verifier asked for them. */
  stateChanges: StateChange[];
}

/** How to run it. */
export interface RunVerifierOptions {
  /** The whole run, in milliseconds; then the process is killed and the run fails with `timeoutMessage`. */
  timeoutMs: number;
  timeoutMessage: string;
  /** Receives each line Pact prints. */
  onOutput?: (line: string) => void;
  /** Keep Pact's ANSI colours (only for a terminal). */
  colour?: boolean;
  /** Builds the one-line failure for a refused admin token (401) or client (403). */
  refused: (status: number, body: string) => string;
}

// eslint-disable-next-line no-control-regex -- Pact's core colours its output with ANSI escapes
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Strips ANSI escape sequences (colours, bold) from a line. */
export const stripAnsi = (text: string): string => text.replace(ANSI, '');

/** The process entry: the compiled .js next to this file, or the .ts source run through tsx (a dev dependency). */
function entry(): { path: string; execArgv: string[] } {
  if (!RUNNING_FROM_SOURCES)
    return { path: packageFile('dist', 'pacts', 'verifier-process.js'), execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { path: packageFile('src', 'pacts', 'verifier-process.ts'), execArgv: ['--import', tsx] };
}

/** Runs one verification job; rejects with `VerifyRunError` when it cannot finish. */
export function runVerifier(job: VerifierJob, options: RunVerifierOptions): Promise<VerifierRun> {
  const { path, execArgv } = entry();
  const child = fork(path, [], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const stateChanges: StateChange[] = [];
  let pending = '';
  const emit = (line: string) => options.onOutput?.(options.colour ? line : stripAnsi(line));
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) emit(line);
  });
  // Pact's own logs and traces stay out of the report; the last line explains an early exit.
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));

  return new Promise<VerifierRun>((resolve, reject) => {
    let settled = false;
    const gone = new Promise<void>((done) => child.once('close', () => done()));
    /** Settles once: stops the process (Pact's core cannot be cancelled), waits until it is gone. */
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      void gone.then(() => {
        if (pending) emit(pending);
        pending = '';
        outcome();
      });
    };
    const fail = (message: string) => finish(() => reject(new VerifyRunError(message)));
    const timer = setTimeout(() => fail(options.timeoutMessage), options.timeoutMs);
    child.on('message', (message: VerifierMessage) => {
      if (message.type === 'state') stateChanges.push(message.change);
      else if (message.type === 'refused') fail(options.refused(message.status, message.body));
      else if (message.type === 'crash') fail(`verification stopped: ${message.message}`);
      else if (message.type === 'done') finish(() => resolve({ raw: message.raw, stateChanges }));
    });
    child.on('error', (err) => fail(`cannot start the verifier: ${err.message}`));
    // 'close' comes after the process exited and its pipes drained, so a last message is in.
    child.on('close', (code, signal) =>
      setImmediate(() => {
        const last = stderr.trim().split('\n').pop() ?? '';
        fail(`the verifier stopped (${signal ?? `exit code ${code}`})${last ? `: ${last}` : ''}`);
      }),
    );
    child.send(job);
  });
}
