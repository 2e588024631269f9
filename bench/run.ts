/**
 * `npm run bench`: the fake (from dist/) side by side with a bare node:http ceiling answering the
 * same bytes and with Prism (static and dynamic), each its own process, in one run; then the same
 * list/filter/count reads at three store sizes, and cold start. Writes bench/results.md and
 * bench/results.json. Flags: --duration <s> (per cell, default 5), --rounds <n> (default 2),
 * --connections <n> (default 50), --sizes <n,n,n> (default 1000,100000,1000000),
 * --cold-runs <n> (default 7), --no-prism, --routes <key,key> (only those main routes; for
 * quick checks), --sizes none (no scale run), --render (rewrite results.md from results.json).
 * The file backend (SQLite) runs beside the memory one in the main run, then on its own (see
 * bench/file-backend.ts): --no-file, --no-file-extras (the main run only), --file-seed <n> (default
 * 1000000), --restart-customers <n> (default 100000), --restart-runs <n> (default 5).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCell, warmUp, TOKEN, type BenchRoute, type Cell } from './load.js';
import {
  coldStart,
  httpRequest,
  ROOT,
  rssMb,
  startCeiling,
  startFake,
  startPrism,
  type CannedReply,
  type FakeReady,
  type Target,
} from './processes.js';
import { fileRun, FILE_FAKE, type FileSettings } from './file-backend.js';
import { renderMarkdown, summarize, type Results } from './report.js';
import { JOURNAL_FAKE, measureControl, renderControl, type ControlFigures } from './control.js';

interface Settings {
  seconds: number;
  rounds: number;
  connections: number;
  sizes: number[];
  coldRuns: number;
  prism: boolean;
  routes: string[] | null;
  render: boolean;
  file: FileSettings | null;
  fileExtras: boolean;
}

function parseArgs(argv: string[]): Settings {
  const s: Settings = {
    seconds: 5,
    rounds: 2,
    connections: 50,
    sizes: [1_000, 100_000, 1_000_000],
    coldRuns: 7,
    prism: true,
    routes: null,
    render: false,
    file: { seedCustomers: 1_000_000, restartCustomers: 100_000, restartRuns: 5 },
    fileExtras: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--duration') s.seconds = Number(value());
    else if (flag === '--rounds') s.rounds = Number(value());
    else if (flag === '--connections') s.connections = Number(value());
    else if (flag === '--sizes') {
      const v = value();
      s.sizes = v === 'none' ? [] : v.split(',').map(Number);
    } else if (flag === '--cold-runs') s.coldRuns = Number(value());
    else if (flag === '--no-prism') s.prism = false;
    else if (flag === '--routes') s.routes = value().split(',');
    else if (flag === '--render') s.render = true;
    else if (flag === '--no-file') s.file = null;
    else if (flag === '--no-file-extras') s.fileExtras = false;
    else if (flag === '--file-seed' && s.file) s.file.seedCustomers = Number(value());
    else if (flag === '--restart-customers' && s.file) s.file.restartCustomers = Number(value());
    else if (flag === '--restart-runs' && s.file) s.file.restartRuns = Number(value());
    else throw new Error(`unknown flag ${flag}`);
  }
  return s;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const STORE = 'bench';
const base = `/stores/${STORE}/v2`;
let unique = 0;
const uniqueTag = `${process.pid}-${Date.now().toString(36)}`;

/** The routes of the main run, on a fake whose ready report is `f` (customer `id` exists). */
function mainRoutes(f: FakeReady, id: number, email: string): BenchRoute[] {
  const c = `${base}/customers`;
  const validate = () => JSON.stringify({ password: f.password });
  return [
    {
      key: 'get-customer',
      label: 'GET one customer',
      method: 'GET',
      path: `${c}/${id}`,
      status: 200,
      read: true,
    },
    ...scaleRoutes(email),
    {
      key: 'addresses',
      label: 'GET addresses of a customer',
      method: 'GET',
      path: `${c}/${id}/addresses`,
      status: 200,
      read: true,
    },
    {
      key: 'create',
      label: 'POST create (no password)',
      method: 'POST',
      path: c,
      body: () =>
        JSON.stringify({
          first_name: 'Bench',
          last_name: 'Create',
          email: `bench-${uniqueTag}-${unique++}@example.com`,
        }),
      status: 201,
      read: false,
    },
    {
      key: 'update',
      label: 'PUT update',
      method: 'PUT',
      path: `${c}/${id}`,
      body: () => JSON.stringify({ notes: `bench note ${unique++}` }),
      status: 200,
      read: false,
    },
    {
      key: 'validate-low',
      label: 'POST validate (scrypt N=16)',
      method: 'POST',
      path: `${c}/${f.lowCostId}/validate`,
      body: validate,
      status: 200,
      read: false,
    },
    {
      key: 'validate-default',
      label: 'POST validate (scrypt N=16384, default)',
      method: 'POST',
      path: `${c}/${f.defaultCostId}/validate`,
      body: validate,
      status: 200,
      read: false,
      only: ['fake', 'ceiling'],
      noWarmUp: true,
    },
  ];
}

/** The reads whose cost must not grow with the store: page, email filter, count (of `email`). */
function scaleRoutes(email: string): BenchRoute[] {
  const c = `${base}/customers`;
  return [
    {
      key: 'list-page',
      label: 'GET page of 50',
      method: 'GET',
      path: `${c}?page=10&limit=50`,
      status: 200,
      read: true,
    },
    {
      key: 'filter-email',
      label: 'GET filtered by email',
      method: 'GET',
      path: `${c}?email=${encodeURIComponent(email)}`,
      status: 200,
      read: true,
    },
    { key: 'count', label: 'GET count', method: 'GET', path: `${c}/count`, status: 200, read: true },
  ];
}

async function emailOf(target: Target, id: number): Promise<string> {
  const r = await httpRequest(`${target.url}${base}/customers/${id}`, 'GET', { 'X-Auth-Token': TOKEN });
  if (r.status !== 200) throw new Error(`customer ${id}: ${r.status}`);
  return (JSON.parse(r.body) as { email: string }).email;
}

/** Headers node:http adds by itself (the ceiling's server adds them just the same). */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The fake's exact answer to one request of each route, for the ceiling to replay. */
async function cannedReplies(fake: Target, routes: BenchRoute[]): Promise<CannedReply[]> {
  const out: CannedReply[] = [];
  for (const r of routes) {
    const headers: Record<string, string> = { 'X-Auth-Token': TOKEN };
    if (r.body) headers['Content-Type'] = 'application/json';
    const res = await httpRequest(`${fake.url}${r.path}`, r.method, headers, r.body?.());
    if (res.status !== r.status) throw new Error(`${r.label}: the fake answered ${res.status}: ${res.body}`);
    const kept: string[] = [];
    for (let i = 0; i < res.rawHeaders.length; i += 2) {
      const name = res.rawHeaders[i] as string;
      if (!TRANSPORT_HEADERS.has(name.toLowerCase())) kept.push(name, res.rawHeaders[i + 1] as string);
    }
    out.push({ method: r.method, url: r.path, status: res.status, headers: kept, body: res.body });
  }
  return out;
}

/** One request of each route to each target; notes any answer that is not the expected status. */
async function probe(targets: Target[], routes: BenchRoute[]): Promise<string[]> {
  const notes: string[] = [];
  for (const t of targets) {
    for (const r of routes) {
      if (r.only && !r.only.includes(t.name)) continue;
      const headers: Record<string, string> = { 'X-Auth-Token': TOKEN };
      if (r.body) headers['Content-Type'] = 'application/json';
      const res = await httpRequest(`${t.url}${r.path}`, r.method, headers, r.body?.());
      if (res.status !== r.status)
        notes.push(`${t.name} answers ${r.label} with ${res.status}, not ${r.status}`);
    }
  }
  return notes;
}

/** Rounds × routes × targets, the target order rotated per round and per route. */
async function measure(
  s: Settings,
  targets: Target[],
  routesOf: (t: Target) => BenchRoute[],
): Promise<Cell[]> {
  const cells: Cell[] = [];
  const keys = routesOf(targets[0] as Target).map((r) => r.key);
  for (let round = 1; round <= s.rounds; round++) {
    for (const [k, key] of keys.entries()) {
      const shift = (round + k) % targets.length;
      const order = [...targets.slice(shift), ...targets.slice(0, shift)];
      for (const t of order) {
        const route = routesOf(t).find((r) => r.key === key) as BenchRoute;
        if (route.only && !route.only.includes(t.name)) continue;
        const cell = await runCell(t, route, { seconds: s.seconds, connections: s.connections, round });
        log(
          `  round ${round} ${route.label.padEnd(40)} ${t.name.padEnd(14)} ${cell.rps.toFixed(0).padStart(7)} req/s` +
            `  p50 ${cell.p50} p99 ${cell.p99} ms  cpu ${cell.cpu.toFixed(0)}%` +
            (cell.errors || cell.unexpected ? `  errors ${cell.errors} unexpected ${cell.unexpected}` : ''),
        );
        cells.push(cell);
      }
    }
  }
  return cells;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

const RESULTS_JSON = path.join(ROOT, 'bench', 'results.json');
const RESULTS_MD = path.join(ROOT, 'bench', 'results.md');

/** Folds the recorded cells again and rewrites results.md (after a change to the report). */
function render(): void {
  const r = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Results;
  const stores = new Set(r.scale.stores.map((x) => x.name));
  r.main = summarize(r.cells.filter((c) => !stores.has(c.target)));
  r.scale.cells = summarize(r.cells.filter((c) => stores.has(c.target)));
  writeFileSync(RESULTS_JSON, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(RESULTS_MD, markdown(r));
}

/** results.md: the report, then the control plane's section. */
function markdown(r: Results & { control?: ControlFigures }): string {
  return `${renderMarkdown(r)}\n${renderControl(r.main, r.routes, r.control)}`;
}

async function main(): Promise<void> {
  const s = parseArgs(process.argv.slice(2));
  if (s.render) return render();
  const began = performance.now();
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadBefore: os.loadavg()[0] ?? NaN,
  };
  log(
    `bench: ${machine.cores} cores, ${machine.cpu}, node ${machine.node}; ${s.seconds} s per cell, ${s.rounds} rounds`,
  );

  log('cold start (bin/bc-fakestore.js serve, defaults)');
  const cold: { bannerMs: number; first200Ms: number; rssMb: number }[] = [];
  for (let i = 0; i < s.coldRuns; i++) cold.push(await coldStart());
  const coldSummary = {
    runs: s.coldRuns,
    bannerMs: median(cold.map((c) => c.bannerMs)),
    first200Ms: median(cold.map((c) => c.first200Ms)),
    minMs: Math.min(...cold.map((c) => c.first200Ms)),
    maxMs: Math.max(...cold.map((c) => c.first200Ms)),
    rssMb: median(cold.map((c) => c.rssMb)),
  };
  log(`  first 200 median ${coldSummary.first200Ms.toFixed(0)} ms`);

  log('main run: starting the fake (10,000 customers), Prism static and dynamic');
  const probePath = `${base}/customers/count`;
  const mainStore = { customers: 10_000, groups: 20, addressesPerCustomer: [1, 3] as [number, number] };
  const [fake, ...others] = await Promise.all([
    startFake('fake', { ...mainStore, passwordCost: 16 }),
    startFake(JOURNAL_FAKE, { ...mainStore, passwordCost: 16, journal: 1_000 }),
    ...(s.file ? [startFake(FILE_FAKE, { ...mainStore, passwordCost: 16, backend: 'sqlite' })] : []),
    ...(s.prism
      ? [startPrism('Prism static', false, probePath), startPrism('Prism dynamic', true, probePath)]
      : []),
  ]);
  const id = 4242;
  const routes = mainRoutes(fake.ready, id, await emailOf(fake, id)).filter(
    (r) => !s.routes || s.routes.includes(r.key),
  );
  const replies = await cannedReplies(fake, routes);
  mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true });
  const repliesFile = path.join(ROOT, 'bench', 'out', 'replies.json');
  writeFileSync(repliesFile, JSON.stringify(replies));
  const ceiling = await startCeiling(repliesFile);
  const targets: Target[] = [fake, ceiling, ...others];
  const notes = await probe(targets, routes);
  for (const n of notes) log(`  note: ${n}`);
  for (const t of targets) await warmUp(t, routes, 2);
  const mainCells = await measure(s, targets, () => routes);
  const mainIdle = Object.fromEntries(targets.map((t) => [t.name, rssMb(t.pid)]));
  await Promise.all(targets.map((t) => t.stop()));

  log('control plane: restore a 10k-customer snapshot, verify over a 10k-request journal');
  const control = await measureControl();
  log(
    `  restore ${control.restore.median.toFixed(1)} ms, verify ${control.verifyMiss.median.toFixed(1)} ms (median)`,
  );

  log(`scale run: sizes ${s.sizes.join(', ')}`);
  const scaleTargets: (Target & { ready: FakeReady; rssLoaded: number })[] = [];
  for (const size of s.sizes) {
    const t = await startFake(sizeName(size), {
      customers: size,
      groups: 20,
      addressesPerCustomer: [1, 3],
      passwordCost: 16,
    });
    await new Promise((r) => setTimeout(r, 500));
    scaleTargets.push({ ...t, rssLoaded: rssMb(t.pid) });
    log(`  ${t.name}: seeded in ${t.ready.seedMs.toFixed(0)} ms, RSS ${rssMb(t.pid).toFixed(0)} MB`);
  }
  const scaleRoutesOf = new Map<string, BenchRoute[]>();
  for (const t of scaleTargets) scaleRoutesOf.set(t.name, scaleRoutes(await emailOf(t, 500)));
  const routesOf = (t: Target): BenchRoute[] => scaleRoutesOf.get(t.name) as BenchRoute[];
  for (const t of scaleTargets) notes.push(...(await probe([t], routesOf(t))));
  for (const t of scaleTargets) await warmUp(t, routesOf(t), 1);
  const scaleCells = scaleTargets.length ? await measure(s, scaleTargets, routesOf) : [];
  const scaleInfo = scaleTargets.map((t) => ({
    name: t.name,
    customers: t.ready.counts.customers,
    addresses: t.ready.counts.addresses,
    groups: t.ready.counts.groups,
    seedMs: t.ready.seedMs,
    rssLoaded: t.rssLoaded,
    rssAfter: rssMb(t.pid),
  }));
  await Promise.all(scaleTargets.map((t) => t.stop()));

  const file =
    s.file && s.fileExtras
      ? await fileRun(s.file, { seconds: s.seconds, rounds: s.rounds, connections: s.connections })
      : undefined;

  const results: Results & { control: ControlFigures } = {
    date: new Date().toISOString(),
    machine,
    settings: { seconds: s.seconds, rounds: s.rounds, connections: s.connections, prism: s.prism },
    ...(file ? { file } : {}),
    store: fake.ready.counts,
    routes: routes.map((r) => ({ key: r.key, label: r.label, method: r.method, path: r.path, read: r.read })),
    notes,
    cold: coldSummary,
    main: summarize(mainCells),
    mainRss: mainIdle,
    scale: { stores: scaleInfo, cells: summarize(scaleCells) },
    cells: [...mainCells, ...scaleCells],
    wallSeconds: (performance.now() - began) / 1000,
    control,
  };
  writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(RESULTS_MD, markdown(results));
  log(`wrote bench/results.md and bench/results.json in ${results.wallSeconds.toFixed(0)} s`);
}

function sizeName(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `fake ${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `fake ${n / 1_000}k`;
  return `fake ${n}`;
}

await main();
