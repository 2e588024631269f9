/**
 * Removing the rows of retired stores (reset, reseeded, deleted, or a load a crash cut short) in
 * the background, a bounded number of rows per transaction with a turn of the event loop between,
 * so that dropping a store of a million customers never stalls the others. A store's row goes
 * last, once it has no record left; what a stop leaves is found again at the next open.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { InTransaction } from './bulk-load.js';
import { addressSql, customerSql, emailSql, groupSql, storeSql } from './queries.js';
import type { Runner } from './sql.js';

/** Rows of each table removed per transaction. */
const ROWS_PER_STEP = 2_000;

/** Removes retired stores' rows, one store after the other. */
export class Cleaner {
  private readonly queue: number[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly sql: Runner,
    private readonly inTx: InTransaction,
  ) {}

  /** Queues the rows of a retired store row for removal. */
  retire(storeId: number): void {
    if (this.stopped || this.queue.includes(storeId)) return;
    this.queue.push(storeId);
    this.running ??= this.work().finally(() => {
      this.running = null;
    });
  }

  /** Settles once nothing is queued (for tests and for close). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops after the step running now; the rest waits for the next open. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async work(): Promise<void> {
    while (this.queue.length && !this.stopped) {
      await nextTurn();
      if (this.stopped) return;
      const storeId = this.queue[0] as number;
      if (this.step(storeId)) this.queue.shift();
    }
  }

  /** Removes one step of a store's rows; true once the store is gone. */
  private step(storeId: number): boolean {
    return this.inTx(() => {
      let removed = 0;
      for (const t of [
        addressSql.deleteSome,
        emailSql.deleteSome,
        customerSql.deleteSome,
        groupSql.deleteSome,
      ]) {
        removed += this.sql.run(t, [storeId, ROWS_PER_STEP]);
      }
      if (removed > 0) return false;
      this.sql.run(storeSql.remove, [storeId]);
      return true;
    });
  }
}
