/**
 * `serve --chaos light|heavy`: a documented mix of fault rules every store starts with (see
 * docs/testing.md). Rules are tried in order and the first that fires wins, so a later rule's
 * share is a little below its probability. Draws are seeded per store: the same traffic to the
 * same store hash meets the same faults.
 */
import type { FaultRuleInput } from './faults.js';

/** The chaos presets. */
export type ChaosLevel = 'light' | 'heavy';

const p = (probability: number, seed: number) => ({ trigger: { probability, seed } });

/** The rules of each preset. */
export const CHAOS_PRESETS: Record<ChaosLevel, FaultRuleInput[]> = {
  light: [
    { fault: { type: 'status', status: 503 }, ...p(0.02, 1) },
    { fault: { type: 'status', status: 429 }, ...p(0.02, 2) },
    { delay: { type: 'uniform', min_ms: 20, max_ms: 200 }, ...p(0.1, 3) },
  ],
  heavy: [
    { fault: { type: 'status', status: 503 }, ...p(0.05, 1) },
    { fault: { type: 'status', status: 429 }, ...p(0.05, 2) },
    { fault: { type: 'status', status: 500 }, ...p(0.02, 3) },
    { fault: { type: 'status', status: 502 }, ...p(0.02, 4) },
    { fault: { type: 'status', status: 504 }, delay: { type: 'fixed', ms: 1000 }, ...p(0.01, 5) },
    { fault: { type: 'reset' }, ...p(0.02, 6) },
    { fault: { type: 'truncated' }, ...p(0.01, 7) },
    { delay: { type: 'lognormal', median_ms: 100, sigma: 1 }, ...p(0.25, 8) },
  ],
};

/** Whether a text names a chaos preset. */
export const isChaosLevel = (v: unknown): v is ChaosLevel => v === 'light' || v === 'heavy';
