/**
 * What lets a test watch and steer the fake, per store: the journal, fault rules, virtual clocks,
 * snapshots and API coverage. The pipeline (src/app.ts) calls `observe` after every answer to a
 * store and `deliverFault` when a rule fired; both cost nothing while the journal is off and no
 * store has rules (a Map lookup for coverage).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isStoreHash } from '../config.js';
import type { Reply } from '../http/reply.js';
import { CHAOS_PRESETS, type ChaosLevel } from './chaos.js';
import { Clocks, type ClockStart } from './clock.js';
import { Coverage } from './coverage.js';
import { deliverFault } from './fault-delivery.js';
import { Faults, type AppliedFault } from './faults.js';
import { Journal } from './journal.js';
import { Snapshots } from './snapshots.js';

/** The options the control plane reads (see src/options.ts). */
export interface ControlOptions {
  /** Base time source (epoch ms). */
  clock: () => number;
  /** Where the clocks start; default: real time. */
  clockStart?: ClockStart;
  /** Journal records kept per store; 0 turns the journal off. */
  journalSize: number;
  /** Fault rules every store starts with. */
  chaos?: ChaosLevel;
  /** Most stores whose journal is kept. */
  maxStores: number;
  /** The V2 operation of a method and whole path (for requests refused before routing), or null. */
  operationOf: (method: string, path: string) => string | null;
}

/** What the pipeline served for one request to a store. */
export interface Served {
  reply: Reply;
  rate?: Record<string, string>;
  /** The operation the request was routed to, when it got that far. */
  operationId?: string;
  /** The parsed request body, when it was read. */
  body?: unknown;
  fault?: AppliedFault;
}

/** The control plane of one fake. */
export class Control {
  readonly clocks: Clocks;
  readonly journal: Journal | null;
  readonly faults: Faults;
  readonly coverage = new Coverage();
  readonly snapshots = new Snapshots();

  private readonly operationOf: ControlOptions['operationOf'];

  constructor(o: ControlOptions) {
    this.operationOf = o.operationOf;
    this.clocks = new Clocks(o.clock, o.clockStart);
    this.journal = o.journalSize > 0 ? new Journal(o.journalSize, o.maxStores) : null;
    this.faults = new Faults(o.chaos ? CHAOS_PRESETS[o.chaos] : []);
  }

  /** Whether requests need timing (the journal keeps durations). */
  get timed(): boolean {
    return this.journal !== null;
  }

  /** The fault a routed request gets, if a rule fires (call only when `faults.active`). */
  decideFault(
    hash: string,
    method: string,
    path: string,
    search: string,
    req: IncomingMessage,
    body: unknown,
    route: { operationId: string },
  ): AppliedFault | undefined {
    return this.faults.decide(hash, {
      method,
      path,
      search,
      headers: req.headers,
      body,
      operationId: route.operationId,
    });
  }

  /**
   * Puts a fault on the wire (after its delay). `present` turns a reply into what goes out (format,
   * CORS); `sendStore` writes the store's own answer; `done` runs once the outcome is known.
   */
  deliverFault(
    res: ServerResponse,
    served: Served,
    head: boolean,
    present: (reply: Reply) => Reply,
    sendStore: () => void,
    done: () => void,
  ): void {
    deliverFault(res, served, served.fault as AppliedFault, { head, present, sendStore, done });
  }

  /**
   * Records an answered request to a store: coverage always, the journal when it is on. `sent` is
   * the reply as it went out (its format); a page is kept as the cached documents it was made of.
   */
  observe(
    hash: string,
    method: string,
    path: string,
    search: string,
    req: IncomingMessage,
    s: Served,
    sent: Reply,
    started: number,
  ): void {
    // A request that was routed had its store hash checked already.
    const isStore = s.operationId !== undefined || isStoreHash(hash);
    const operationId = s.operationId ?? (isStore ? this.operationOf(method, path) : null);
    const f = s.fault;
    if (f?.effect) this.coverage.countFault(operationId, faultKind(f));
    else this.coverage.count(operationId, s.reply.status);
    if (this.journal === null || !isStore) return;
    this.journal.record(hash, {
      id: this.journal.nextId(),
      at: this.clocks.now(hash),
      method,
      path,
      search,
      headers: req.headers,
      body: s.body,
      operationId,
      reply: sent.parts ? { status: sent.status, parts: sent.parts } : sent,
      rate: s.rate,
      durationMs: f?.effect?.type === 'hang' ? null : performance.now() - started,
      fault: f ?? null,
    });
  }
}

/** How coverage names an injected fault: its status, or its type. */
const faultKind = (f: AppliedFault): string =>
  f.effect?.type === 'status' ? String(f.effect.status) : (f.effect?.type ?? 'delay');
