/**
 * API coverage: which operations × statuses the traffic has exercised, across stores, next to
 * what the spec declares, so a team sees what its own test suite never touches.
 */
import { loadSpec, type OpenApiOperation } from '../spec.js';

/** One status of one operation. */
export interface StatusCount {
  status: number;
  /** Whether the spec declares the status for the operation. */
  declared: boolean;
  count: number;
}

/** One operation's line of the report. */
export interface OperationCoverage {
  operationId: string;
  method: string;
  path: string;
  /** Declared statuses (count 0 when never seen) and any other status the traffic got. */
  statuses: StatusCount[];
  /** Injected faults the operation's requests got, by kind (`503`, `reset`, ...). */
  injected: Record<string, number>;
}

/** The whole report. */
export interface CoverageReport {
  operations: OperationCoverage[];
  /** Requests that matched no operation (unknown paths, bad store hashes). */
  unmatched: number;
  totals: { operations: number; exercised: number; declared_statuses: number; exercised_statuses: number };
}

const METHODS = ['get', 'post', 'put', 'delete'] as const;

/** Counts answers by operation and status (a Map lookup and an increment per request). */
export class Coverage {
  private counts = new Map<string | null, Map<number, number>>();
  private faults = new Map<string | null, Map<string, number>>();

  /** Counts one answer the store gave (status) for an operation (null: none). */
  count(operationId: string | null, status: number): void {
    let m = this.counts.get(operationId);
    if (!m) this.counts.set(operationId, (m = new Map()));
    m.set(status, (m.get(status) ?? 0) + 1);
  }

  /** Counts one injected fault (`503`, `reset`, `malformed`, ...) for an operation. */
  countFault(operationId: string | null, kind: string): void {
    let m = this.faults.get(operationId);
    if (!m) this.faults.set(operationId, (m = new Map()));
    m.set(kind, (m.get(kind) ?? 0) + 1);
  }

  /** Forgets every count. */
  clear(): void {
    this.counts = new Map();
    this.faults = new Map();
  }

  /** The report: every operation of the spec, in spec order, with declared and seen statuses. */
  report(): CoverageReport {
    const operations: OperationCoverage[] = [];
    for (const [path, item] of Object.entries(loadSpec().paths)) {
      for (const method of METHODS) {
        const op = item[method] as OpenApiOperation | undefined;
        if (!op) continue;
        const seen = this.counts.get(op.operationId) ?? new Map<number, number>();
        const declared = Object.keys(op.responses).map(Number);
        const statuses = [...new Set([...declared, ...seen.keys()])]
          .sort((a, b) => a - b)
          .map((status) => ({ status, declared: declared.includes(status), count: seen.get(status) ?? 0 }));
        const injected = Object.fromEntries(this.faults.get(op.operationId) ?? []);
        operations.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          path,
          statuses,
          injected,
        });
      }
    }
    const declaredPairs = operations.flatMap((o) => o.statuses.filter((s) => s.declared));
    let unmatched = 0;
    for (const n of this.counts.get(null)?.values() ?? []) unmatched += n;
    return {
      operations,
      unmatched,
      totals: {
        operations: operations.length,
        exercised: operations.filter((o) => o.statuses.some((s) => s.count > 0)).length,
        declared_statuses: declaredPairs.length,
        exercised_statuses: declaredPairs.filter((s) => s.count > 0).length,
      },
    };
  }
}
