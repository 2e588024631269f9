/**
 * The control plane's own figures. The main run has a `fake journal` beside the `fake`: the same
 * fake with the journal on at its default size. Then a fake of its own with a 10,000-customer
 * store and a 10,000-request journal: restoring a snapshot of the store, and verify over the full
 * journal, each timed end to end over HTTP, median of several runs.
 */
import autocannon from 'autocannon';
import { httpRequest, startFake, type Target } from './processes.js';
import type { Summary } from './results-types.js';

/** The name of the main run's fake whose journal is on. */
export const JOURNAL_FAKE = 'fake journal';

/** Median, lowest and highest of a set of timings (ms). */
interface Spread {
  median: number;
  min: number;
  max: number;
}

/** What `measureControl` found. */
export interface ControlFigures {
  customers: number;
  journalEntries: number;
  runs: number;
  /** POST .../snapshots/{id}/restore. */
  restore: Spread;
  /** POST .../requests/verify that matches (count holds). */
  verifyMatch: Spread;
  /** POST .../requests/verify that fails (near misses ranked over the whole journal). */
  verifyMiss: Spread;
}

const ADMIN = { 'X-Admin-Token': 'fakestore-admin', 'Content-Type': 'application/json' };
const STORE = 'bench';

async function admin(t: Target, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await httpRequest(
    `${t.url}/__admin${path}`,
    method,
    ADMIN,
    body === undefined ? '' : JSON.stringify(body),
  );
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.body}`);
  return JSON.parse(res.body);
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<Spread> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)] as number, min: ms[0] as number, max: ms.at(-1) as number };
}

/** Starts a fake with a 10k-customer store and a 10k-request journal, measures, stops it. */
export async function measureControl(runs = 11): Promise<ControlFigures> {
  const fake = await startFake('control', {
    customers: 10_000,
    groups: 20,
    addressesPerCustomer: [1, 3],
    passwordCost: 16,
    journal: 10_000,
  });
  try {
    const snap = (await admin(fake, 'POST', `/stores/${STORE}/snapshots`)) as {
      id: string;
      customers: number;
    };
    const restore = await timed(runs, () =>
      admin(fake, 'POST', `/stores/${STORE}/snapshots/${snap.id}/restore`),
    );
    // Fill the journal: 10,000 reads of one customer.
    await autocannon({
      url: fake.url,
      connections: 10,
      amount: 10_000,
      requests: [
        {
          method: 'GET',
          path: `/stores/${STORE}/v2/customers/42`,
          headers: { 'X-Auth-Token': 'fakestore-token' },
        },
      ],
    });
    const entries = ((await admin(fake, 'GET', `/stores/${STORE}/requests`)) as unknown[]).length;
    const verifyMatch = await timed(runs, () =>
      admin(fake, 'POST', `/stores/${STORE}/requests/verify`, { method: 'GET', count: { at_least: 1 } }),
    );
    const verifyMiss = await timed(runs, () =>
      admin(fake, 'POST', `/stores/${STORE}/requests/verify`, {
        method: 'GET',
        path: '/customers/42',
        query: { include: 'none' },
      }),
    );
    return { customers: snap.customers, journalEntries: entries, runs, restore, verifyMatch, verifyMiss };
  } finally {
    await fake.stop();
  }
}

const fmt = (n: number | undefined, digits = 0): string =>
  n === undefined
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(2)}×`;
const spread = (f: Spread) => `${fmt(f.median, 1)} | ${fmt(f.min, 1)} | ${fmt(f.max, 1)}`;

/**
 * The control plane's section of results.md: throughput with the journal on next to the fake
 * with it off and the ceiling (target: GET one ≥ 0.75× ceiling), then restore and verify times.
 */
export function renderControl(
  main: Summary[],
  routes: { key: string; label: string }[],
  c: ControlFigures | undefined,
): string {
  const at = (route: string, target: string) => main.find((x) => x.route === route && x.target === target);
  const lines = [
    '## Control plane: the journal, restore, verify',
    '',
    `\`${JOURNAL_FAKE}\` is the same fake with the journal on (1,000 requests per store, the default); ` +
      '`fake` runs with it off. req/s (mean over rounds) and server CPU per response (µs):',
    '',
    '| route | fake | fake journal | ceiling | journal ÷ ceiling | journal ÷ fake | CPU µs fake / journal |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of routes) {
    const [off, on, top] = [at(r.key, 'fake'), at(r.key, JOURNAL_FAKE), at(r.key, 'ceiling')];
    lines.push(
      `| ${r.label} | ${fmt(off?.rps)} | ${fmt(on?.rps)} | ${fmt(top?.rps)} | ${ratio(on?.rps, top?.rps)} | ` +
        `${ratio(on?.rps, off?.rps)} | ${fmt(off?.cpuPerRequest, 1)} / ${fmt(on?.cpuPerRequest, 1)} |`,
    );
  }
  const get = [at('get-customer', JOURNAL_FAKE)?.rps, at('get-customer', 'ceiling')?.rps];
  const met = get[0] !== undefined && get[1] !== undefined ? get[0] / get[1] >= 0.75 : null;
  lines.push(
    '',
    `Target: GET one customer with the journal on ≥ 0.75× ceiling: ${ratio(get[0], get[1])} ` +
      `(${met === null ? '–' : met ? 'met' : '**not met**'}).`,
    '',
  );
  if (c) {
    lines.push(
      `A fake of its own with a store of ${fmt(c.customers)} customers and a journal of ${fmt(c.journalEntries)} ` +
        `requests, end to end over HTTP, ${c.runs} runs (targets: restore ≤ 50 ms, verify ≤ 20 ms):`,
      '',
      '| operation | median ms | min ms | max ms |',
      '| --- | ---: | ---: | ---: |',
      `| restore a snapshot of ${fmt(c.customers)} customers | ${spread(c.restore)} |`,
      `| verify over the journal, matching (10,000 matches) | ${spread(c.verifyMatch)} |`,
      `| verify over the journal, failing (near misses ranked) | ${spread(c.verifyMiss)} |`,
      '',
    );
  }
  return lines.join('\n');
}
