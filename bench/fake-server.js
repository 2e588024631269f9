/**
 * The fake under benchmark, as its own process, from the compiled dist/ (run `npm run build`
 * first): one store seeded with the generator, a rate limit too high to matter, a low scrypt cost,
 * plus one customer whose password was hashed at the default cost (validation reads the cost from
 * the hash, so the two validate cells differ only in hashing).
 *
 * `backend: "sqlite"` keeps the stores in a database file instead of memory (`db`: its path,
 * default a new file in the OS temp folder, removed on exit unless `keepDb`; `sync`: `normal` or
 * `full`). A store found in the file is served as it is, not seeded again.
 *
 * Plain JavaScript on purpose: running it through tsx would add a loader thread and ~50 MB to the
 * RSS this process reports. Usage: `node bench/fake-server.js '<json options>'`; prints one JSON
 * line ({url, pid, seedMs, counts, ...}) once its store is seeded. `journal` is the journal size
 * per store (0, the default here, turns it off).
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer } from '../dist/server.js';
import { worldFill } from '../dist/seed/index.js';
import { hashPassword } from '../dist/domain/passwords.js';
import { createCustomer } from '../dist/engine/customer-ops.js';
import { openSqliteBackend } from '../dist/engine/sqlite/index.js';

const o = {
  store: 'bench',
  seed: 1,
  customers: 10_000,
  groups: 20,
  addressesPerCustomer: [1, 3],
  passwordCost: 16,
  backend: 'memory',
  db: undefined,
  keepDb: false,
  sync: 'normal',
  journal: 0,
  ...JSON.parse(process.argv[2] ?? '{}'),
};

/** The password of the two customers the validate cells check. */
const PASSWORD = 'benchmark1234';
const DEFAULT_COST = 16384;

const dbFile =
  o.backend === 'sqlite'
    ? (o.db ?? path.join(os.tmpdir(), `bc-fakestore-bench-${process.pid}.sqlite`))
    : null;
const backend = dbFile ? openSqliteBackend(dbFile, { synchronous: o.sync }) : undefined;

const running = await startServer({
  port: 0,
  rateLimit: { quota: 1_000_000_000, windowMs: 30_000 },
  validateRateLimit: { quota: 1_000_000_000, windowMs: 30_000 },
  passwordCost: o.passwordCost,
  journalSize: o.journal,
  ...(backend ? { backend } : {}),
  // As `bc-fakestore serve` seeds a store: generated straight into it, a slice at a time.
  prime: (hash) =>
    worldFill({
      seed: o.seed,
      storeHash: hash,
      customers: o.customers,
      groups: o.groups,
      addressesPerCustomer: o.addressesPerCustomer,
    }),
});

const seeding = performance.now();
const store = await running.app.stores.open(o.store);
const seedMs = performance.now() - seeding;
const now = Math.floor(Date.now() / 1000) * 1000;
const withPassword = async (name, cost) => {
  const hash = await hashPassword(PASSWORD, cost);
  const email = `bench-${name}-${process.pid}@example.com`;
  const c = await store.write((tx) =>
    createCustomer(tx, { first_name: 'Bench', last_name: name, email }, hash, now),
  );
  return c.id;
};
const lowCostId = await withPassword('low-cost', o.passwordCost);
const defaultCostId = await withPassword('default-cost', DEFAULT_COST);

process.stdout.write(
  `${JSON.stringify({
    url: running.url,
    pid: process.pid,
    store: o.store,
    backend: backend ? 'sqlite' : 'memory',
    db: dbFile,
    seedMs,
    counts: await store.read((v) => v.counts()),
    password: PASSWORD,
    lowCostId,
    defaultCostId,
  })}\n`,
);

const stop = async () => {
  await running.close();
  if (dbFile && !o.keepDb) for (const f of [dbFile, `${dbFile}-wal`]) rmSync(f, { force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
