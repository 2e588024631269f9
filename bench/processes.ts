/** The servers under benchmark, each its own child process: start, wait until ready, measure, stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PRISM_JS = path.join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js');
const SPEC_FILE = path.join(ROOT, 'spec', 'customers.v2.yaml');

/** A server under benchmark. */
export interface Target {
  /** Short name, as in the tables. */
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** What the fake's bench process reports once it listens (see fake-server.js). */
export interface FakeReady {
  url: string;
  pid: number;
  store: string;
  /** Generating the seeded world into the store (as `serve` does: loadWorld), ms. */
  seedMs: number;
  counts: { customers: number; addresses: number; groups: number };
  password: string;
  lowCostId: number;
  defaultCostId: number;
}

/** Options of the fake's bench process. */
export interface FakeOptions {
  customers: number;
  groups?: number;
  addressesPerCustomer?: [number, number];
  passwordCost?: number;
  /** `sqlite`: stores in a database file (a new one in the OS temp folder, removed on stop). */
  backend?: 'memory' | 'sqlite';
  /** `full`: SQLite syncs each commit to the disk (power-loss safe). */
  sync?: 'normal' | 'full';
  /** Journal size per store; 0 (default) turns it off. */
  journal?: number;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited(child);
    clearTimeout(timer);
  };
}

/** Spawns `node <script> ...args` and resolves with the JSON of its first stdout line. */
async function spawnJsonReady<T>(script: string, args: string[], timeoutMs: number) {
  const child = spawn(process.execPath, [path.join(ROOT, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<T>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${script} not ready in ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl !== -1) {
        clearTimeout(timer);
        resolve(JSON.parse(out.slice(0, nl)) as T);
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  child.stdout?.resume();
  return { child, ready };
}

/** Starts bench/fake-server.js (the fake from dist/, one seeded store). */
export async function startFake(name: string, o: FakeOptions): Promise<Target & { ready: FakeReady }> {
  const { child, ready } = await spawnJsonReady<FakeReady>(
    'bench/fake-server.js',
    [JSON.stringify(o)],
    600_000,
  );
  return { name, url: ready.url, pid: ready.pid, ready, stop: stopper(child) };
}

/** One reply the ceiling serves: the fake's status, headers and body for a method + URL. */
export interface CannedReply {
  method: string;
  url: string;
  status: number;
  headers: string[];
  body: string;
}

/** Starts bench/ceiling-server.js with the replies stored in `file`. */
export async function startCeiling(file: string): Promise<Target> {
  const { child, ready } = await spawnJsonReady<{ url: string; pid: number }>(
    'bench/ceiling-server.js',
    [file],
    30_000,
  );
  return { name: 'ceiling', url: ready.url, pid: ready.pid, stop: stopper(child) };
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

/**
 * Starts `prism mock spec/customers.v2.yaml` (static, or `-d` dynamic) with logging off (its
 * per-request log lines would cost it time), and resolves once it answers `probe` with a 2xx.
 */
export async function startPrism(name: string, dynamic: boolean, probe: string): Promise<Target> {
  const port = await freePort();
  const args = [PRISM_JS, 'mock', SPEC_FILE, '--port', String(port), '--host', '127.0.0.1'];
  args.push('--verboseLevel', 'silent', ...(dynamic ? ['--dynamic'] : []));
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}`);
    const status = await httpRequest(`${url}${probe}`, 'GET', { 'X-Auth-Token': 'fakestore-token' })
      .then((r) => r.status)
      .catch(() => 0);
    if (status >= 200 && status < 300) return { name, url, pid: child.pid as number, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prism did not answer ${probe} with a 2xx within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A response as it came over the wire: status, raw headers (names as sent, in order), body. */
export interface RawResponse {
  status: number;
  rawHeaders: string[];
  body: string;
}

/** One HTTP request over a fresh connection (node:http, no pooling). */
export function httpRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Resident set size of a process, in MB (Linux /proc); NaN where it cannot be read. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc); NaN elsewhere. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] and fields[12] are utime and stime (fields 14 and 15 of stat), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** CPU time every process of the machine has used so far, in ms (Linux /proc/stat); NaN elsewhere. */
export function machineBusyMs(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] as string;
    // cpu user nice system ...: the time processes ran (interrupts and steal are not theirs).
    const [user, nice, system] = line.trim().split(/\s+/).slice(1).map(Number);
    return (((user ?? 0) + (nice ?? 0) + (system ?? 0)) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Cold start of the CLI (by default with its defaults: store abc123, 25 seeded customers): spawn
 * `node bin/bc-fakestore.js serve --port 0 --quiet [args]` → first 200 of GET `path`. Returns
 * the milliseconds to the banner and to the first 200, and the process's RSS then.
 */
export async function coldStart(
  args: string[] = [],
  path_ = '/stores/abc123/v2/customers/1',
): Promise<{ bannerMs: number; first200Ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'bc-fakestore.js'), 'serve', '--port', '0', '--quiet', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const bannerMs = performance.now() - started;
    const res = await httpRequest(`${url}${path_}`, 'GET', {
      'X-Auth-Token': 'fakestore-token',
    });
    const first200Ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`cold start: first answer was ${res.status}`);
    return { bannerMs, first200Ms, rssMb: rssMb(child.pid as number) };
  } finally {
    await stopper(child)();
  }
}
