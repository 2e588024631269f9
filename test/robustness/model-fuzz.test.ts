/**
 * Generated traffic: fast-check command sequences of valid and invalid requests against one
 * store, each answer checked against the spec and a model, the whole store read back after every
 * step. Replay a failure with FUZZ_SEED (and FUZZ_PATH) from fast-check's report; run long with
 * `npm run fuzz -- --runs 2000`.
 */
import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz-model.js';

// npm test uses a fixed seed so the gate is repeatable; FUZZ_SEED (or `npm run fuzz`, which
// draws a new seed each run) explores further.
const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const path = process.env.FUZZ_PATH;
const runs = Number(process.env.FUZZ_RUNS ?? 60);

describe('generated traffic against one store', () => {
  it('answers every generated request as the model predicts, never with a 5xx, keeping every invariant', async () => {
    const stats = await runFuzz({ runs, seed, path, maxCommands: 50 });
    expect(stats.serverErrors).toBe(0);
    expect(stats.requests).toBeGreaterThan(runs * 10);
  }, 60_000);
});
