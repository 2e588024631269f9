/**
 * Virtual time: one clock for the whole fake and, once a test moves it, one per store. Every
 * store reads `now(hash)` (dates, rate-limit windows, `X-Retry-After`); a clock is real time,
 * real time shifted by an offset, or frozen at an instant.
 */

/** How one clock tells time: frozen at an instant, or the base clock plus an offset. */
interface ClockSetting {
  frozenAt: number | null;
  offsetMs: number;
}

/** A change to a clock, as the admin API takes it. */
export type ClockAction =
  | { action: 'freeze'; at?: number }
  | { action: 'set'; at: number }
  | { action: 'advance'; byMs: number }
  | { action: 'real' };

/** How a clock stands, as the admin API shows it. */
export interface ClockView {
  scope: 'global' | 'store';
  /** `real` (no offset), `shifted` (running, with an offset) or `frozen`. */
  mode: 'real' | 'shifted' | 'frozen';
  now: string;
  offset_ms: number;
}

/** Where a fake's clock starts (`serve --clock frozen@2024-01-01T00:00:00Z`). */
export interface ClockStart {
  at: number;
  frozen: boolean;
}

/** Most stores with a clock of their own; past it the oldest goes back to the global clock. */
const MAX_STORE_CLOCKS = 10_000;

/** The global clock and the stores' own clocks, over one base time source. */
export class Clocks {
  private readonly global: ClockSetting = { frozenAt: null, offsetMs: 0 };
  private readonly stores = new Map<string, ClockSetting>();

  constructor(
    private readonly base: () => number,
    start?: ClockStart,
  ) {
    if (start) this.global = settingAt(start.at, start.frozen, base());
  }

  /** The time (epoch ms) a store sees; without a hash, the global clock's. */
  now(hash?: string): number {
    const s = (hash !== undefined && this.stores.size > 0 && this.stores.get(hash)) || this.global;
    return s.frozenAt ?? this.base() + s.offsetMs;
  }

  /** Changes the global clock (hash undefined) or a store's own clock, and shows it. */
  change(hash: string | undefined, change: ClockAction): ClockView {
    const s = hash === undefined ? this.global : this.own(hash);
    const base = this.base();
    const current = s.frozenAt ?? base + s.offsetMs;
    switch (change.action) {
      case 'freeze':
        s.frozenAt = change.at ?? current;
        break;
      case 'set':
        if (s.frozenAt !== null) s.frozenAt = change.at;
        else s.offsetMs = change.at - base;
        break;
      case 'advance':
        if (s.frozenAt !== null) s.frozenAt += change.byMs;
        else s.offsetMs += change.byMs;
        break;
      case 'real':
        s.frozenAt = null;
        s.offsetMs = 0;
        break;
    }
    return this.view(hash);
  }

  /** A store follows the global clock again; false when it had no clock of its own. */
  follow(hash: string): boolean {
    return this.stores.delete(hash);
  }

  /** How the global clock (hash undefined) or the clock a store reads stands. */
  view(hash?: string): ClockView {
    const own = hash === undefined ? undefined : this.stores.get(hash);
    const s = own ?? this.global;
    const now = this.now(hash);
    const mode = s.frozenAt !== null ? 'frozen' : s.offsetMs === 0 ? 'real' : 'shifted';
    return {
      scope: own ? 'store' : 'global',
      mode,
      now: new Date(now).toISOString(),
      offset_ms: s.frozenAt !== null ? now - this.base() : s.offsetMs,
    };
  }

  /** A store's own clock, made from the global one on first change. */
  private own(hash: string): ClockSetting {
    let s = this.stores.get(hash);
    if (!s) {
      s = { ...this.global };
      this.stores.set(hash, s);
      if (this.stores.size > MAX_STORE_CLOCKS) this.stores.delete(this.stores.keys().next().value as string);
    }
    return s;
  }
}

function settingAt(at: number, frozen: boolean, base: number): ClockSetting {
  return frozen ? { frozenAt: at, offsetMs: 0 } : { frozenAt: null, offsetMs: at - base };
}
