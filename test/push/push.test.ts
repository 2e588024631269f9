import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { createClient, type BigCommerceClient } from '../../src/client/index.js';
import { collectDataSet, type DataSet, type SyncDataSet } from '../../src/dataset/index.js';
import { exportData } from '../../src/export/index.js';
import { loadFixture } from '../../src/fixtures/index.js';
import { pushData, PushStateError, readExportFolder, type PushSummary } from '../../src/push/index.js';
import { generatedDataSet } from '../../src/seed/index.js';
import type { RunningServer } from '../../src/server.js';
import type { Address, Customer, CustomerGroup } from '../../src/types.js';
import { testIo } from '../cli/cli-io.js';
import { freshHash, READ_ONLY, testServer, TOKEN } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-push-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SEED = {
  seed: 5,
  storeHash: 'source',
  customers: 12,
  groups: 3,
  addressesPerCustomer: [0, 2] as [number, number],
};

/** An empty store on a running fake (every new store hash is empty: no prime). */
async function emptyStore<T>(
  use: (server: RunningServer, hash: string) => Promise<T>,
  options = {},
): Promise<T> {
  const server = await testServer(options);
  try {
    return await use(server, freshHash());
  } finally {
    await server.close();
  }
}

const clientFor = (server: RunningServer, hash: string): BigCommerceClient =>
  createClient({ baseUrl: server.url, storeHash: hash, token: TOKEN });

async function push(server: RunningServer, hash: string, data: DataSet, extra = {}): Promise<PushSummary> {
  return pushData({ baseUrl: server.url, storeHash: hash, token: TOKEN, source: data, ...extra });
}

async function everything(client: BigCommerceClient) {
  const groups: CustomerGroup[] = await client.listCustomerGroups({ limit: 250 });
  const customers: Customer[] = await client.listCustomers({ limit: 250 });
  const addresses: Address[] = [];
  for (const c of customers) addresses.push(...(await client.listCustomerAddresses(c.id, { limit: 250 })));
  return { groups, customers, addresses };
}

/** What a store holds, with ids replaced by what they point at (group names, customer emails). */
async function contentOf(client: BigCommerceClient) {
  const { groups, customers, addresses } = await everything(client);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const email = new Map(customers.map((c) => [c.id, c.email]));
  return {
    groups: groups.map((g) => [g.name, g.discount_rules, g.category_access]),
    customers: customers.map((c) => [
      c.email,
      c.first_name,
      c.store_credit,
      groupName.get(c.customer_group_id) ?? null,
    ]),
    addresses: addresses.map((a) => [
      email.get(a.customer_id),
      a.street_1,
      a.city,
      a.state,
      a.zip,
      a.country_iso2,
    ]),
  };
}

/** The same content read from the source world (what the store should hold after the push). */
function expectedContent(data: SyncDataSet) {
  const { groups, customers, addresses } = collectDataSet(data);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const email = new Map(customers.map((c) => [c.id, c.email]));
  return {
    groups: groups.map((g) => [g.name, g.discount_rules, g.category_access]),
    customers: customers.map((c) => [
      c.email,
      c.first_name,
      c.store_credit,
      groupName.get(c.customer_group_id) ?? null,
    ]),
    addresses: addresses.map((a) => [
      email.get(a.customer_id),
      a.street_1,
      a.city,
      a.state,
      a.zip,
      a.country_iso2,
    ]),
  };
}

const counts = (s: PushSummary): [number, number, number][] =>
  [s.groups, s.customers, s.addresses].map((k) => [k.created, k.skipped, k.failed]);

describe('pushing a data set into a store', () => {
  it('creates groups, customers and addresses with their relations mapped to the new ids', async () => {
    await emptyStore(async (server, hash) => {
      const client = clientFor(server, hash);
      // The target store's ids differ from the source's: it already has a group and a customer.
      await client.createCustomerGroup({ name: 'Already here' });
      await client.createCustomer({ first_name: 'Pre', last_name: 'Existing', email: 'pre@example.com' });
      const data = generatedDataSet(SEED);
      const summary = await push(server, hash, data);
      const world = expectedContent(generatedDataSet(SEED));
      expect(counts(summary)).toEqual([
        [3, 0, 0],
        [12, 0, 0],
        [world.addresses.length, 0, 0],
      ]);
      expect(summary.failures).toEqual([]);
      const content = await contentOf(client);
      expect(content.groups.slice(1)).toEqual(world.groups);
      expect(content.customers.slice(1)).toEqual(world.customers);
      expect(content.addresses).toEqual(world.addresses);
    });
  });

  it('creates nothing new when run again, with or without a state file', async () => {
    await emptyStore(async (server, hash) => {
      const client = clientFor(server, hash);
      const statePath = join(scratch, `${hash}.state`);
      const first = await push(server, hash, generatedDataSet(SEED), { statePath });
      const before = await everything(client);
      const again = await push(server, hash, generatedDataSet(SEED));
      const resumed = await push(server, hash, generatedDataSet(SEED), { statePath });
      for (const s of [again, resumed]) {
        expect(counts(s)).toEqual(
          counts(first).map(([created, skipped, failed]) => [0, created + skipped, failed]),
        );
      }
      expect(await everything(client)).toEqual(before);
      // The state file saves the lookups: only the group list and the customer count are read.
      expect(resumed.pacing.requests).toBe(2);
      expect(readFileSync(statePath, 'utf8').split('\n')[0]).toContain(
        `"target":"${server.url}/stores/${hash}"`,
      );
    });
  });

  it('adds only what is missing when the data set grows (same seed, more customers)', async () => {
    await emptyStore(async (server, hash) => {
      await push(server, hash, generatedDataSet({ ...SEED, customers: 5 }));
      const grown = await push(server, hash, generatedDataSet(SEED));
      expect(grown.customers).toEqual({ created: 7, skipped: 5, failed: 0 });
      expect(await contentOf(clientFor(server, hash))).toEqual(expectedContent(generatedDataSet(SEED)));
    });
  });

  it('pushes fixture customers with their passwords', async () => {
    await emptyStore(async (server, hash) => {
      const world = await loadFixture('wholesale', { passwordCost: 16 });
      const summary = await push(server, hash, world);
      expect(summary.failures).toEqual([]);
      const client = clientFor(server, hash);
      const [alice] = await client.listCustomers({ email: 'alice@acme-trading.example' });
      expect(await client.validateCustomerPassword(alice!.id, { password: 'Wholesale123' })).toBe(true);
      expect(await client.getCustomerGroup(alice!.customer_group_id)).toMatchObject({ name: 'Wholesale' });
    });
  });

  it.each(['json', 'ndjson', 'csv'] as const)('pushes a folder written by generate as %s', async (format) => {
    const dir = join(scratch, `export-${format}`);
    await exportData({ source: generatedDataSet(SEED), format, outDir: dir, storeHash: 'source' });
    await emptyStore(async (server, hash) => {
      const summary = await pushData({
        baseUrl: server.url,
        storeHash: hash,
        token: TOKEN,
        source: readExportFolder(dir),
      });
      expect(summary.failures).toEqual([]);
      expect(await contentOf(clientFor(server, hash))).toEqual(expectedContent(generatedDataSet(SEED)));
    });
  });

  it('refuses a state file written for another store', async () => {
    await emptyStore(async (server, hash) => {
      const statePath = join(scratch, `other-${hash}.state`);
      await push(server, hash, generatedDataSet({ ...SEED, customers: 1 }), { statePath });
      await expect(
        push(server, `${hash}x`, generatedDataSet({ ...SEED, customers: 1 }), { statePath }),
      ).rejects.toThrow(PushStateError);
    });
  });

  it('reports a customer whose group could not be created as failed, with its addresses, and goes on', async () => {
    await emptyStore(async (server, hash) => {
      // The store refuses this group (a price_list rule needs its price_list_id), so its customers cannot be placed.
      const data = generatedDataSet({ ...SEED, customers: 3, groups: 1 });
      const broken: DataSet = {
        ...data,
        *entries() {
          for (const e of data.entries()) {
            if (e.kind !== 'group') yield e;
            else
              yield {
                kind: 'group',
                group: { ...e.group, discount_rules: [{ type: 'price_list' }] as never },
              };
          }
        },
      };
      const summary = await pushData({ baseUrl: server.url, storeHash: hash, token: TOKEN, source: broken });
      const inGroup = collectDataSet(data).customers.filter((c) => c.customer_group_id === 1);
      expect(summary.groups.failed).toBe(1);
      expect(summary.customers.failed).toBe(inGroup.length);
      expect(summary.customers.created).toBe(3 - inGroup.length);
      expect(summary.failures[0]).toMatchObject({
        kind: 'groups',
        sourceId: 1,
        message: expect.stringMatching(/400/),
      });
      expect(summary.failures.filter((f) => f.kind === 'customers').map((f) => f.message)).toEqual(
        inGroup.map(() => 'its group 1 was not pushed'),
      );
    });
  });
});

describe('pushing under a rate limit', () => {
  it('waits out a 429 (X-Retry-After) and an exhausted quota (X-Rate-Limit-Time-Reset-Ms), and completes', async () => {
    let now = Date.UTC(2024, 0, 1);
    let checking = false; // once the push is done, every request of the check starts a new window
    const sleeps: number[] = [];
    const options = { clock: () => (checking ? (now += 1000) : now), rateLimit: { quota: 5, windowMs: 300 } };
    await emptyStore(async (server, hash) => {
      const client = clientFor(server, hash);
      // Use up the window first, so the push's first request is answered 429.
      for (let i = 0; i < 5; i++) await client.countCustomers();
      const data = generatedDataSet({ ...SEED, customers: 6 });
      const summary = await push(server, hash, data, {
        sleep: async (ms: number) => {
          sleeps.push(ms);
          now += ms;
        },
      });
      expect(summary.failures).toEqual([]);
      expect(summary.pacing.tooManyRequests).toBe(1);
      expect(sleeps[0]).toBe(1000); // X-Retry-After: 1 (seconds)
      expect(sleeps.slice(1).every((ms) => ms === 300)).toBe(true); // the whole window, as the clock stood still
      expect(sleeps.length).toBeGreaterThan(2);
      checking = true;
      expect(await contentOf(client)).toEqual(expectedContent(generatedDataSet({ ...SEED, customers: 6 })));
    }, options);
  });
});

describe('bc-fakestore push', () => {
  it('pushes a fixture and prints the summary; a re-run skips everything', async () => {
    await emptyStore(async (server, hash) => {
      const args = ['push', '--to', server.url, '--store', hash, '--token', TOKEN, '--fixture', 'wholesale'];
      const first = testIo();
      expect(await main(args, first.io)).toBe(0);
      expect(first.out[0]).toMatch(
        new RegExp(
          `^pushed to ${server.url}/stores/${hash} in \\d+\\.\\d s \\(\\d+ requests, 0 answered 429`,
        ),
      );
      expect(first.out.slice(1, 4)).toEqual([
        '  kind        created  skipped  failed',
        '  groups            2        0       0',
        '  customers        23        0       0',
      ]);
      const second = testIo();
      expect(await main(args, second.io)).toBe(0);
      expect(second.out[3]).toBe('  customers         0       23       0');
    });
  });

  it('refuses --from with seed flags, and a missing --store, as usage errors (exit 2)', async () => {
    const t = testIo();
    expect(
      await main(
        ['push', '--to', 'http://127.0.0.1:1', '--store', 'a', '--token', 't', '--from', 'x', '--seed', '2'],
        t.io,
      ),
    ).toBe(2);
    expect(t.err.join(' ')).toMatch(/--seed cannot be used with --from/);
    const u = testIo();
    expect(await main(['push', '--to', 'http://127.0.0.1:1', '--token', 't'], u.io)).toBe(2);
    expect(u.err.join(' ')).toMatch(/--store <hash>/);
  });

  it('says in one line when the token is wrong (exit 1)', async () => {
    await emptyStore(async (server, hash) => {
      const t = testIo();
      const code = await main(
        ['push', '--to', server.url, '--store', hash, '--token', 'wrong', '--customers', '1'],
        t.io,
      );
      expect(code).toBe(1);
      expect(t.err).toEqual([expect.stringMatching(/answered 401 .*check --token and --store$/)]);
    });
  });

  it('stops at the first 403 of a read-only token with one line naming the store_v2_customers scope', async () => {
    await emptyStore(async (server, hash) => {
      const t = testIo();
      const args = ['push', '--to', server.url, '--store', hash, '--token', READ_ONLY, '--customers', '30'];
      expect(await main(args, t.io)).toBe(1);
      expect(t.out).toEqual([]);
      expect(t.err).toEqual([
        expect.stringMatching(/^error: .* answered 403 .*: the token lacks the store_v2_customers scope/),
      ]);
      const client = clientFor(server, hash);
      expect([await client.countCustomerGroups(), await client.countCustomers()]).toEqual([0, 0]);
    });
  });

  it('names a failed address "address" in its failure line', async () => {
    const dir = join(scratch, 'bad-address');
    mkdirSync(dir);
    const customer = {
      id: 1,
      first_name: 'Ann',
      last_name: 'Lee',
      email: 'ann@example.com',
      customer_group_id: 0,
    };
    const address = {
      ...{ id: 1, customer_id: 1, first_name: 'Ann', last_name: 'Lee', phone: '555-0100' },
      ...{ street_1: '1 Road', city: 'Cair Paravel', state: 'East', zip: '00001' },
    };
    writeFileSync(join(dir, 'groups.ndjson'), '');
    writeFileSync(join(dir, 'customers.ndjson'), `${JSON.stringify(customer)}\n`);
    writeFileSync(join(dir, 'addresses.ndjson'), `${JSON.stringify({ ...address, country: 'Narnia' })}\n`);
    await emptyStore(async (server, hash) => {
      const t = testIo();
      const args = ['push', '--to', server.url, '--store', hash, '--token', TOKEN, '--from', dir];
      expect(await main(args, t.io)).toBe(1);
      expect(t.out[4]).toBe('  addresses         0        0       1');
      expect(t.err).toEqual([expect.stringMatching(/^ {2}failed: address 1 of the data set: .*country/)]);
    });
  });

  it('warns when the store has a group of the same name with other rules, and puts its customers there', async () => {
    await emptyStore(async (server, hash) => {
      const client = clientFor(server, hash);
      const theirs = await client.createCustomerGroup({ name: 'Wholesale' });
      const t = testIo();
      const args = ['push', '--to', server.url, '--store', hash, '--token', TOKEN, '--fixture', 'wholesale'];
      expect(await main(args, t.io)).toBe(0);
      expect(t.out[2]).toBe('  groups            1        1       0');
      expect(t.err).toEqual([
        "  warning: group 'Wholesale' is already in the store with other discount_rules: " +
          `its customers join the store's group ${theirs.id}, which is left as it is`,
      ]);
      const [alice] = await client.listCustomers({ email: 'alice@acme-trading.example' });
      expect(alice?.customer_group_id).toBe(theirs.id);
      expect((await client.getCustomerGroup(theirs.id)).discount_rules).toEqual([]);
    });
  });
});
