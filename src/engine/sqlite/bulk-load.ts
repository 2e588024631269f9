/**
 * Loading a data set into a fresh store row: rows inserted many per statement, in transactions
 * of a bounded size, with a turn of the event loop between transactions so that other stores
 * keep answering while a large seed loads. Nobody reads the fresh row until it is swapped in.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../../domain/records.js';
import type { RecordBatch, StoreCounts, StoreMeta } from '../backend.js';
import { addressSql, BULK_ROWS, customerSql, groupSql } from './queries.js';
import { addressArgs, customerArgs, groupArgs } from './rows.js';
import type { Runner, Template } from './sql.js';

/** Rows written per transaction of a load (between two turns of the event loop). */
export const LOAD_ROWS_PER_TX = 1_000;

/** What a load wrote: counts, and the ids after the largest ids loaded. */
export interface Loaded {
  counts: StoreCounts;
  next: StoreMeta['nextIds'];
}

/** Runs a function in one transaction of the connection. */
export type InTransaction = <T>(fn: () => T) => T;

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

/** Inserts every record of `batches` under store row `storeId`. */
export async function loadRecords(
  sql: Runner,
  inTx: InTransaction,
  storeId: number,
  batches: AsyncIterable<RecordBatch>,
): Promise<Loaded> {
  const counts: StoreCounts = { customers: 0, addresses: 0, groups: 0 };
  const next = { customers: 1, addresses: 1, groups: 1 };
  const write = async <R extends { id: number }>(kind: Kind<R>, records: readonly R[] | undefined) => {
    if (!records?.length) return;
    for (let start = 0; start < records.length; start += LOAD_ROWS_PER_TX) {
      // A turn first: the batch was just made (a slice of a generated world) in this turn.
      await nextTurn();
      const slice = records.slice(start, start + LOAD_ROWS_PER_TX);
      inTx(() => insertMany(sql, kind, storeId, slice));
    }
    for (const r of records) if (r.id >= next[kind.count]) next[kind.count] = r.id + 1;
    counts[kind.count] += records.length;
  };
  for await (const batch of batches) {
    await write(GROUPS, batch.groups);
    await write(CUSTOMERS, batch.customers);
    await write(ADDRESSES, batch.addresses);
  }
  return { counts, next };
}

/** Inserts records, `BULK_ROWS` per statement and the rest one by one. */
function insertMany<R>(sql: Runner, kind: Kind<R>, storeId: number, records: readonly R[]): void {
  let i = 0;
  for (; i + BULK_ROWS <= records.length; i += BULK_ROWS) {
    const args: unknown[] = [];
    for (let j = i; j < i + BULK_ROWS; j++) {
      for (const v of kind.args(storeId, records[j] as R)) args.push(v);
    }
    sql.run(kind.many, args);
  }
  for (; i < records.length; i++) sql.run(kind.one, kind.args(storeId, records[i] as R));
}
