import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/export/index.js';

describe('the progress bar', () => {
  it('redraws in place at most every 100 ms, always at the end, and clears its line when done', () => {
    const writes: string[] = [];
    let now = 0;
    const bar = progressBar({ write: (t: string) => writes.push(t), columns: 100 }, 'generating', () => now);
    bar.update(0, 1000);
    now = 50;
    bar.update(500, 1000);
    now = 150;
    bar.update(600, 1000);
    now = 160;
    bar.update(1000, 1000);
    bar.finish();
    expect(writes).toEqual([
      '\rgenerating [------------------------]   0%  0/1000  0.0 s\x1b[K',
      '\rgenerating [##############----------]  60%  600/1000  0.1 s\x1b[K',
      '\rgenerating [########################] 100%  1000/1000  0.2 s\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('shows the count alone when the total is unknown, cut to the terminal width', () => {
    const writes: string[] = [];
    const bar = progressBar(
      { write: (t: string) => writes.push(t), columns: 22 },
      'pushing addresses',
      () => 0,
    );
    bar.update(12);
    expect(writes).toEqual(['\rpushing addresses  12\x1b[K']);
  });
});
