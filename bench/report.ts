/** The benchmark's figures: rounds folded into one figure per route and server, targets, Markdown. */
import { FILE_FAKE } from './file-backend.js';
import { fileTargets, renderFileSection } from './file-report.js';
import type { Cell } from './load.js';
import type { Results, ScaleStore, Summary, TargetCheck } from './results-types.js';

export type { Results, ScaleStore, Summary, TargetCheck } from './results-types.js';

/** Other processes using more than this (% of one core) during a round disturb it. */
export const NOISE_LIMIT = 20;

/** Whether other processes on the machine used enough CPU during a round to disturb it. */
export const isDisturbed = (c: Cell): boolean => c.otherCpu > NOISE_LIMIT;

/**
 * Folds the rounds of each (route, server) pair. Rounds disturbed by other processes on the
 * machine are left out when a quiet round of the pair exists (noise only ever slows a round).
 */
export function summarize(cells: Cell[]): Summary[] {
  const groups = new Map<string, Cell[]>();
  for (const c of cells) {
    const k = `${c.route}\u0000${c.target}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.values()].map((all) => {
    const quiet = all.filter((c) => !isDisturbed(c));
    const g = quiet.length ? quiet : all;
    const first = g[0] as Cell;
    const mean = (f: (c: Cell) => number): number => g.reduce((a, c) => a + f(c), 0) / g.length;
    const statuses: Record<string, number> = {};
    for (const c of g) for (const [k, v] of Object.entries(c.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
    return {
      route: first.route,
      target: first.target,
      rounds: g.length,
      dropped: all.length - g.length,
      disturbed: quiet.length === 0,
      rps: mean((c) => c.rps),
      cpuPerRequest: mean((c) => (c.rps > 0 ? (c.cpu * 10_000) / c.rps : NaN)),
      rpsMin: Math.min(...g.map((c) => c.rps)),
      rpsMax: Math.max(...g.map((c) => c.rps)),
      p50: mean((c) => c.p50),
      p99: Math.max(...g.map((c) => c.p99)),
      errors: g.reduce((a, c) => a + c.errors, 0),
      unexpected: g.reduce((a, c) => a + c.unexpected, 0),
      statuses,
      cpu: mean((c) => c.cpu),
      rss: Math.max(...g.map((c) => c.rss)),
      loadCpu: mean((c) => c.loadCpu),
      otherCpu: mean((c) => c.otherCpu),
    };
  });
}

const find = (list: Summary[], route: string, target: string): Summary | undefined =>
  list.find((s) => s.route === route && s.target === target);

/** The issue's targets, checked against one run's figures. */
export function checkTargets(r: Results): TargetCheck[] {
  const out: TargetCheck[] = [];
  const ratio = (route: string, other: string): number | undefined => {
    const a = find(r.main, route, 'fake');
    const b = find(r.main, route, other);
    return a && b ? a.rps / b.rps : undefined;
  };
  const atLeast = (name: string, value: number | undefined, min: number, unit = '×'): void => {
    out.push({
      name,
      figure: value === undefined ? 'not measured' : `${value.toFixed(2)}${unit}`,
      required: `≥ ${min}${unit}`,
      met: value === undefined ? null : value >= min,
    });
  };
  atLeast('GET one customer ÷ ceiling', ratio('get-customer', 'ceiling'), 0.6);
  atLeast('GET one customer ÷ Prism static', ratio('get-customer', 'Prism static'), 10);
  atLeast('GET page of 50 ÷ ceiling', ratio('list-page', 'ceiling'), 0.4);
  atLeast('POST create ÷ ceiling', ratio('create', 'ceiling'), 0.5);
  const reads = r.routes.filter((x) => x.read).map((x) => x.key);
  const worst = r.main
    .filter((s) => s.target === 'fake' && reads.includes(s.route))
    .sort((a, b) => b.p99 - a.p99)[0];
  out.push({
    name: 'p99 of every read route, 50 connections',
    figure: worst ? `worst ${worst.p99} ms (${labelOf(r, worst.route)})` : 'not measured',
    required: '≤ 10 ms',
    met: worst ? worst.p99 <= 10 : null,
  });
  out.push({
    name: 'cold start to first 200, default seed',
    figure: r.cold.runs ? `${r.cold.first200Ms.toFixed(0)} ms (median of ${r.cold.runs})` : 'not measured',
    required: '≤ 300 ms',
    met: r.cold.runs ? r.cold.first200Ms <= 300 : null,
  });
  const [small, , large] = r.scale.stores;
  if (small && large) {
    for (const route of ['list-page', 'filter-email', 'count']) {
      const a = find(r.scale.cells, route, small.name);
      const b = find(r.scale.cells, route, large.name);
      const slowdown = a && b ? a.rps / b.rps : undefined;
      out.push({
        name: `${labelOf(r, route)}: req/s at ${large.name.replace('fake ', '')} vs ${small.name.replace('fake ', '')}`,
        figure: slowdown === undefined ? 'not measured' : `${slowdown.toFixed(2)}× slower`,
        required: '≤ 1.5× slower',
        met: slowdown === undefined ? null : slowdown <= 1.5,
      });
    }
  }
  const hundredK = r.scale.stores.find((x) => x.customers >= 100_000 && x.customers < 200_000);
  if (hundredK) {
    const count = hundredK.customers.toLocaleString('en-US');
    out.push({
      name: `RSS with ${count} customers, once seeded`,
      figure: `${hundredK.rssLoaded.toFixed(0)} MB`,
      required: '≤ 250 MB',
      met: hundredK.rssLoaded <= 250,
    });
    out.push({
      name: `RSS with ${count} customers, after its read runs`,
      figure: `${hundredK.rssAfter.toFixed(0)} MB`,
      required: '≤ 250 MB',
      met: hundredK.rssAfter <= 250,
    });
  }
  out.push(...fileTargets(r));
  return out;
}

function labelOf(r: Results, key: string): string {
  return r.routes.find((x) => x.key === key)?.label ?? key;
}

// A figure of an empty run is NaN, and null once written to results.json.
const num = (n: number | null | undefined, digits = 0): string =>
  n === undefined || n === null || Number.isNaN(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const times = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`;
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const header = (cells: string[], align?: string[]): string =>
  `${row(cells)}\n${row(cells.map((_, i) => align?.[i] ?? '---:'))}`;

/** results.md */
export function renderMarkdown(r: Results): string {
  const file = r.main.some((x) => x.target === FILE_FAKE) ? [FILE_FAKE] : [];
  const servers = [
    'fake',
    ...file,
    'ceiling',
    ...(r.settings.prism ? ['Prism static', 'Prism dynamic'] : []),
  ];
  // The memory fake as a multiple of the others; the file fake has its own section.
  const others = servers.filter((x) => x !== 'fake' && x !== FILE_FAKE);
  const m = r.machine;
  const summaries = [...r.main, ...r.scale.cells];
  const dropped = summaries.reduce((a, x) => a + x.dropped, 0);
  const disturbed = summaries.some((x) => x.disturbed);
  const mark = (x: Summary | undefined, text: string): string => (x?.disturbed ? `${text} †` : text);
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(
    `Written by \`npm run bench\` on ${r.date.slice(0, 16).replace('T', ' ')} UTC in ${r.wallSeconds.toFixed(0)} s. ` +
      `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, ${m.os}, Node ${m.node}; 1-minute load before the run ${m.loadBefore.toFixed(2)}.`,
    '',
    `Load: autocannon in the bench process, ${r.settings.connections} connections, ${r.settings.seconds} s per cell, ` +
      `${r.settings.rounds} rounds; within a round each route is run against every server in turn (the order rotates). ` +
      `req/s and p50 are means over rounds, p99 is the worst round. Each server is its own process. ` +
      `Main store: ${num(r.store.customers)} customers, ${num(r.store.addresses)} addresses, ${num(r.store.groups)} groups ` +
      `(the creates of the run add to it). See docs/performance.md for what each server is.`,
    '',
    `Noise: a round during which other processes on the machine used more than ${NOISE_LIMIT}% of a core is left out ` +
      `of a figure when a quiet round of it exists; ${dropped} of ${r.cells.length} rounds were left out this way. ` +
      `${disturbed ? `Figures marked † come from disturbed rounds only.` : 'No figure comes from disturbed rounds only.'}`,
    '',
  );
  lines.push('## Targets', '');
  lines.push(header(['target', 'this run', 'required', 'met'], ['---', '---', '---', '---']));
  for (const t of checkTargets(r))
    lines.push(row([t.name, t.figure, t.required, t.met === null ? '–' : t.met ? 'yes' : '**no**']));
  lines.push('');

  const get = (route: string, server: string) => find(r.main, route, server);
  lines.push('## Throughput (req/s), and the fake as a multiple of each other server', '');
  const ratioCols = others.map((s) => `fake ÷ ${s}`);
  lines.push(header(['route', ...servers, ...ratioCols], ['---']));
  for (const route of r.routes) {
    const fake = get(route.key, 'fake');
    lines.push(
      row([
        route.label,
        ...servers.map((s) => mark(get(route.key, s), num(get(route.key, s)?.rps))),
        ...others.map((s) => times(fake?.rps, get(route.key, s)?.rps)),
      ]),
    );
  }
  lines.push('');
  lines.push('## Server CPU per response (µs), and the fake as a multiple of each other server', '');
  lines.push(
    'CPU time the server process used per response (user + system): its cost whether or not it was the side ' +
      'that saturated (when the load generator saturates first, req/s only shows the load generator). ' +
      'Here a multiple above 1 means the fake spends more per response.',
    '',
  );
  lines.push(header(['route', ...servers, ...ratioCols], ['---']));
  for (const route of r.routes) {
    const fake = get(route.key, 'fake');
    lines.push(
      row([
        route.label,
        ...servers.map((s) => num(get(route.key, s)?.cpuPerRequest, 1)),
        ...others.map((s) => times(fake?.cpuPerRequest, get(route.key, s)?.cpuPerRequest)),
      ]),
    );
  }
  lines.push('');
  lines.push("## Latency p50 / p99 (ms), and the fake's p99 as a multiple of each other server's", '');
  lines.push(header(['route', ...servers, ...others.map((s) => `p99 ÷ ${s}`)], ['---']));
  for (const route of r.routes) {
    const fake = get(route.key, 'fake');
    lines.push(
      row([
        route.label,
        ...servers.map((s) => {
          const x = get(route.key, s);
          return x ? `${num(x.p50, 1)} / ${num(x.p99)}` : '–';
        }),
        ...others.map((s) => times(fake?.p99, get(route.key, s)?.p99)),
      ]),
    );
  }
  lines.push('');
  lines.push('## Errors, statuses, CPU and RSS', '');
  lines.push(
    "Per server: connection errors / responses whose status was not the fake's (statuses seen) · CPU % of one core: " +
      'server / load generator / every other process on the machine (noise) · largest server RSS after a cell (MB).',
    '',
  );
  lines.push(header(['route', ...servers], ['---', ...servers.map(() => '---')]));
  for (const route of r.routes) {
    lines.push(
      row([
        route.label,
        ...servers.map((s) => {
          const x = get(route.key, s);
          if (!x) return '–';
          const codes = Object.entries(x.statuses)
            .map(([k, v]) => `${k}×${num(v)}`)
            .join(' ');
          return `${x.errors} / ${num(x.unexpected)} (${codes}) · ${num(x.cpu)}/${num(x.loadCpu)}/${num(x.otherCpu)}% · ${num(x.rss)} MB`;
        }),
      ]),
    );
  }
  lines.push('');

  const stores = r.scale.stores;
  if (stores.length) {
    lines.push('## Store size: the same reads at each size', '');
    lines.push(
      header(
        [
          'store',
          'customers',
          'addresses',
          'seed: generate + load (ms)',
          'µs per customer',
          'RSS loaded (MB)',
          'RSS after runs (MB)',
        ],
        ['---'],
      ),
    );
    for (const s of stores) {
      lines.push(
        row([
          s.name,
          num(s.customers),
          num(s.addresses),
          num(s.seedMs),
          num((s.seedMs * 1000) / s.customers, 1),
          num(s.rssLoaded),
          num(s.rssAfter),
        ]),
      );
    }
    lines.push('');
    const first = stores[0] as ScaleStore;
    const names = stores.map((s) => s.name);
    lines.push(
      'req/s; the same as a multiple of the smallest store (1.00× = no change with size); server CPU per ' +
        'response (µs); p50 / p99 (ms).',
      '',
    );
    lines.push(
      header(
        [
          'route',
          ...names.map((n) => `${n} req/s`),
          ...names.slice(1).map((n) => `${n} ÷ ${first.name}`),
          ...names.map((n) => `${n} CPU µs`),
          ...names.map((n) => `${n} p50 / p99`),
        ],
        ['---'],
      ),
    );
    for (const key of ['list-page', 'filter-email', 'count']) {
      const at = (n: string) => find(r.scale.cells, key, n);
      lines.push(
        row([
          labelOf(r, key),
          ...names.map((n) => mark(at(n), num(at(n)?.rps))),
          ...names.slice(1).map((n) => times(at(n)?.rps, at(first.name)?.rps)),
          ...names.map((n) => num(at(n)?.cpuPerRequest, 1)),
          ...names.map((n) => {
            const x = at(n);
            return x ? `${num(x.p50, 1)} / ${num(x.p99)}` : '–';
          }),
        ]),
      );
    }
    lines.push('');
  }
  lines.push(...renderFileSection(r));
  lines.push('## Cold start', '');
  lines.push(
    `\`node bin/bc-fakestore.js serve --port 0 --quiet\` (defaults: store abc123 with 25 seeded customers), spawn → first 200 of ` +
      `GET one customer, ${r.cold.runs} runs: median **${num(r.cold.first200Ms)} ms** (min ${num(r.cold.minMs)}, max ${num(r.cold.maxMs)}); ` +
      `banner printed at ${num(r.cold.bannerMs)} ms (median); RSS then ${num(r.cold.rssMb)} MB.`,
    '',
  );
  if (r.notes.length) {
    lines.push('## Notes', '');
    for (const n of r.notes) lines.push(`- ${n}`);
    lines.push('');
  }
  lines.push('## Routes', '');
  lines.push(header(['route', 'request'], ['---', '---']));
  for (const route of r.routes) lines.push(row([route.label, `\`${route.method} ${route.path}\``]));
  lines.push('');
  return lines.join('\n');
}
