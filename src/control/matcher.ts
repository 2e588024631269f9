/**
 * Which requests a matcher selects (verify, the journal's filters, fault rules), and how a
 * request that is not selected differs from it, field by field (a near miss).
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  compileCondition,
  partialDifferences,
  partialMatch,
  partialMismatches,
  type BodyPathCondition,
  type CompiledCondition,
  type Difference,
} from './json-match.js';
import { pathRegex, storeRelative } from './path-pattern.js';

/** What a matcher looks at in a request: the same for a request in flight and a journal entry. */
export interface RequestFacts {
  method: string;
  /** The whole path as sent, `/stores/{hash}/v2/customers/42`. */
  path: string;
  /** The query string, without `?`. */
  search: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  /** The spec operation the request matched; null when it matched none. */
  operationId: string | null;
  /** The parsed query, kept once a matcher needed it. */
  parsedQuery?: URLSearchParams;
}

/** A request matcher: every field given must hold. */
export interface RequestMatch {
  method?: string;
  /** A path below the store's `/v2` (or a whole path), `*` for a segment, `**` for any rest. */
  path?: string;
  operationId?: string;
  /** Query parameters the request carries with these values (others may be there too). */
  query?: Record<string, string>;
  /** Headers the request carries with these values (names in any case). */
  headers?: Record<string, string>;
  /** A partial body: every field given has this value. */
  body?: unknown;
  /** Conditions on values of the body at JSON paths. */
  body_paths?: BodyPathCondition[];
}

/** A matcher made ready for one store. */
export interface CompiledMatch {
  test(r: RequestFacts): boolean;
  /** The differences of a request from the matcher (empty when it matches). */
  differences(r: RequestFacts): Difference[];
  /**
   * How far a request is from matching, without listing how (0 when it matches): a wrong method,
   * path or operation counts 3, any other field 1. Cheap enough to rank a whole journal.
   */
  distance(r: RequestFacts): number;
}

const queryOf = (r: RequestFacts): URLSearchParams => (r.parsedQuery ??= new URLSearchParams(r.search));

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : String(v);
}

/** Compiles a matcher for the requests of one store; throws a message for a bad JSON path or pattern. */
export function compileMatch(m: RequestMatch, hash: string): CompiledMatch {
  const method = m.method?.toUpperCase();
  const path = m.path === undefined ? null : pathRegex(m.path, hash);
  const query = Object.entries(m.query ?? {});
  const headers = Object.entries(m.headers ?? {});
  const conditions: CompiledCondition[] = (m.body_paths ?? []).map(compileCondition);
  const hasBody = m.body !== undefined;

  const test = (r: RequestFacts): boolean => {
    if (method !== undefined && r.method !== method) return false;
    if (m.operationId !== undefined && r.operationId !== m.operationId) return false;
    if (path && !path.test(r.path)) return false;
    if (query.length) {
      const q = queryOf(r);
      for (const [k, v] of query) if (q.get(k) !== v) return false;
    }
    for (const [k, v] of headers) if (headerValue(r.headers, k) !== v) return false;
    if (hasBody && !partialMatch(m.body, r.body)) return false;
    for (const c of conditions) if (!c.test(r.body)) return false;
    return true;
  };

  const differences = (r: RequestFacts): Difference[] => {
    const out: Difference[] = [];
    if (method !== undefined && r.method !== method)
      out.push({ field: 'method', expected: method, actual: r.method });
    if (m.operationId !== undefined && r.operationId !== m.operationId)
      out.push({ field: 'operationId', expected: m.operationId, actual: r.operationId });
    if (path && !path.test(r.path))
      out.push({ field: 'path', expected: m.path, actual: storeRelative(r.path) });
    if (query.length) {
      const q = queryOf(r);
      for (const [k, v] of query)
        if (q.get(k) !== v) out.push({ field: `query.${k}`, expected: v, actual: q.get(k) ?? undefined });
    }
    for (const [k, v] of headers) {
      const actual = headerValue(r.headers, k);
      if (actual !== v) out.push({ field: `headers.${k.toLowerCase()}`, expected: v, actual });
    }
    if (hasBody) {
      if (r.body === undefined) out.push({ field: 'body', expected: m.body, actual: undefined });
      else partialDifferences(m.body, r.body, 'body', out);
    }
    for (const c of conditions) {
      const d = c.difference(r.body);
      if (d) out.push(d);
    }
    return out;
  };

  const distance = (r: RequestFacts): number => {
    let d = 0;
    if (method !== undefined && r.method !== method) d += 3;
    if (m.operationId !== undefined && r.operationId !== m.operationId) d += 3;
    if (path && !path.test(r.path)) d += 3;
    if (query.length) {
      const q = queryOf(r);
      for (const [k, v] of query) if (q.get(k) !== v) d++;
    }
    for (const [k, v] of headers) if (headerValue(r.headers, k) !== v) d++;
    if (hasBody) d += r.body === undefined ? 1 : partialMismatches(m.body, r.body);
    for (const c of conditions) if (!c.test(r.body)) d++;
    return d;
  };

  return { test, differences, distance };
}
