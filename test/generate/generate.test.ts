import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { csvColumns, exportData, type ExportFormat, type ExportManifest } from '../../src/export/index.js';
import { loadFixture } from '../../src/fixtures/index.js';
import { CsvRecordReader } from '../../src/push/index.js';
import { generatedDataSet, generateWorld } from '../../src/seed/index.js';
import { schemaValidator } from '../../src/spec.js';
import {
  addressJson as serializeAddress,
  customerJson as serializeCustomer,
  groupJson,
} from '../../src/representation/v2-json.js';
import { testIo } from '../cli/cli-io.js';

const scratch = mkdtempSync(join(tmpdir(), 'bc-fakestore-generate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let dirs = 0;
const freshDir = (): string => join(scratch, `out${++dirs}`);

const OPTIONS = { seed: 42, storeHash: 'abc123', customers: 120, groups: 4 };
const KINDS = ['groups', 'customers', 'addresses'] as const;
const SCHEMA = { groups: 'CustomerGroup', customers: 'Customer', addresses: 'Address' } as const;

async function exportTo(format: ExportFormat, dir = freshDir()) {
  const result = await exportData({
    source: generatedDataSet(OPTIONS),
    format,
    outDir: dir,
    storeHash: 'abc123',
  });
  return { dir, result };
}

/** The API JSON texts of the world, per kind, as the fake serves them. */
function expectedTexts() {
  const world = generateWorld(OPTIONS);
  return {
    world,
    groups: world.groups.map((g) => groupJson(g)),
    customers: world.customers.map((c) => serializeCustomer(c, 'https://api.bigcommerce.com', 'abc123')),
    addresses: world.addresses.map(serializeAddress),
  };
}

function csvRows(text: string): string[][] {
  const reader = new CsvRecordReader();
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    const row = reader.feed(line);
    if (row) rows.push(row);
  }
  expect(reader.pending).toBe(false);
  return rows;
}

/** A CSV cell as the export writes the value. */
const cell = (value: unknown): string =>
  value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

describe('exporting a generated data set', () => {
  it('writes json arrays of exactly the entities the fake serves, each conforming to the spec', async () => {
    const { dir, result } = await exportTo('json');
    const expected = expectedTexts();
    for (const kind of KINDS) {
      const parsed = JSON.parse(readFileSync(join(dir, `${kind}.json`), 'utf8')) as unknown[];
      expect(parsed).toEqual(expected[kind].map((t) => JSON.parse(t)));
      const validate = schemaValidator(SCHEMA[kind]);
      for (const entity of parsed) expect(validate(entity), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(result.counts).toEqual({
      groups: 4,
      customers: 120,
      addresses: expected.world.addresses.length,
    });
  });

  it('writes ndjson lines byte-equal to the API JSON, keys in the platform order', async () => {
    const { dir } = await exportTo('ndjson');
    const expected = expectedTexts();
    for (const kind of KINDS) {
      const text = readFileSync(join(dir, `${kind}.ndjson`), 'utf8');
      expect(text).toBe(expected[kind].map((t) => `${t}\n`).join(''));
    }
    const first = JSON.parse(readFileSync(join(dir, 'customers.ndjson'), 'utf8').split('\n')[0] as string);
    expect(Object.keys(first)).toEqual(csvColumns('customers'));
    expect(first.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(first.store_credit).toMatch(/^\d+\.\d{4}$/);
  });

  it('writes csv with the API field names as headers and nested values JSON-encoded in a cell', async () => {
    const { dir } = await exportTo('csv');
    const expected = expectedTexts();
    for (const kind of KINDS) {
      const [header, ...rows] = csvRows(readFileSync(join(dir, `${kind}.csv`), 'utf8'));
      const objects = expected[kind].map((t) => JSON.parse(t) as Record<string, unknown>);
      expect(header).toEqual(Object.keys(objects[0] ?? {}));
      expect(rows).toEqual(objects.map((o) => (header ?? []).map((h) => cell(o[h]))));
    }
    const groups = csvRows(readFileSync(join(dir, 'groups.csv'), 'utf8'));
    const rules = groups[0]?.indexOf('discount_rules') ?? -1;
    expect(JSON.parse(groups[1]?.[rules] ?? '')).toEqual(expected.world.groups[0]?.discount_rules);
  });

  it.each(['json', 'ndjson', 'csv'] as const)(
    'gives byte-identical %s files for the same seed, and others for another',
    async (format) => {
      const a = await exportTo(format);
      const b = await exportTo(format);
      const files = readdirSync(a.dir).sort();
      expect(files).toEqual([
        `addresses.${format}`,
        `customers.${format}`,
        `groups.${format}`,
        'manifest.json',
      ]);
      for (const f of files)
        expect(readFileSync(join(b.dir, f)).equals(readFileSync(join(a.dir, f))), f).toBe(true);
      const other = await exportData({
        source: generatedDataSet({ ...OPTIONS, seed: 43 }),
        format,
        outDir: freshDir(),
        storeHash: 'abc123',
      });
      expect(
        readFileSync(other.files[1] as string).equals(readFileSync(join(a.dir, `customers.${format}`))),
      ).toBe(false);
    },
  );

  it('reports the fingerprint generateWorld gives (and serve reports for that store), in the manifest too', async () => {
    const { dir, result } = await exportTo('ndjson');
    expect(result.fingerprint).toBe(generateWorld(OPTIONS).fingerprint);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ExportManifest;
    expect(manifest).toMatchObject({
      format: 'ndjson',
      fingerprint: result.fingerprint,
      counts: result.counts,
    });
  });

  it('writes empty files that still parse when there is nothing to write', async () => {
    const dir = freshDir();
    await exportData({
      source: generatedDataSet({ customers: 0, groups: 0 }),
      format: 'json',
      outDir: dir,
      storeHash: 'x',
    });
    expect(JSON.parse(readFileSync(join(dir, 'customers.json'), 'utf8'))).toEqual([]);
    const csv = await exportData({
      source: generatedDataSet({ customers: 0, groups: 0 }),
      format: 'csv',
      outDir: freshDir(),
      storeHash: 'x',
    });
    expect(readFileSync(csv.files[0] as string, 'utf8')).toBe(`${csvColumns('groups').join(',')}\n`);
  });

  it('exports a fixture with its literal values and its fingerprint', async () => {
    const world = await loadFixture('wholesale', { passwordCost: 16 });
    const dir = freshDir();
    const result = await exportData({
      source: world,
      format: 'json',
      outDir: dir,
      storeHash: 'abc123',
    });
    expect(result.fingerprint).toBe(world.fingerprint);
    expect(result.counts).toEqual({ groups: 2, customers: 23, addresses: world.addresses.length });
    const customers = JSON.parse(readFileSync(join(dir, 'customers.json'), 'utf8'));
    expect(customers[0]).toMatchObject({ email: 'alice@acme-trading.example', customer_group_id: 1 });
    expect(JSON.stringify(customers)).not.toContain('password');
  });
});

describe('bc-fakestore generate', () => {
  it('writes the files and prints counts, files and fingerprint', async () => {
    const t = testIo();
    const out = freshDir();
    const code = await main(
      ['generate', '--seed', '42', '--customers', '120', '--groups', '4', '--format', 'csv', '--out', out],
      t.io,
    );
    expect(code).toBe(0);
    const fingerprint = generateWorld(OPTIONS).fingerprint;
    const addresses = generateWorld(OPTIONS).addresses.length;
    expect(t.out[0]).toMatch(
      new RegExp(`^wrote 120 customers, ${addresses} addresses and 4 groups to .* as csv in \\d+\\.\\d s$`),
    );
    expect(t.out).toContain('  files: groups.csv, customers.csv, addresses.csv, manifest.json');
    expect(t.out).toContain(`  fingerprint: ${fingerprint}`);
    expect(existsSync(join(out, 'customers.csv'))).toBe(true);
    expect(t.err).toEqual([]);
  });

  it('writes a fixture, with --seed overriding its own', async () => {
    const t = testIo();
    const code = await main(['generate', '--fixture', 'wholesale', '--seed', '8', '--out', freshDir()], t.io);
    const world = await loadFixture('wholesale', { passwordCost: 16, seed: 8 });
    expect(code).toBe(0);
    expect(t.out).toContain(`  fingerprint: ${world.fingerprint}`);
  });

  it.each([
    [['--fixture', 'wholesale', '--customers', '5'], /--customers cannot be used with --fixture/],
    [['--format', 'xml'], /Use json, ndjson or csv/],
    [['--addresses', '3-1'], /Use MIN-MAX from 0 to 100/],
    [['--now', 'yesterday'], /ISO 8601/],
    [['--locale', 'es'], /Use one of en_US/],
    [[], /required option '--out <dir>' not specified/],
  ])('refuses %j as a usage error (exit 2)', async (args, message) => {
    const t = testIo();
    const withOut = args.length ? [...args, '--out', freshDir()] : args;
    expect(await main(['generate', ...withOut], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(message);
  });

  it('refuses a folder that is not empty, and with --force replaces only its own files', async () => {
    const out = freshDir();
    const args = ['generate', '--customers', '3', '--out', out];
    expect(await main([...args, '--format', 'json'], testIo().io)).toBe(0);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const refused = testIo();
    expect(await main([...args, '--format', 'csv'], refused.io)).toBe(1);
    expect(refused.err).toEqual([
      expect.stringMatching(
        /^error: .* is not empty \(addresses\.json, customers\.json, groups\.json, manifest\.json, \.\.\.\); pass --force/,
      ),
    ]);
    expect(readdirSync(out).sort()).toEqual([
      'addresses.json',
      'customers.json',
      'groups.json',
      'manifest.json',
      'notes.txt',
    ]);
    const forced = testIo();
    expect(await main([...args, '--format', 'csv', '--force'], forced.io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'addresses.csv',
      'customers.csv',
      'groups.csv',
      'manifest.json',
      'notes.txt',
    ]);
    expect(forced.out).toContain(
      '  replaced the earlier files: addresses.json, customers.json, groups.json, manifest.json',
    );
  });

  it('fails with file, path and reason for a bad fixture (exit 1)', async () => {
    const file = join(scratch, 'bad.yaml');
    writeFileSync(file, 'customers:\n  - group: Nope\n');
    const t = testIo();
    expect(await main(['generate', '--fixture', file, '--out', freshDir()], t.io)).toBe(1);
    expect(t.err).toEqual([
      expect.stringMatching(/^error: fixture .*bad\.yaml:2: customers\[0\]\.group: no group named 'Nope'/),
    ]);
  });

  it('fails in one line when the output folder cannot be written (exit 1)', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    const t = testIo();
    expect(await main(['generate', '--customers', '1', '--out', join(file, 'sub')], t.io)).toBe(1);
    expect(t.err).toEqual([expect.stringMatching(/^error: cannot write to .*a-file\/sub \(ENOTDIR\)/)]);
  });
});
