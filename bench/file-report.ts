/** The file backend's part of results.md: its targets, and its tables beside the memory backend. */
import { FILE_FAKE, type FileResults } from './file-backend.js';
import type { Results, Summary, TargetCheck } from './results-types.js';

const fmt = (n: number | undefined, digits = 0): string =>
  n === undefined || Number.isNaN(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined || b === 0 ? undefined : a / b;
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const head = (cells: string[], left = 1): string =>
  `${row(cells)}\n${row(cells.map((_, i) => (i < left ? '---' : '---:')))}`;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const get = (r: Results, route: string, target: string): Summary | undefined =>
  r.main.find((x) => x.route === route && x.target === target);

/** The targets for the file backend. */
export function fileTargets(r: Results): TargetCheck[] {
  if (!r.main.some((x) => x.target === FILE_FAKE)) return [];
  const f = r.file;
  const out: TargetCheck[] = [];
  const atLeast = (name: string, value: number | undefined, min: number): void =>
    void out.push({
      name,
      figure: value === undefined ? 'not measured' : `${value.toFixed(2)}×`,
      required: `≥ ${min}×`,
      met: value === undefined ? null : value >= min,
    });
  const atMost = (name: string, value: number | undefined, max: number, unit: string): void =>
    void out.push({
      name,
      figure: value === undefined ? 'not measured' : `${fmt(value, unit === 's' ? 1 : 0)} ${unit}`,
      required: `≤ ${fmt(max)} ${unit}`,
      met: value === undefined ? null : value <= max,
    });
  const rps = (route: string, target: string) => get(r, route, target)?.rps;
  atLeast(
    'file: GET one customer ÷ ceiling',
    ratio(rps('get-customer', FILE_FAKE), rps('get-customer', 'ceiling')),
    0.75,
  );
  atLeast('file: GET page of 50 ÷ memory', ratio(rps('list-page', FILE_FAKE), rps('list-page', 'fake')), 0.9);
  atLeast('file: POST create ÷ ceiling', ratio(rps('create', FILE_FAKE), rps('create', 'ceiling')), 0.3);
  if (!f) return out;
  atMost(
    `file: restart with ${fmt(f.restart.customers)} customers, spawn → first 200 (median)`,
    f.restart.runs ? median(f.restart.first200Ms) : undefined,
    1500,
    'ms',
  );
  const seed = f.seeds.find((x) => x.backend === 'sqlite');
  atMost(`file: admin seed of ${fmt(seed?.customers)} customers`, seed && seed.seedMs / 1000, 20, 's');
  atMost("file: p99 of another store's GETs during that seed", seed?.reads.p99, 50, 'ms');
  return out;
}

/** The file backend's section of results.md. */
export function renderFileSection(r: Results): string[] {
  if (!r.main.some((x) => x.target === FILE_FAKE)) return [];
  const lines = ['## File backend (SQLite, `serve --db`)', ''];
  lines.push(
    `The main run's routes against \`${FILE_FAKE}\` (the same store in a database file, \`synchronous=normal\`), ` +
      'measured in the same rounds as the memory fake and the ceiling. Req/s, server CPU per response (µs), p50 / p99 (ms).',
    '',
  );
  lines.push(
    head([
      'route',
      'memory req/s',
      'file req/s',
      'ceiling req/s',
      'file ÷ memory',
      'file ÷ ceiling',
      'memory CPU µs',
      'file CPU µs',
      'memory p50 / p99',
      'file p50 / p99',
    ]),
  );
  for (const route of r.routes) {
    const [m, x, c] = ['fake', FILE_FAKE, 'ceiling'].map((t) => get(r, route.key, t));
    if (!x) continue;
    lines.push(
      row([
        route.label,
        fmt(m?.rps),
        fmt(x.rps),
        fmt(c?.rps),
        `${fmt(ratio(x.rps, m?.rps), 2)}×`,
        `${fmt(ratio(x.rps, c?.rps), 2)}×`,
        fmt(m?.cpuPerRequest, 1),
        fmt(x.cpuPerRequest, 1),
        m ? `${fmt(m.p50, 1)} / ${fmt(m.p99)}` : '–',
        `${fmt(x.p50, 1)} / ${fmt(x.p99)}`,
      ]),
    );
  }
  const f: FileResults | undefined = r.file;
  if (!f) return [...lines, ''];
  lines.push('', '### Restart', '');
  const rs = f.restart;
  lines.push(
    `\`node bin/bc-fakestore.js serve --db <file> --store big --quiet\` on a file holding store \`big\` with ` +
      `${fmt(rs.customers)} customers (filled by a first run), spawn → first 200 of GET one of its customers, ` +
      `${rs.runs} runs: median **${fmt(median(rs.first200Ms))} ms** (min ${fmt(Math.min(...rs.first200Ms))}, ` +
      `max ${fmt(Math.max(...rs.first200Ms))}); banner at ${fmt(median(rs.bannerMs))} ms (median); RSS then ` +
      `${fmt(median(rs.rssMb))} MB.`,
    '',
  );
  lines.push('### Admin seed of a large store while another store is read', '');
  lines.push(
    '`POST /__admin/stores/huge/seed` on a fake serving a store of 1,000 customers, while autocannon reads one ' +
      'customer of that other store at a steady rate (10 connections). Latency of those reads during the seed.',
    '',
  );
  lines.push(
    head([
      'backend',
      'customers',
      'seed (s)',
      'µs per customer',
      'reads/s asked',
      'reads',
      'p50 (ms)',
      'p99 (ms)',
      'max (ms)',
      'errors',
    ]),
  );
  for (const x of f.seeds) {
    lines.push(
      row([
        x.backend,
        fmt(x.customers),
        fmt(x.seedMs / 1000, 1),
        fmt((x.seedMs * 1000) / x.customers, 1),
        fmt(x.reads.rate),
        fmt(x.reads.requests),
        fmt(x.reads.p50),
        fmt(x.reads.p99),
        fmt(x.reads.max),
        `${x.reads.errors} / ${x.reads.non2xx} non-2xx`,
      ]),
    );
  }
  lines.push('', '### Writes with `--db-sync full`', '');
  lines.push('POST create against a file fake with each setting, alternating, one row per round.', '');
  lines.push(head(['setting', 'round', 'req/s', 'p50 (ms)', 'p99 (ms)', 'server CPU µs', 'other CPU %'], 2));
  for (const c of f.syncCells) {
    lines.push(
      row([
        c.target,
        String(c.round),
        fmt(c.rps),
        fmt(c.p50, 1),
        fmt(c.p99),
        fmt(c.rps > 0 ? (c.cpu * 10_000) / c.rps : NaN, 1),
        fmt(c.otherCpu),
      ]),
    );
  }
  lines.push('');
  return lines;
}
