/**
 * Writes a data set to a folder as the API represents it: groups, customers and addresses, one
 * file each (json, ndjson or csv), plus manifest.json with the counts and the fingerprint.
 * Streams entity by entity, so a million customers never sit in memory as text.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_LINK_BASE } from '../config.js';
import { addressJson, customerJson, groupJson } from '../representation/v2-json.js';
import { EntityWriter, type ExportFormat } from './entity-writer.js';
import type { DataSource } from './sources.js';

/** Options of `exportData`. */
export interface ExportOptions {
  source: DataSource;
  format: ExportFormat;
  /** Folder to write into; created when missing. Files of an earlier export are replaced. */
  outDir: string;
  /** Store hash in each customer's `addresses` link. */
  storeHash: string;
  /** Origin of the `addresses.url` links; default `https://api.bigcommerce.com`. */
  linkBase?: string;
  /** Called now and then with customers written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Entity counts of a data set. */
export interface EntityCounts {
  groups: number;
  customers: number;
  addresses: number;
}

/** What an export wrote. */
export interface ExportResult {
  counts: EntityCounts;
  fingerprint: string;
  /** Paths of the files written, manifest last. */
  files: string[];
}

/** The manifest an export writes next to its files (and `push --from` reads). */
export interface ExportManifest {
  generator: 'bc-fakestore';
  format: ExportFormat;
  store_hash: string;
  source: Record<string, unknown>;
  counts: EntityCounts;
  fingerprint: string;
  files: Record<keyof EntityCounts, string>;
}

/** The manifest's file name. */
export const MANIFEST = 'manifest.json';

const PROGRESS_EVERY = 1000;

/** Writes the data set; resolves with the counts and fingerprint once every file is complete. */
export async function exportData(options: ExportOptions): Promise<ExportResult> {
  const { source, format, outDir, storeHash } = options;
  const linkBase = options.linkBase ?? DEFAULT_LINK_BASE;
  await mkdir(outDir, { recursive: true });
  const writers = {
    groups: new EntityWriter(outDir, 'groups', format),
    customers: new EntityWriter(outDir, 'customers', format),
    addresses: new EntityWriter(outDir, 'addresses', format),
  };
  const total = source.customerCount;
  try {
    for (const g of source.groups()) await writers.groups.write(groupJson(g));
    let done = 0;
    options.onProgress?.(0, total);
    for (const { customer, addresses } of source.customers()) {
      await writers.customers.write(customerJson(customer, linkBase, storeHash));
      for (const a of addresses) await writers.addresses.write(addressJson(a));
      if (++done % PROGRESS_EVERY === 0) options.onProgress?.(done, total);
    }
    options.onProgress?.(done, total);
    for (const w of Object.values(writers)) await w.close();
  } catch (err) {
    await Promise.all(Object.values(writers).map((w) => w.abort()));
    throw err;
  }
  const counts: EntityCounts = {
    groups: writers.groups.count,
    customers: writers.customers.count,
    addresses: writers.addresses.count,
  };
  const fingerprint = source.fingerprint();
  const manifest: ExportManifest = {
    generator: 'bc-fakestore',
    format,
    store_hash: storeHash,
    source: source.origin,
    counts,
    fingerprint,
    files: {
      groups: `groups.${format}`,
      customers: `customers.${format}`,
      addresses: `addresses.${format}`,
    },
  };
  const manifestPath = join(outDir, MANIFEST);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { counts, fingerprint, files: [...Object.values(writers).map((w) => w.file), manifestPath] };
}
