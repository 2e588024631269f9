/**
 * Verify: how many journal records match a matcher, against a count; when too few match, the
 * closest other records with a field-by-field diff (near misses), and the outcome in words.
 */
import type { Difference } from './json-match.js';
import { renderEntry, type JournalEntry } from './journal-view.js';
import type { JournalRecord } from './journal.js';
import { compileMatch, type RequestMatch } from './matcher.js';
import { redactAt } from './redact.js';

/** How many requests must match: one of the three. */
export type Count = { exactly: number } | { at_least: number } | { at_most: number };

/** A verify request: a matcher and a count (default: at least one). */
export interface VerifyRequest extends RequestMatch {
  count?: Count;
}

/** The outcome. */
export interface VerifyResult {
  ok: boolean;
  count: number;
  expected: Count;
  requests: JournalEntry[];
  near_misses: { request: JournalEntry; differences: Difference[] }[];
  message: string;
}

/** Matches shown, and near misses listed. */
const SHOWN_MATCHES = 20;
const NEAR_MISSES = 3;

const holds = (c: Count, n: number): boolean =>
  'exactly' in c ? n === c.exactly : 'at_least' in c ? n >= c.at_least : n <= c.at_most;

const describeCount = (c: Count): string =>
  'exactly' in c
    ? `exactly ${c.exactly}`
    : 'at_least' in c
      ? `at least ${c.at_least}`
      : `at most ${c.at_most}`;

/** Verifies a store's records against a request; throws a message for a matcher that does not compile. */
export function verify(records: JournalRecord[], hash: string, v: VerifyRequest): VerifyResult {
  const { count = { at_least: 1 }, ...matcher } = v;
  const match = compileMatch(matcher, hash);
  const matched: JournalRecord[] = [];
  for (const r of records) if (match.test(r)) matched.push(r);
  const ok = holds(count, matched.length);
  const tooFew = !ok && !('at_most' in count) && !('exactly' in count && matched.length > count.exactly);
  const near = tooFew ? nearMisses(records, match) : [];
  const result: VerifyResult = {
    ok,
    count: matched.length,
    expected: count,
    requests: matched.slice(-SHOWN_MATCHES).map(renderEntry),
    near_misses: near.map(([r, differences]) => ({
      request: renderEntry(r),
      differences: differences.map((d) => ({ ...d, actual: redactAt(d.field, d.actual) })),
    })),
    message: '',
  };
  result.message = describe(result, matcher, records.length);
  return result;
}

/**
 * The records nearest to matching: smallest distance, the latest first among equals. The whole
 * journal is ranked by the cheap distance; only the few kept are diffed field by field.
 */
function nearMisses(
  records: JournalRecord[],
  match: ReturnType<typeof compileMatch>,
): [JournalRecord, Difference[]][] {
  const best: [JournalRecord, number][] = [];
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i] as JournalRecord;
    const d = match.distance(r);
    if (
      d === 0 ||
      (best.length === NEAR_MISSES && d >= (best[NEAR_MISSES - 1] as [JournalRecord, number])[1])
    )
      continue;
    let at = best.length;
    while (at > 0 && d < (best[at - 1] as [JournalRecord, number])[1]) at--;
    best.splice(at, 0, [r, d]);
    if (best.length > NEAR_MISSES) best.pop();
  }
  return best.map(([r]) => [r, match.differences(r)]);
}

const show = (v: unknown): string => (v === undefined ? '(missing)' : JSON.stringify(v));

function describeMatcher(m: RequestMatch): string {
  const parts = [
    m.method?.toUpperCase() ?? '',
    m.path ?? (m.operationId ? `[${m.operationId}]` : 'any path'),
  ];
  if (m.operationId && m.path) parts.push(`[${m.operationId}]`);
  if (m.query) parts.push(`query ${JSON.stringify(m.query)}`);
  if (m.headers) parts.push(`headers ${JSON.stringify(m.headers)}`);
  if (m.body !== undefined) parts.push(`body ${JSON.stringify(m.body)}`);
  for (const c of m.body_paths ?? []) parts.push(`${c.path} ${JSON.stringify({ ...c, path: undefined })}`);
  return parts.filter((p) => p !== '').join(' ');
}

function describe(r: VerifyResult, m: RequestMatch, journalSize: number): string {
  const head = `expected ${describeCount(r.expected)} request(s) matching ${describeMatcher(m)}, found ${r.count}`;
  if (r.ok) return head;
  const lines = [`${head} (of ${journalSize} in the journal)`];
  if (r.near_misses.length) lines.push('closest requests:');
  for (const n of r.near_misses) {
    const q = n.request;
    lines.push(`  #${q.id} ${q.method} ${q.path} → ${q.response.status ?? 'no answer'}`);
    for (const d of n.differences)
      lines.push(`    ${d.field}: expected ${show(d.expected)}, got ${show(d.actual)}`);
  }
  return lines.join('\n');
}
