/**
 * The SQLite file backend: every store in one database file, owned by one process. A write is one
 * SQLite transaction, committed (in the WAL) before the operation returns, so before the answer
 * goes out; a restart finds every store as it was. Rules stay in the engine: this file stores.
 */
import type { Backend } from '../backend.js';
import { runSync } from '../op.js';
import { loadRecords, type InTransaction } from './bulk-load.js';
import { Cleaner } from './cleanup.js';
import { openDatabaseFile, type OpenFileOptions } from './open-file.js';
import { storeSql } from './queries.js';
import type { StoreRow } from './schema.js';
import { Runner } from './sql.js';
import { SqliteTx } from './sqlite-tx.js';
import { SqliteView } from './sqlite-view.js';
import { emptyState, stateOf, storeArgs, type StoreState } from './store-state.js';

/** Options of `openSqliteBackend`. */
export interface SqliteBackendOptions extends OpenFileOptions {
  /** Customer records cached per store (decoded rows, for reads); default 20,000; 0 for none. */
  cacheRecords?: number;
}

/** The SQLite backend, with what tests and the CLI may want to know of it. */
export interface SqliteBackend extends Backend {
  readonly name: 'sqlite';
  /** The database file. */
  readonly file: string;
  /** Settles once the rows of retired stores are removed. */
  idle(): Promise<void>;
}

/**
 * Opens (or creates) a database file and serves the stores in it. Throws a `DatabaseFileError`
 * (one line) when the file is another program's, damaged, newer than this build, or in use.
 */
export function openSqliteBackend(file: string, options: SqliteBackendOptions = {}): SqliteBackend {
  const db = openDatabaseFile(file, options);
  const sql = new Runner(db);
  const transaction = db.transaction((fn: () => unknown) => fn());
  const inTx: InTransaction = (fn) => transaction(fn) as ReturnType<typeof fn>;
  const cacheLimit = options.cacheRecords ?? 20_000;
  /** The live stores by hash, in the order they were created or last filled (oldest first). */
  const states = new Map<string, StoreState>();
  for (const row of sql.all<StoreRow>(storeSql.live, []))
    states.set(row.hash as string, stateOf(row, cacheLimit));
  const cleaner = new Cleaner(sql, inTx);
  for (const id of sql.column<number>(storeSql.orphans, [])) cleaner.retire(id);
  let closed = false;

  const open = (): void => {
    if (closed) throw new Error(`the store database ${file} is closed`);
  };

  const newState = (id: number, hash: string): StoreState => emptyState(id, hash, cacheLimit);

  return {
    name: 'sqlite',
    durable: true,
    file,
    // eslint-disable-next-line require-yield
    *storeHashes() {
      return [...states.keys()];
    },
    view(hash) {
      open();
      return new SqliteView(sql, states.get(hash));
    },
    transact(hash, work) {
      open();
      const done = inTx(() => {
        const known = states.get(hash);
        const state = known ?? newState(sql.insertId(storeSql.insert, [hash, null]), hash);
        const tx = new SqliteTx(sql, state);
        const value = runSync(work(tx));
        tx.flush();
        return { value, tx, created: known ? undefined : state };
      });
      if (done.created) states.set(hash, done.created);
      done.tx.committed();
      return done.value;
    },
    async replace(hash, batches, finish) {
      open();
      // The new data goes under a row of its own that answers to no hash until the swap; a
      // failure or a crash before it leaves an orphan row, removed in the background.
      const id = sql.insertId(storeSql.insert, [null, hash]);
      let swapped = false;
      try {
        const loaded = await loadRecords(sql, inTx, id, batches);
        open();
        const fill = finish();
        const state = newState(id, hash);
        state.meta = { hash, fingerprint: fill.fingerprint, nextIds: { ...(fill.nextIds ?? loaded.next) } };
        state.counts = loaded.counts;
        state.ids = loaded.customerIds;
        const old = states.get(hash);
        inTx(() => {
          if (old) sql.run(storeSql.retire, [old.id]);
          sql.run(storeSql.update, storeArgs(id, state.meta, state.counts));
        });
        swapped = true;
        states.delete(hash);
        states.set(hash, state);
        if (old) cleaner.retire(old.id);
      } finally {
        if (!swapped && !closed) cleaner.retire(id);
      }
    },
    // eslint-disable-next-line require-yield
    *drop(hash) {
      open();
      const state = states.get(hash);
      if (!state) return false;
      sql.run(storeSql.retire, [state.id]);
      states.delete(hash);
      cleaner.retire(state.id);
      return true;
    },
    idle: () => cleaner.idle(),
    async close() {
      if (closed) return;
      closed = true;
      await cleaner.stop();
      db.close();
    },
  };
}
