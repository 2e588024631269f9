/**
 * Prism 5.14 as a child process: a proxy in front of the fake that validates every exchange
 * against spec/customers.v2.yaml on its own (a second opinion next to our ajv checker).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The Prism binary installed as a dev dependency. */
export const PRISM_BIN = path.join(root, 'node_modules', '.bin', 'prism');
/** Our spec, as Prism reads it. */
export const SPEC_FILE = path.join(root, 'spec', 'customers.v2.yaml');

/** A running Prism proxy. */
export interface PrismProxy {
  url: string;
  /** Process id (and process-group id) of Prism. */
  pid: number;
  /** Everything Prism printed so far (for failure messages). */
  output(): string;
  /** Ends Prism's whole process group and resolves once it has exited. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/**
 * Starts `prism proxy <spec> <upstream> [--errors] --port <free> --host 127.0.0.1` in its own
 * process group and resolves once it answers HTTP.
 */
export async function startPrism(upstream: string, { errors }: { errors: boolean }): Promise<PrismProxy> {
  const port = await freePort();
  const args = ['proxy', SPEC_FILE, upstream, ...(errors ? ['--errors'] : []), '--port', String(port)];
  args.push('--host', '127.0.0.1');
  const child = spawn(PRISM_BIN, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 3_000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${log}`);
    try {
      await fetch(`${url}/__prism_ready`);
      return { url, pid: child.pid as number, output: () => log, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`prism did not answer on ${url} within 30 s:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** One entry of Prism's `sl-violations` header. */
export interface PrismViolation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** Parses the `sl-violations` header (absent: none). */
export function violationsOf(header: string | null): PrismViolation[] {
  if (!header) return [];
  if (header.startsWith('Too many violations!')) {
    return [{ location: ['response'], severity: 'Error', message: header.slice(0, 300) }];
  }
  return JSON.parse(header) as PrismViolation[];
}
