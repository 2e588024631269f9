/**
 * The SQLite backend under the engine: what it keeps across a reopen, what a failed write or load
 * leaves, what readers see during a replace, and exact strings.
 */
import { describe, expect, it } from 'vitest';
import { createAddress } from '../../src/engine/address-ops.js';
import type { RecordBatch } from '../../src/engine/backend.js';
import { createCustomer, deleteCustomer, updateCustomer } from '../../src/engine/customer-ops.js';
import { createGroup } from '../../src/engine/group-ops.js';
import { run } from '../../src/engine/op.js';
import { openSqliteBackend, type SqliteBackend } from '../../src/engine/sqlite/index.js';
import { Stores } from '../../src/engine/stores.js';
import { worldFill } from '../../src/seed/index.js';
import { newAddress, newCustomer } from '../helpers.js';
import { dbFiles } from '../durability/db-files.js';

const files = dbFiles();
const NOW = Date.parse('2024-03-01T10:00:00Z');

/** A registry over a backend on `file`, and a way to reopen both as after a restart. */
function open(file: string, prime: (hash: string) => ReturnType<typeof worldFill> | null = () => null) {
  const backend = openSqliteBackend(file);
  return { backend, stores: new Stores({ backend, prime }) };
}

async function everything(backend: SqliteBackend, hash: string) {
  const v = backend.view(hash);
  const customers = await run(v.customersAfter(0, 1_000));
  return {
    meta: await run(v.meta()),
    counts: await run(v.counts()),
    customers,
    addresses: await run(v.addressesOf(customers.map((c) => c.id))),
    groups: await run(v.groupPage({}, { page: 1, limit: 250 })),
  };
}

describe('the SQLite backend', () => {
  it('keeps every store across a reopen: records, fingerprint, next ids and counts', async () => {
    const file = files.file();
    const first = open(file, (hash) => worldFill({ storeHash: hash, customers: 40 }));
    const store = await first.stores.open('kept');
    await store.write((tx) => createGroup(tx, { name: 'Later' }, NOW));
    const c = await store.write((tx) => createCustomer(tx, newCustomer('x'), 'scrypt$16$salt$hash', NOW));
    await store.write((tx) => createAddress(tx, c.id, newAddress()));
    await store.write((tx) => updateCustomer(tx, 3, { notes: 'changed' }, undefined, NOW + 1000));
    await store.write((tx) => deleteCustomer(tx, c.id));
    const before = await everything(first.backend, 'kept');
    await first.stores.close();

    const second = open(file);
    expect(await everything(second.backend, 'kept')).toEqual(before);
    expect(before.meta?.nextIds.customers).toBe(42);
    expect(before.meta?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Ids are never reused: the next customer is 42, although 41 was deleted.
    const next = await (
      await second.stores.open('kept')
    ).write((tx) => createCustomer(tx, newCustomer('y'), null, NOW));
    expect(next.id).toBe(42);
    await second.stores.close();
  });

  it('opens a store it finds in the file as it is, without asking prime', async () => {
    const file = files.file();
    const first = open(file, (hash) => worldFill({ storeHash: hash, customers: 5 }));
    await first.stores.open('found');
    await first.stores.close();
    const asked: string[] = [];
    const second = open(file, (hash) => (asked.push(hash), worldFill({ storeHash: hash, customers: 9 })));
    const store = await second.stores.open('found');
    expect(await store.read((v) => v.counts())).toMatchObject({ customers: 5 });
    await second.stores.open('new-one');
    expect(asked).toEqual(['new-one']);
    await second.stores.close();
  });

  it('rolls back every write of an operation that fails, and keeps counts and ids as they were', async () => {
    const { backend, stores } = open(files.file());
    const store = await stores.open('s');
    await store.write((tx) => createCustomer(tx, newCustomer(1), null, NOW));
    const failing = () =>
      store.write(function* (tx) {
        yield* createCustomer(tx, newCustomer(2), null, NOW);
        yield* createAddress(tx, 1, newAddress());
        throw new Error('fails after two writes');
      });
    expect(failing).toThrow('fails after two writes');
    expect(await run(backend.view('s').counts())).toEqual({ customers: 1, addresses: 0, groups: 0 });
    expect(await run(backend.view('s').customer(2))).toBeUndefined();
    expect((await run(backend.view('s').meta()))?.nextIds).toEqual({ customers: 2, addresses: 1, groups: 1 });
    await stores.close();
  });

  it('shows the old data to readers until a replace swaps the new data in', async () => {
    const { backend, stores } = open(files.file(), (hash) => worldFill({ storeHash: hash, customers: 3 }));
    await stores.open('s');
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slowBatches(): AsyncGenerator<RecordBatch> {
      yield {
        customers: (await run(backend.view('s').customersAfter(0, 1))).map((c) => ({ ...c, notes: 'new' })),
      };
      await gate;
    }
    const replacing = backend.replace('s', slowBatches(), () => ({ fingerprint: 'new' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await run(backend.view('s').counts())).toMatchObject({ customers: 3 });
    expect((await run(backend.view('s').customer(1)))?.notes).toBe('');
    release();
    await replacing;
    expect(await run(backend.view('s').counts())).toMatchObject({ customers: 1 });
    expect((await run(backend.view('s').customer(1)))?.notes).toBe('new');
    expect((await run(backend.view('s').meta()))?.fingerprint).toBe('new');
    await stores.close();
  });

  it('leaves the old data when a load fails, and removes the rows it had written', async () => {
    const file = files.file();
    const { backend, stores } = open(file, (hash) => worldFill({ storeHash: hash, customers: 4 }));
    await stores.open('s');
    async function* failing(): AsyncGenerator<RecordBatch> {
      yield* worldFill({ storeHash: 's', customers: 3_000 }).batches();
      throw new Error('generator broke');
    }
    await expect(backend.replace('s', failing(), () => ({ fingerprint: null }))).rejects.toThrow(
      'generator broke',
    );
    expect(await run(backend.view('s').counts())).toMatchObject({ customers: 4 });
    await backend.idle();
    await stores.close();
    // Reopened, the file holds one store and only its rows.
    const again = openSqliteBackend(file);
    expect(await run(again.storeHashes())).toEqual(['s']);
    expect(await run(again.view('s').customersAfter(0, 10_000))).toHaveLength(4);
    await again.close();
  });

  it('refuses a data set that gives one email (in any case) to two customers, keeping the old data', async () => {
    const { backend, stores } = open(files.file(), (hash) => worldFill({ storeHash: hash, customers: 4 }));
    await stores.open('s');
    const [a, b] = await run(backend.view('s').customersAfter(0, 2));
    async function* twice(): AsyncGenerator<RecordBatch> {
      yield { customers: [a!, { ...b!, email: a!.email.toUpperCase() }] };
    }
    await expect(backend.replace('s', twice(), () => ({ fingerprint: null }))).rejects.toThrow(/UNIQUE/);
    expect(await run(backend.view('s').counts())).toMatchObject({ customers: 4 });
    expect(await run(backend.view('s').customerIdByEmail(b!.email))).toBe(b!.id);
    await stores.close();
  });

  it('forgets a dropped store for good, and a reset store keeps only its new data', async () => {
    const file = files.file();
    const first = open(file, (hash) => worldFill({ storeHash: hash, customers: 6 }));
    await first.stores.open('dropped');
    await first.stores.open('reset');
    await first.stores.delete('dropped');
    await first.stores.fill('reset', null);
    await first.stores.close();
    const second = open(file);
    expect(await second.stores.hashes()).toEqual(['reset']);
    expect(await run(second.backend.view('reset').counts())).toEqual({
      customers: 0,
      addresses: 0,
      groups: 0,
    });
    await second.stores.close();
  });

  it('keeps strings that are not well-formed Unicode exactly, and finds them by filter', async () => {
    const file = files.file();
    const first = open(file);
    const store = await first.stores.open('u');
    const odd = 'Jo\ud800e \u0000 😀';
    await store.write((tx) =>
      createCustomer(tx, newCustomer(1, { first_name: odd, last_name: odd }), null, NOW),
    );
    await first.stores.close();
    const second = open(file);
    const c = await run(second.backend.view('u').customer(1));
    expect(c?.first_name).toBe(odd);
    const found = await run(second.backend.view('u').customerPage({ last_name: odd }, { page: 1, limit: 5 }));
    expect(found.map((x) => x.id)).toEqual([1]);
    await second.stores.close();
  });

  it('refuses every call once closed', async () => {
    const backend = openSqliteBackend(files.file());
    await backend.close();
    expect(() => backend.view('s')).toThrow(/closed/);
  });
});
