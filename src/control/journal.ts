/**
 * The journal: every request to a store, kept as references (the request's headers and parsed
 * body, the reply as sent) in a ring of a fixed size per store. Nothing is copied, redacted or
 * serialized until the journal is read (see journal-view.ts).
 */
import type { Reply } from '../http/reply.js';
import type { AppliedFault } from './faults.js';
import type { RequestFacts } from './matcher.js';

/** One recorded exchange. */
export interface JournalRecord extends RequestFacts {
  /** Position in the fake's whole journal, from 1 (ids grow across stores). */
  id: number;
  /** The store's clock when the request arrived (epoch ms). */
  at: number;
  /** The store's answer (what was sent unless a fault changed it). */
  reply: Reply;
  /** Rate-limit headers sent with the answer. */
  rate: Record<string, string> | undefined;
  /** From arrival to the last byte written; null while a hung request is still open. */
  durationMs: number | null;
  fault: AppliedFault | null;
}

/** A fixed-size ring of records, oldest first. */
class Ring {
  private readonly items: (JournalRecord | undefined)[];
  private start = 0;
  private length = 0;

  constructor(private readonly size: number) {
    this.items = new Array<JournalRecord | undefined>(size);
  }

  push(r: JournalRecord): void {
    if (this.length < this.size) {
      this.items[(this.start + this.length++) % this.size] = r;
    } else {
      this.items[this.start] = r;
      this.start = (this.start + 1) % this.size;
    }
  }

  toArray(): JournalRecord[] {
    const out: JournalRecord[] = new Array<JournalRecord>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.items[(this.start + i) % this.size] as JournalRecord;
    return out;
  }
}

/** The journals of all stores: `size` records per store, at most `maxStores` stores (oldest dropped). */
export class Journal {
  private seq = 0;
  private readonly rings = new Map<string, Ring>();

  constructor(
    /** Records kept per store. */
    readonly size: number,
    private readonly maxStores: number,
  ) {}

  /** The next record id. */
  nextId(): number {
    return ++this.seq;
  }

  /** Adds a record to a store's journal. */
  record(hash: string, r: JournalRecord): void {
    let ring = this.rings.get(hash);
    if (!ring) {
      ring = new Ring(this.size);
      this.rings.set(hash, ring);
      if (this.rings.size > this.maxStores) this.rings.delete(this.rings.keys().next().value as string);
    }
    ring.push(r);
  }

  /** A store's records, oldest first. */
  entries(hash: string): JournalRecord[] {
    return this.rings.get(hash)?.toArray() ?? [];
  }

  /** Forgets a store's records. */
  clear(hash: string): void {
    this.rings.delete(hash);
  }
}
