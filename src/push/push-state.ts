/**
 * The resume file of a push: which source ids became which ids in the target store. One JSON
 * object per line, appended as entities are created, so an interrupted push loses at most the
 * line it was writing; the first line says which store and which data set it belongs to.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { EntityCounts } from '../dataset/index.js';

/** A state file that belongs to another store or data set, or is not a state file. */
export class PushStateError extends Error {
  override readonly name = 'PushStateError';
}

type Kind = keyof EntityCounts;

interface Header {
  'bc-fakestore-push': 1;
  target: string;
  source: string;
}

function parseLine<T>(line: string): Partial<T> | undefined {
  try {
    return JSON.parse(line) as Partial<T>;
  } catch {
    return undefined;
  }
}

/** Source id → target id, per kind; kept on disk when a path is given. */
export class PushState {
  readonly ids: Record<Kind, Map<number, number>> = {
    groups: new Map(),
    customers: new Map(),
    addresses: new Map(),
  };

  private constructor(
    private path: string | undefined,
    private readonly header: Header,
  ) {}

  /** The file the state is kept in, if any. */
  get file(): string | undefined {
    return this.path;
  }

  /** Opens (or starts) the state of pushing `source` to `target`; no path keeps it in memory only. */
  static open(path: string | undefined, target: string, source: string): PushState {
    const state = new PushState(path, { 'bc-fakestore-push': 1, target, source });
    const text = path && existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (path && text.trim() === '') writeFileSync(path, `${JSON.stringify(state.header)}\n`);
    if (!path || text.trim() === '') return state;
    const [first = '', ...rest] = text.split('\n');
    const header = parseLine<Header>(first);
    if (header?.['bc-fakestore-push'] !== 1) throw new PushStateError(`${path} is not a push state file`);
    if (header.target !== target) {
      throw new PushStateError(
        `${path} records a push to ${header.target}, not ${target}; use another --state file`,
      );
    }
    if (header.source !== source) {
      throw new PushStateError(`${path} records the push of another data set; use another --state file`);
    }
    for (const line of rest) {
      // A line cut short by an interruption does not parse: that entity is found again by lookup.
      const entry = parseLine<{ kind?: Kind; from?: number; to?: number }>(line);
      if (
        entry?.kind &&
        state.ids[entry.kind] &&
        typeof entry.from === 'number' &&
        typeof entry.to === 'number'
      ) {
        state.ids[entry.kind].set(entry.from, entry.to);
      }
    }
    return state;
  }

  /** Records that source `from` is `to` in the target store. */
  record(kind: Kind, from: number, to: number): void {
    this.ids[kind].set(from, to);
    if (this.path) appendFileSync(this.path, `${JSON.stringify({ kind, from, to })}\n`);
  }

  /** Writes everything recorded to a new file and keeps the state there from now on. */
  saveAs(path: string): void {
    const lines = [JSON.stringify(this.header)];
    for (const [kind, ids] of Object.entries(this.ids)) {
      for (const [from, to] of ids) lines.push(JSON.stringify({ kind, from, to }));
    }
    writeFileSync(path, `${lines.join('\n')}\n`, { flag: 'wx' });
    this.path = path;
  }
}
