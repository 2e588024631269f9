/**
 * The fake under benchmark, as its own process, from the compiled dist/ (run `npm run build`
 * first): one store seeded with the generator, a rate limit too high to matter, a low scrypt cost,
 * plus one customer whose password was hashed at the default cost (validation reads the cost from
 * the hash, so the two validate cells differ only in hashing).
 *
 * Plain JavaScript on purpose: running it through tsx would add a loader thread and ~50 MB to the
 * RSS this process reports. Usage: `node bench/fake-server.js '<json options>'`; prints one JSON
 * line ({url, pid, seedMs, counts, ...}) once its store is seeded.
 */
import { performance } from 'node:perf_hooks';
import { startServer } from '../dist/server.js';
import { loadWorld } from '../dist/seed/index.js';
import { hashPassword } from '../dist/store/passwords.js';

const o = {
  store: 'bench',
  seed: 1,
  customers: 10_000,
  groups: 20,
  addressesPerCustomer: [1, 3],
  passwordCost: 16,
  ...JSON.parse(process.argv[2] ?? '{}'),
};

/** The password of the two customers the validate cells check. */
const PASSWORD = 'benchmark1234';
const DEFAULT_COST = 16384;

const running = await startServer({
  port: 0,
  rateLimit: { quota: 1_000_000_000, windowMs: 30_000 },
  validateRateLimit: { quota: 1_000_000_000, windowMs: 30_000 },
  passwordCost: o.passwordCost,
  // As `bc-fakestore serve` seeds a store: generated straight into it, a slice at a time.
  prime: (tenant) =>
    loadWorld(tenant, {
      seed: o.seed,
      storeHash: tenant.hash,
      customers: o.customers,
      groups: o.groups,
      addressesPerCustomer: o.addressesPerCustomer,
    }),
});

const seeding = performance.now();
const tenant = await running.app.stores.open(o.store);
const seedMs = performance.now() - seeding;
const now = Math.floor(Date.now() / 1000) * 1000;
const withPassword = async (name, cost) =>
  tenant.customers.create(
    { first_name: 'Bench', last_name: name, email: `bench-${name}@example.com` },
    await hashPassword(PASSWORD, cost),
    now,
  ).id;
const lowCostId = await withPassword('low-cost', o.passwordCost);
const defaultCostId = await withPassword('default-cost', DEFAULT_COST);

process.stdout.write(
  `${JSON.stringify({
    url: running.url,
    pid: process.pid,
    store: o.store,
    seedMs,
    counts: tenant.counts(),
    password: PASSWORD,
    lowCostId,
    defaultCostId,
  })}\n`,
);

const stop = () => running.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
