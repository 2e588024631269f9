/**
 * Keys gathered in sorted runs (one run per loaded batch) and read back in key order with a heap
 * merge: a bulk load writes its email index once, key after key, instead of inserting at random
 * places of a large index after every batch (which rewrote most of its pages at every commit).
 */
import type { Text } from './schema.js';

/** A key and the id it points to. */
export type KeyedId = readonly [key: Text, id: number];

/** SQLite's order (BINARY): text by code units here, which differs from UTF-8 only beyond U+FFFF; blobs last. */
function compare(a: Text, b: Text): number {
  if (typeof a === 'string') {
    if (typeof b !== 'string') return -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof b === 'string') return 1;
  return Buffer.compare(a, b);
}

/** Sorted runs of keys, merged on reading. */
export class SortedRuns {
  private readonly runs: KeyedId[][] = [];

  /** Adds a run (sorted here). */
  add(run: KeyedId[]): void {
    if (run.length) this.runs.push(run.sort((x, y) => compare(x[0], y[0])));
  }

  /** Every key in order, `chunk` at a time. */
  *chunks(chunk: number): Generator<KeyedId[]> {
    // A binary heap of run indexes, ordered by each run's next key.
    const at = this.runs.map(() => 0);
    const head = (r: number): Text => (this.runs[r] as KeyedId[])[at[r] as number]?.[0] as Text;
    const less = (r: number, s: number): boolean => compare(head(r), head(s)) < 0;
    const heap = this.runs.map((_, i) => i);
    const down = (from: number): void => {
      let i = from;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l] as number, heap[m] as number)) m = l;
        if (r < heap.length && less(heap[r] as number, heap[m] as number)) m = r;
        if (m === i) return;
        [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
        i = m;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    let out: KeyedId[] = [];
    while (heap.length) {
      const r = heap[0] as number;
      const run = this.runs[r] as KeyedId[];
      out.push(run[at[r] as number] as KeyedId);
      at[r] = (at[r] as number) + 1;
      if ((at[r] as number) === run.length) {
        heap[0] = heap[heap.length - 1] as number;
        heap.pop();
      }
      down(0);
      if (out.length === chunk) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  }
}
