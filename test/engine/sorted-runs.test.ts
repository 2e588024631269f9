/** The merge behind a bulk load's email index: runs in any order come out as one sorted sequence. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { SortedRuns, type KeyedId } from '../../src/engine/sqlite/sorted-runs.js';

describe('sorted runs', () => {
  test.prop([
    fc.array(fc.array(fc.string(), { maxLength: 40 }), { maxLength: 12 }),
    fc.integer({ min: 1, max: 7 }),
  ])('give back every key once, in order, in chunks of the size asked', (runs, chunk) => {
    const sorted = new SortedRuns();
    let id = 0;
    for (const run of runs) sorted.add(run.map((key): KeyedId => [key, id++]));
    const chunks = [...sorted.chunks(chunk)];
    const keys = chunks.flat().map(([key]) => key as string);
    expect(keys).toEqual(runs.flat().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(chunks.flat().map(([, i]) => i)).size).toBe(id);
    expect(chunks.slice(0, -1).every((c) => c.length === chunk)).toBe(true);
  });

  test('puts keys kept as code units (not well-formed text) after every text key', () => {
    const sorted = new SortedRuns();
    sorted.add([
      [Buffer.from('a'), 1],
      ['z', 2],
    ]);
    sorted.add([['b', 3]]);
    expect([...sorted.chunks(10)].flat().map(([, id]) => id)).toEqual([3, 2, 1]);
  });
});
