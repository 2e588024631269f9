/** A one-line progress bar for long CLI runs, redrawn in place (only ever given a TTY stream). */

/** Where the bar draws: a terminal stream (process.stderr when it is a TTY). */
export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

/** A bar's handle: report progress, then finish (which clears the line). */
export interface ProgressBar {
  /** Redraws (at most every 100 ms); without a total it shows the count only. */
  update(done: number, total?: number): void;
  finish(): void;
}

const REDRAW_MS = 100;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Draws `label [#####-----]  45%  450000/1000000  3.2 s` (or `label  450000  3.2 s`). */
export function progressBar(
  stream: ProgressStream,
  label: string,
  clock: () => number = Date.now,
): ProgressBar {
  const start = clock();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const now = clock();
      if (now - last < REDRAW_MS && (total === undefined || done < total)) return;
      last = now;
      let line = `${label}  ${done}  ${seconds(now - start)}`;
      if (total !== undefined) {
        const share = total === 0 ? 1 : Math.min(1, done / total);
        const width = 24;
        const filled = Math.round(share * width);
        const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
        line = `${label} ${bar} ${String(Math.floor(share * 100)).padStart(3)}%  ${done}/${total}  ${seconds(now - start)}`;
      }
      stream.write(`\r${line.slice(0, Math.max(20, (stream.columns || 80) - 1))}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
