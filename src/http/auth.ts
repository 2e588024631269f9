/** API tokens: which scope each has and which stores it may reach; the admin token and its guard. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError, forbidden, unauthorized } from '../errors.js';

/** The two OAuth scopes of Customers V2. */
export type Scope = 'store_v2_customers' | 'store_v2_customers_read_only';

/** One configured token. */
export interface TokenConfig {
  token: string;
  scope: Scope;
  /** Store hashes the token may use; all when omitted. */
  stores?: string[];
}

/** Checks `X-Auth-Token` values against the configured tokens. */
export class TokenTable {
  private readonly byToken = new Map<string, { scope: Scope; stores: Set<string> | null }>();

  constructor(tokens: TokenConfig[]) {
    for (const t of tokens)
      this.byToken.set(t.token, { scope: t.scope, stores: t.stores ? new Set(t.stores) : null });
  }

  /**
   * Throws 401 for a missing or unknown token (or one bound to other stores), 403 when a
   * read-only token tries to write; returns otherwise.
   */
  check(token: string | string[] | undefined, storeHash: string, write: boolean): void {
    const entry = typeof token === 'string' ? this.byToken.get(token) : undefined;
    if (!entry || (entry.stores && !entry.stores.has(storeHash))) throw unauthorized();
    if (write && entry.scope !== 'store_v2_customers') throw forbidden();
  }
}

/** Compares a sent token with the expected one in constant time. */
export function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

/** Whether a remote address is this machine (the admin API's default audience). */
export const isLoopback = (address: string | undefined): boolean => LOOPBACK.test(address ?? '');

/**
 * The admin API's guard: loopback clients only (unless `remote`), with the admin token. Throws
 * the 403 or 401 to answer.
 */
export function checkAdmin(req: IncomingMessage, adminToken: string, remote: boolean): void {
  if (!remote && !isLoopback(req.socket.remoteAddress)) {
    throw new ApiError(403, 'The admin API answers loopback clients only (see --admin-remote).');
  }
  if (!sameToken(req.headers['x-admin-token'], adminToken)) {
    throw new ApiError(401, 'The admin API needs a valid X-Admin-Token header.');
  }
}
