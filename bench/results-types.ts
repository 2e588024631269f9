/** The shapes of a benchmark run's results, shared by the report and its sections. */
import type { FileResults } from './file-backend.js';
import type { Cell } from './load.js';

/** Every round of one route against one server, folded. */
export interface Summary {
  route: string;
  target: string;
  /** Rounds the figures come from (see `summarize`), and rounds left out as disturbed. */
  rounds: number;
  dropped: number;
  /** Every round used was disturbed (no quiet round to use instead). */
  disturbed: boolean;
  /** Mean over rounds. */
  rps: number;
  /** Server CPU time per response, µs (mean over rounds): cost independent of who saturates. */
  cpuPerRequest: number;
  /** Lowest and highest round. */
  rpsMin: number;
  rpsMax: number;
  /** Mean p50 over rounds; the worst p99 of any round. */
  p50: number;
  p99: number;
  errors: number;
  unexpected: number;
  statuses: Record<string, number>;
  /** Mean server CPU (% of one core) and the largest RSS seen (MB). */
  cpu: number;
  rss: number;
  /** Mean CPU of the load generator and of every other process (% of one core). */
  loadCpu: number;
  otherCpu: number;
}

/** A store of the scale run. */
export interface ScaleStore {
  name: string;
  customers: number;
  addresses: number;
  groups: number;
  seedMs: number;
  rssLoaded: number;
  rssAfter: number;
}

/** Everything a run wrote to results.json. */
export interface Results {
  date: string;
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string; loadBefore: number };
  settings: { seconds: number; rounds: number; connections: number; prism: boolean };
  store: { customers: number; addresses: number; groups: number };
  routes: { key: string; label: string; method: string; path: string; read: boolean }[];
  notes: string[];
  cold: { runs: number; bannerMs: number; first200Ms: number; minMs: number; maxMs: number; rssMb: number };
  main: Summary[];
  mainRss: Record<string, number>;
  scale: { stores: ScaleStore[]; cells: Summary[] };
  cells: Cell[];
  wallSeconds: number;
  /** The file backend's own measures (absent with --no-file). */
  file?: FileResults;
}

/** One target of the issue: what was measured, what is required, whether it is met. */
export interface TargetCheck {
  name: string;
  figure: string;
  required: string;
  met: boolean | null;
}
