/** The start banner of `serve`: where it listens, the default store, the tokens and a curl line to paste. */
import { networkInterfaces } from 'node:os';
import { DEFAULT_TOKEN } from '../config.js';
import type { StoreCounts } from '../engine/backend.js';
import type { TokenConfig } from '../options.js';
import type { CliContext } from './cli-context.js';
import type { ServeFlags } from './serve-options.js';

/**
 * The URL to show: on a wildcard host (0.0.0.0, ::) nobody can connect to the wildcard itself,
 * so the loopback URL, plus this machine's other addresses for clients elsewhere.
 */
function reachable(host: string, port: number, url: string): { url: string; also: string[] } {
  if (host !== '0.0.0.0' && host !== '::') return { url, also: [] };
  const also = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && (host === '::' || a.family === 'IPv4'))
    .map((a) => `http://${a?.family === 'IPv6' ? `[${a.address}]` : a?.address}:${port}`);
  return { url: `http://127.0.0.1:${port}`, also };
}

const scopeName = (t: TokenConfig): string => (t.scope === 'store_v2_customers' ? 'full' : 'read-only');

/** What the banner describes. */
export interface BannerFacts {
  port: number;
  url: string;
  tokens: TokenConfig[];
  adminToken: string;
  counts: StoreCounts;
  fingerprint: string | null | undefined;
  /** Stores found in the --db file at start. */
  kept: string[];
}

/** Prints the banner; its first line is `bc-fakestore listening on <url>`, for scripts to read. */
export function printBanner(ctx: CliContext, flags: ServeFlags, facts: BannerFacts): void {
  const { tokens, adminToken, counts, fingerprint, kept } = facts;
  const token = tokens[0]?.token ?? DEFAULT_TOKEN;
  const { url, also } = reachable(flags.host, facts.port, facts.url);
  ctx.out(`bc-fakestore listening on ${url}`);
  if (also.length) ctx.out(`  on every interface (${flags.host}); also ${also.join(', ')}`);
  ctx.out(
    `  store ${flags.store}: ${counts.customers} customers, ${counts.addresses} addresses, ${counts.groups} groups` +
      (flags.fixture
        ? ` (fixture ${flags.fixture}); every other store hash is another store with the same data`
        : ` (seed ${flags.seed}); any other store hash is another store, seeded on first use`),
  );
  ctx.out(`  fingerprint of ${flags.store}: ${fingerprint ?? 'none'}`);
  if (flags.db !== undefined) {
    ctx.out(
      `  database ${flags.db}: ${kept.length} store${kept.length === 1 ? '' : 's'} found, served as saved (never reseeded); each write is on disk before its answer`,
    );
  }
  ctx.out(`  X-Auth-Token: ${tokens.map((t) => `${t.token} (${scopeName(t)})`).join(', ')}`);
  ctx.out(
    `  X-Admin-Token: ${adminToken} (admin API under /__admin${flags.adminRemote ? ', any client' : ', loopback only'})`,
  );
  ctx.out(`  try: curl -s -H 'X-Auth-Token: ${token}' '${url}/stores/${flags.store}/v2/customers?limit=1'`);
  if (flags.chaos || flags.clock) {
    const clock = flags.clock
      ? `clock ${flags.clock.frozen ? 'frozen at' : 'running from'} ${new Date(flags.clock.at).toISOString()}`
      : '';
    ctx.out(
      `  ${[flags.chaos ? `chaos ${flags.chaos} (every store)` : '', clock].filter(Boolean).join('; ')}`,
    );
  }
  ctx.out('  Ctrl-C stops');
}
