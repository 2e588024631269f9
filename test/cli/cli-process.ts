/** The CLI as a real child process (from source, through tsx), for tests that need pipes and signals. */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/** How a child ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running CLI process, what it printed so far, and ways to wait for it. */
export interface CliProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Everything printed on stdout and stderr so far. */
  readonly out: string;
  readonly err: string;
  /** Resolves with the first match in stdout (past or future); rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  exited: Promise<Exit>;
  /** Kills the process if it still runs (SIGKILL) and waits for it to be gone. */
  kill(): Promise<void>;
}

/** Starts `bc-fakestore <args>` from source with stdout and stderr piped. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PACT_DO_NOT_TRACK: '1', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out);
          if (m) {
            child.stdout.off('data', check);
            resolve(m);
          }
        };
        child.stdout.on('data', check);
        check();
        void exited.then((e) =>
          reject(new Error(`exited (${e.code ?? e.signal}) before ${pattern}: ${err}`)),
        );
      }),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Whether a process with this id still exists. */
export function isRunning(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
