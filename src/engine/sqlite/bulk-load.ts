/**
 * Loading a data set into a fresh store row: rows inserted many per statement, in transactions
 * cut by time (each one as many rows as fit in a few milliseconds), with a turn of the event
 * loop between them so that other stores keep answering while a large seed loads. Every table
 * grows at its end (ids ascend); the email index, whose keys come in random order, is written
 * last, merged into key order (sorted-runs.ts). Nobody reads the fresh row until the swap.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../../domain/records.js';
import type { RecordBatch, StoreCounts, StoreMeta } from '../backend.js';
import { SortedIds } from '../memory/sorted-ids.js';
import { addressSql, BULK_ROWS, customerSql, emailSql, groupSql } from './queries.js';
import { addressArgs, customerArgs, emailKeyOf, groupArgs } from './rows.js';
import { SortedRuns, type KeyedId } from './sorted-runs.js';
import type { Runner, Template } from './sql.js';

/** Milliseconds of inserting per transaction of a load, before it commits and lets others run. */
export const LOAD_SLICE_MS = 15;

/** What a load wrote: counts, the ids after the largest ids loaded, and the customer ids. */
export interface Loaded {
  counts: StoreCounts;
  next: StoreMeta['nextIds'];
  customerIds: SortedIds;
}

/** Runs a function in one transaction of the connection. */
export type InTransaction = <T>(fn: () => T) => T;

/** How one kind of record is inserted. */
interface Kind<R> {
  one: Template;
  many: Template;
  args(storeId: number, r: R): unknown[];
  count: keyof StoreCounts;
}

const GROUPS: Kind<GroupRecord> = {
  one: groupSql.insert,
  many: groupSql.insertBulk,
  args: groupArgs,
  count: 'groups',
};
const CUSTOMERS: Kind<CustomerRecord> = {
  one: customerSql.insert,
  many: customerSql.insertBulk,
  args: customerArgs,
  count: 'customers',
};
const ADDRESSES: Kind<AddressRecord> = {
  one: addressSql.insert,
  many: addressSql.insertBulk,
  args: addressArgs,
  count: 'addresses',
};

/** Email rows, written after the customers, in key order. */
const EMAILS: Kind<KeyedId> = {
  one: emailSql.insert,
  many: emailSql.insertBulk,
  args: (storeId, [key, id]) => [storeId, key, id],
  count: 'customers',
};

/** Email rows written per chunk of the merge. */
const EMAIL_CHUNK = 5_000;

/** Records of one kind still to insert, from `at` on. */
interface Pending {
  kind: Kind<never>;
  records: readonly unknown[];
  at: number;
}

/** Inserts every record of `batches` under store row `storeId`. */
export async function loadRecords(
  sql: Runner,
  inTx: InTransaction,
  storeId: number,
  batches: AsyncIterable<RecordBatch>,
): Promise<Loaded> {
  const counts: StoreCounts = { customers: 0, addresses: 0, groups: 0 };
  const next = { customers: 1, addresses: 1, groups: 1 };
  const customerIds = new SortedIds();
  const emails = new SortedRuns();
  const queue: Pending[] = [];
  const add = <R extends { id: number }>(kind: Kind<R>, records: readonly R[] | undefined): void => {
    if (!records?.length) return;
    queue.push({ kind: kind as Kind<never>, records, at: 0 });
    for (const r of records) if (r.id >= next[kind.count]) next[kind.count] = r.id + 1;
    counts[kind.count] += records.length;
  };
  for await (const batch of batches) {
    add(GROUPS, batch.groups);
    add(CUSTOMERS, batch.customers);
    add(ADDRESSES, batch.addresses);
    const run: KeyedId[] = [];
    for (const c of batch.customers ?? []) {
      customerIds.add(c.id);
      run.push([emailKeyOf(c.email), c.id]);
    }
    emails.add(run);
    await drain(sql, inTx, storeId, queue);
  }
  for (const chunk of emails.chunks(EMAIL_CHUNK)) {
    queue.push({ kind: EMAILS as Kind<never>, records: chunk, at: 0 });
    await drain(sql, inTx, storeId, queue);
  }
  return { counts, next, customerIds };
}

/** Inserts what is queued, one time slice per transaction, a turn of the event loop before each. */
async function drain(sql: Runner, inTx: InTransaction, storeId: number, queue: Pending[]): Promise<void> {
  while (queue.length) {
    // A turn first: the batch was just made (a slice of a generated world) in this turn.
    await nextTurn();
    inTx(() => insertFor(sql, storeId, queue, performance.now() + LOAD_SLICE_MS));
  }
}

/** Inserts queued records until the queue is empty or the deadline has passed. */
function insertFor(sql: Runner, storeId: number, queue: Pending[], deadline: number): void {
  while (queue.length && performance.now() < deadline) {
    const p = queue[0] as Pending;
    const end = Math.min(p.records.length, p.at + BULK_ROWS);
    if (end - p.at === BULK_ROWS) {
      const args: unknown[] = [];
      for (let i = p.at; i < end; i++)
        for (const v of p.kind.args(storeId, p.records[i] as never)) args.push(v);
      sql.run(p.kind.many, args);
    } else {
      for (let i = p.at; i < end; i++) sql.run(p.kind.one, p.kind.args(storeId, p.records[i] as never));
    }
    p.at = end;
    if (p.at === p.records.length) queue.shift();
  }
}
