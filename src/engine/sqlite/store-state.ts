/**
 * What the backend keeps in memory of each live store: its row id, meta and counts (read at open,
 * written with every commit that changes them), a bounded cache of customer records, the sorted
 * customer ids (pages and id ranges without an OFFSET scan) and the groups (a store has few).
 * All of it is exact because one process owns the file (see open-file.ts): no one else writes.
 */
import type { CustomerRecord, GroupRecord } from '../../domain/records.js';
import type { StoreCounts, StoreMeta } from '../backend.js';
import { SortedIds } from '../memory/sorted-ids.js';
import { customerSql } from './queries.js';
import type { StoreRow } from './schema.js';
import type { Runner } from './sql.js';

/**
 * Customer records by id, at most about `limit` of them: entries live in a young generation; when
 * it is full it becomes the old one (the previous old one goes), and a hit in the old generation
 * moves back to the young one. No bookkeeping per read, unlike a strict LRU.
 */
export class RecordCache {
  private young = new Map<number, CustomerRecord>();
  private old = new Map<number, CustomerRecord>();

  constructor(private readonly limit: number) {}

  /** The cached record of an id. */
  get(id: number): CustomerRecord | undefined {
    const hit = this.young.get(id);
    if (hit !== undefined || this.old.size === 0) return hit;
    const aged = this.old.get(id);
    if (aged !== undefined) this.set(id, aged);
    return aged;
  }

  /** Caches a record (committed data only). */
  set(id: number, c: CustomerRecord): void {
    if (this.limit === 0) return;
    this.young.set(id, c);
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  /** Forgets an id (its record changed or went). */
  delete(id: number): void {
    this.young.delete(id);
    this.old.delete(id);
  }
}

/** One live store. */
export interface StoreState {
  /** Row id of the store in the file: every record row carries it. */
  readonly id: number;
  meta: StoreMeta;
  counts: StoreCounts;
  readonly customers: RecordCache;
  /** Every customer id, in order: built on first need (8 bytes a customer), kept current by commits. */
  ids: SortedIds | null;
  /** The groups in id order, read on first need; null again after a commit that wrote groups. */
  groups: GroupRecord[] | null;
}

/** A store's sorted customer ids, read from the file on first need. */
export function idsOf(state: StoreState, sql: Runner): SortedIds {
  if (!state.ids) {
    const ids = new SortedIds();
    for (const id of sql.column<number>(customerSql.allIds, [state.id])) ids.add(id);
    state.ids = ids;
  }
  return state.ids;
}

/** The state of a store row. */
export const stateOf = (row: StoreRow, cacheLimit: number): StoreState => ({
  id: row.id,
  meta: {
    hash: row.hash as string,
    fingerprint: row.fingerprint,
    nextIds: { customers: row.next_customer_id, addresses: row.next_address_id, groups: row.next_group_id },
  },
  counts: { customers: row.customer_count, addresses: row.address_count, groups: row.group_count },
  customers: new RecordCache(cacheLimit),
  ids: null,
  groups: null,
});

/** The state of a new store, before anything is written to it. */
export const emptyState = (id: number, hash: string, cacheLimit: number): StoreState => ({
  id,
  meta: { hash, fingerprint: null, nextIds: { customers: 1, addresses: 1, groups: 1 } },
  counts: { customers: 0, addresses: 0, groups: 0 },
  customers: new RecordCache(cacheLimit),
  ids: null,
  groups: null,
});

/** The arguments of `storeSql.update` for a store's id, meta and counts. */
export const storeArgs = (id: number, meta: StoreMeta, counts: StoreCounts): unknown[] => [
  id,
  meta.hash,
  meta.fingerprint,
  meta.nextIds.customers,
  meta.nextIds.addresses,
  meta.nextIds.groups,
  counts.customers,
  counts.addresses,
  counts.groups,
];
