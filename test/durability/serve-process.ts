/**
 * The real CLI as a child process (`node --import tsx src/cli.ts serve ...`, on 127.0.0.1 and a
 * free port) for durability tests: started, killed with any signal, and never left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const children = new Set<ChildProcess>();

afterEach(async () => {
  await Promise.all([...children].map((c) => stopChild(c, 'SIGKILL')));
});

/** How a child ended. */
export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** A running `serve`. */
export interface ServeProcess {
  url: string;
  pid: number;
  stdout(): string;
  /** Sends a signal and resolves once the process has ended. */
  stop(signal: NodeJS.Signals): Promise<Ended>;
}

function ended(child: ChildProcess, stderr: () => string): Promise<Ended> {
  return new Promise((resolve) => {
    const done = () => resolve({ code: child.exitCode, signal: child.signalCode, stderr: stderr() });
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', done);
  });
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exit = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exit;
  }
  children.delete(child);
}

/**
 * Starts `serve` with these flags; resolves once it listens, or with how it ended when it exits
 * first (a refusal).
 */
export function startServe(args: string[]): Promise<ServeProcess | Ended> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--host', '127.0.0.1', '--port', '0', '--quiet', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = ended(child, () => err).then((e) => {
    children.delete(child);
    return e;
  });
  return new Promise((resolve) => {
    child.stdout?.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m?.[1]) return;
      resolve({
        url: m[1],
        pid: child.pid as number,
        stdout: () => out,
        stop: async (signal) => {
          child.kill(signal);
          return exit;
        },
      });
    });
    void exit.then(resolve);
  });
}

/** `startServe`, which must come up. */
export async function serveUp(args: string[]): Promise<ServeProcess> {
  const started = await startServe(args);
  if (!('url' in started)) {
    throw new Error(`serve ended (${started.code ?? started.signal}): ${started.stderr}`);
  }
  return started;
}

/** Whether a process id is gone. */
export const isGone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};
