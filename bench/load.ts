/** One benchmark cell: autocannon against one server and one route, plus the server's CPU and RSS. */
import autocannon from 'autocannon';
import { cpuMs, machineBusyMs, rssMb, type Target } from './processes.js';

/** A benchmarked request. */
export interface BenchRoute {
  /** Key in results.json, e.g. `get-customer`. */
  key: string;
  /** Label in the tables, e.g. `GET one customer`. */
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Path and query, e.g. `/stores/bench/v2/customers/42`. */
  path: string;
  /** A body per request (called for each one, so it can be unique), for POST/PUT. */
  body?: () => string;
  /** The status the fake answers (any other status counts as a failure of the cell). */
  status: number;
  /** A read route (the p99 target applies). */
  read: boolean;
  /** Names of the servers to run it against (default: all). */
  only?: string[];
  /** Left out of the warm-up run (slow on purpose, e.g. default-cost hashing). */
  noWarmUp?: boolean;
}

/** What one run of one route against one server measured. */
export interface Cell {
  route: string;
  target: string;
  round: number;
  /** Responses per second over the run (every status). */
  rps: number;
  /** Latency percentiles and mean, ms. */
  p50: number;
  p99: number;
  mean: number;
  max: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses with a status other than the route's expected one. */
  unexpected: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** Server CPU over the run, % of one core. */
  cpu: number;
  /** CPU used by the load generator (this process), % of one core. */
  loadCpu: number;
  /** CPU used by every other process of the machine during the run, % of one core (noise). */
  otherCpu: number;
  /** Server RSS right after the run, MB. */
  rss: number;
}

/** The bench's token (the fake's default full-scope token; Prism only checks that one is sent). */
export const TOKEN = 'fakestore-token';

/** Runs autocannon (`connections` connections, `seconds` long) and measures the server alongside. */
export async function runCell(
  target: Target,
  route: BenchRoute,
  o: { seconds: number; connections: number; round: number },
): Promise<Cell> {
  const headers: Record<string, string> = { 'X-Auth-Token': TOKEN };
  if (route.body) headers['Content-Type'] = 'application/json';
  const makeBody = route.body;
  const request: autocannon.Request = { method: route.method, path: route.path, headers };
  if (makeBody) {
    request.body = makeBody();
    request.setupRequest = (req) => ({ ...req, body: makeBody() });
  }
  const cpuBefore = cpuMs(target.pid);
  const busyBefore = machineBusyMs();
  const selfBefore = process.cpuUsage();
  const result = await autocannon({
    url: target.url,
    connections: o.connections,
    duration: o.seconds,
    requests: [request],
  });
  const pct = (ms: number): number => (ms / (result.duration * 1000)) * 100;
  const serverMs = cpuMs(target.pid) - cpuBefore;
  const self = process.cpuUsage(selfBefore);
  const selfMs = (self.user + self.system) / 1000;
  const otherMs = machineBusyMs() - busyBefore - serverMs - selfMs;
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = s.count ?? 0;
  const counted = Object.values(statuses).reduce((a, b) => a + b, 0);
  const total = counted || result.requests.total;
  return {
    route: route.key,
    target: target.name,
    round: o.round,
    rps: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    max: result.latency.max,
    errors: result.errors,
    unexpected: total - (statuses[String(route.status)] ?? 0),
    non2xx: result.non2xx,
    statuses,
    cpu: pct(serverMs),
    loadCpu: pct(selfMs),
    otherCpu: Math.max(0, pct(otherMs)),
    rss: rssMb(target.pid),
  };
}

/** A short mixed run over every route, so the first measured round does not pay for JIT warm-up. */
export async function warmUp(target: Target, routes: BenchRoute[], seconds: number): Promise<void> {
  const requests = routes
    .filter((r) => !r.only || r.only.includes(target.name))
    .filter((r) => !r.noWarmUp)
    .map((r): autocannon.Request => {
      const headers: Record<string, string> = { 'X-Auth-Token': TOKEN };
      if (!r.body) return { method: r.method, path: r.path, headers };
      const makeBody = r.body;
      headers['Content-Type'] = 'application/json';
      return {
        method: r.method,
        path: r.path,
        headers,
        body: makeBody(),
        setupRequest: (req) => ({ ...req, body: makeBody() }),
      };
    });
  await autocannon({ url: target.url, connections: 10, duration: seconds, requests });
}
