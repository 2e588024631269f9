/**
 * The file backend's own measures, beyond the main run's req/s: a restart of a large store
 * (spawn of `serve --db` → first 200), an admin seed of a huge store while another store is read
 * at a steady rate (memory and file side by side), and creates with `--db-sync full`.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { runCell, TOKEN, type BenchRoute, type Cell } from './load.js';
import { coldStart, httpRequest, startFake, type Target } from './processes.js';

/** Name of the file-backend fake in the main run (beside `fake`, the memory one). */
export const FILE_FAKE = 'fake (file)';

/** What the file-backend run does. */
export interface FileSettings {
  /** Customers of the admin seed measured on each backend. */
  seedCustomers: number;
  /** Customers of the store restarted. */
  restartCustomers: number;
  restartRuns: number;
}

/** What the file-backend run measured. */
export interface FileResults {
  settings: FileSettings;
  restart: { customers: number; runs: number; first200Ms: number[]; bannerMs: number[]; rssMb: number[] };
  seeds: SeedResult[];
  /** POST create against the file backend with each `synchronous` setting. */
  syncCells: Cell[];
}

/** An admin seed of a huge store while another store is read. */
export interface SeedResult {
  backend: 'memory' | 'sqlite';
  customers: number;
  seedMs: number;
  /** GETs of another store during the seed, at a steady rate. */
  reads: {
    rate: number;
    requests: number;
    p50: number;
    p99: number;
    max: number;
    errors: number;
    non2xx: number;
  };
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const tempDb = (name: string): string =>
  path.join(os.tmpdir(), `bc-fakestore-bench-${process.pid}-${name}.sqlite`);
const removeDb = (file: string): void => {
  for (const f of [file, `${file}-wal`]) rmSync(f, { force: true });
};

/**
 * `serve --db` on a file holding a store of `customers` customers: the file is filled by a first
 * run (seeding the store at start), then each run is spawn → first 200 of GET one of its customers.
 */
export async function restartRun(customers: number, runs: number): Promise<FileResults['restart']> {
  const file = tempDb('restart');
  removeDb(file);
  try {
    const fill = await coldStart(
      ['--db', file, '--store', 'big', '--customers', String(customers)],
      '/stores/big/v2/customers/1',
    );
    log(`  filled ${customers} customers into ${file} in ${fill.bannerMs.toFixed(0)} ms (spawn → banner)`);
    const out: FileResults['restart'] = { customers, runs, first200Ms: [], bannerMs: [], rssMb: [] };
    for (let i = 0; i < runs; i++) {
      const r = await coldStart(['--db', file, '--store', 'big'], `/stores/big/v2/customers/${customers}`);
      out.first200Ms.push(r.first200Ms);
      out.bannerMs.push(r.bannerMs);
      out.rssMb.push(r.rssMb);
      log(`  restart ${i + 1}: first 200 after ${r.first200Ms.toFixed(0)} ms`);
    }
    return out;
  } finally {
    removeDb(file);
  }
}

/** POST /__admin/stores/{hash}/seed on a fake while autocannon reads another store at `rate` req/s. */
export async function seedRun(
  backend: 'memory' | 'sqlite',
  customers: number,
  rate: number,
): Promise<SeedResult> {
  const fake = await startFake(`seed ${backend}`, { customers: 1_000, backend });
  try {
    let reads: autocannon.Instance | undefined;
    const readResult = new Promise<autocannon.Result>((resolve, reject) => {
      reads = autocannon(
        {
          url: fake.url,
          connections: 10,
          overallRate: rate,
          duration: 3_600,
          headers: { 'X-Auth-Token': TOKEN },
          requests: [{ method: 'GET', path: '/stores/bench/v2/customers/42' }],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
    });
    const started = performance.now();
    const res = await httpRequest(
      `${fake.url}/__admin/stores/huge/seed`,
      'POST',
      { 'X-Admin-Token': 'fakestore-admin', 'Content-Type': 'application/json' },
      JSON.stringify({ seed: 1, customers }),
    );
    const seedMs = performance.now() - started;
    reads?.stop();
    const result = await readResult;
    if (res.status !== 200) throw new Error(`seed answered ${res.status}: ${res.body}`);
    log(
      `  ${backend}: seeded ${customers} customers in ${(seedMs / 1000).toFixed(1)} s; reads p99 ${result.latency.p99} ms`,
    );
    return {
      backend,
      customers,
      seedMs,
      reads: {
        rate,
        requests: result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        errors: result.errors,
        non2xx: result.non2xx,
      },
    };
  } finally {
    await fake.stop();
  }
}

/** POST create against the file backend with `synchronous=normal` and `full`, `rounds` rounds each. */
export async function syncRun(seconds: number, rounds: number, connections: number): Promise<Cell[]> {
  const targets: Target[] = [
    await startFake('file sync=normal', { customers: 1_000, backend: 'sqlite', sync: 'normal' }),
    await startFake('file sync=full', { customers: 1_000, backend: 'sqlite', sync: 'full' }),
  ];
  let unique = 0;
  const create: BenchRoute = {
    key: 'create',
    label: 'POST create (no password)',
    method: 'POST',
    path: '/stores/bench/v2/customers',
    body: () =>
      JSON.stringify({
        first_name: 'Sync',
        last_name: 'Run',
        email: `sync-${process.pid}-${unique++}@example.com`,
      }),
    status: 201,
    read: false,
  };
  const cells: Cell[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const t of round % 2 ? targets : [...targets].reverse()) {
        const cell = await runCell(t, create, { seconds, connections, round });
        log(
          `  round ${round} ${t.name.padEnd(18)} ${cell.rps.toFixed(0).padStart(7)} req/s  p99 ${cell.p99} ms`,
        );
        cells.push(cell);
      }
    }
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
  }
  return cells;
}

/** The file backend's own measures, one after the other. */
export async function fileRun(
  s: FileSettings,
  cells: { seconds: number; rounds: number; connections: number },
): Promise<FileResults> {
  log(`file backend: restart of a ${s.restartCustomers}-customer store, ${s.restartRuns} runs`);
  const restart = await restartRun(s.restartCustomers, s.restartRuns);
  log(`file backend: admin seed of ${s.seedCustomers} customers, memory then file, reads of another store`);
  const seeds = [];
  for (const backend of ['memory', 'sqlite'] as const)
    seeds.push(await seedRun(backend, s.seedCustomers, 500));
  log('file backend: POST create with synchronous=normal and full');
  const syncCells = await syncRun(cells.seconds, cells.rounds, cells.connections);
  return { settings: s, restart, seeds, syncCells };
}
