/** The coverage report as a text table (`bc-fakestore coverage`). */
import type { CoverageReport } from './coverage.js';

const pad = (text: string, width: number): string => text.padEnd(width);

/**
 * One line per operation: its method and path (below the store's `/v2`), the statuses it
 * answered with counts (`200×3`; `!` marks one the spec does not declare), the declared statuses
 * never seen, and injected faults; then the totals.
 */
export function coverageTable(r: CoverageReport): string[] {
  const rows = r.operations.map((o) => {
    const seen = o.statuses
      .filter((s) => s.count > 0)
      .map((s) => `${s.status}×${s.count}${s.declared ? '' : '!'}`);
    const never = o.statuses.filter((s) => s.count === 0).map((s) => String(s.status));
    const injected = Object.entries(o.injected).map(([k, n]) => `${k}×${n}`);
    return [
      o.operationId,
      o.method,
      o.path.replace(/^\/stores\/\{store_hash\}\/v2/, ''),
      seen.join(' ') || '-',
      never.join(' ') || '-',
      injected.join(' '),
    ];
  });
  const head = ['operation', 'method', 'path', 'answered', 'never answered', 'injected'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] as number)))
      .join('  ')
      .trimEnd();
  const t = r.totals;
  return [
    line(head),
    ...rows.map(line),
    '',
    `${t.exercised} of ${t.operations} operations exercised; ${t.exercised_statuses} of ${t.declared_statuses} declared statuses answered` +
      (r.unmatched ? `; ${r.unmatched} requests matched no operation` : '') +
      ' (! marks a status the spec does not declare)',
  ];
}
