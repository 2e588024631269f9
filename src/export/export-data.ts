/**
 * Writes a data set to a folder as the API represents it: groups, customers and addresses, one
 * file each (json, ndjson or csv), plus manifest.json with the counts and the fingerprint.
 * Streams entity by entity, so a million customers never sit in memory as text.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DEFAULT_LINK_BASE } from '../config.js';
import type { DataSet, EntityCounts } from '../dataset/index.js';
import { addressJson, customerJson, groupJson } from '../representation/v2-json.js';
import { Fingerprinter } from '../dataset/fingerprint.js';
import { EntityWriter, type ExportFormat } from './entity-writer.js';
import { prepareOutDir } from './out-dir.js';

/** Options of `exportData`. */
export interface ExportOptions {
  source: DataSet;
  format: ExportFormat;
  /** Folder to write into; created when missing. One that holds files is refused unless `force`. */
  outDir: string;
  /** Replace the files of an earlier export in `outDir` (other files stay); default false. */
  force?: boolean;
  /** Store hash in each customer's `addresses` link. */
  storeHash: string;
  /** Origin of the `addresses.url` links; default `https://api.bigcommerce.com`. */
  linkBase?: string;
  /** Called now and then with customers written so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the export: its unfinished files are removed and ExportInterrupted is thrown. */
  signal?: AbortSignal;
}

/** What an export wrote. */
export interface ExportResult {
  counts: EntityCounts;
  fingerprint: string;
  /** Paths of the files written, manifest last. */
  files: string[];
  /** Files of an earlier export that `force` removed first. */
  replaced: string[];
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

/** An export stopped by its signal; its unfinished files are gone, nothing of it was written. */
export class ExportInterrupted extends Error {
  override readonly name = 'ExportInterrupted';

  constructor(
    /** Customers written before the stop. */
    readonly customers: number,
    /** The unfinished files removed. */
    readonly removed: string[],
  ) {
    super(`the export stopped after ${customers} customers; its unfinished files were removed`);
  }
}

/** The manifest's file name. */
export const MANIFEST = 'manifest.json';

/** Customers between progress reports, which are also where the export lets a stop in. */
const PROGRESS_EVERY = 1000;

/** Writes the data set; resolves with the counts and fingerprint once every file is complete. */
export async function exportData(options: ExportOptions): Promise<ExportResult> {
  const { source, format, outDir, storeHash, signal } = options;
  const linkBase = options.linkBase ?? DEFAULT_LINK_BASE;
  const replaced = await prepareOutDir(outDir, options.force ?? false);
  const writers = {
    groups: new EntityWriter(outDir, 'groups', format),
    customers: new EntityWriter(outDir, 'customers', format),
    addresses: new EntityWriter(outDir, 'addresses', format),
  };
  const all = Object.values(writers);
  // Taken as it goes, unless the data set knows it already.
  const fingerprint = typeof source.fingerprint === 'string' ? source.fingerprint : new Fingerprinter();
  const total = source.counts.customers ?? 0;
  let done = 0;
  try {
    options.onProgress?.(0, total);
    for await (const e of source.entries()) {
      if (typeof fingerprint !== 'string') fingerprint.entry(e, source.passwords);
      if (e.kind === 'group') {
        await writers.groups.write(groupJson(e.group));
        continue;
      }
      await writers.customers.write(customerJson(e.customer, linkBase, storeHash));
      for (const a of e.addresses) await writers.addresses.write(addressJson(a));
      if (++done % PROGRESS_EVERY > 0) continue;
      options.onProgress?.(done, total);
      await nextTurn(); // lets a signal (Ctrl-C) be heard during a long synchronous generation
      if (signal?.aborted)
        throw new ExportInterrupted(
          done,
          all.map((w) => w.partial),
        );
    }
    options.onProgress?.(done, total);
    for (const w of all) await w.close();
  } catch (err) {
    await Promise.all(all.map((w) => w.abort()));
    throw err;
  }
  const [groups, customers, addresses] = all.map((w) => w.count) as [number, number, number];
  const counts = { groups, customers, addresses };
  const manifest: ExportManifest = {
    generator: 'bc-fakestore',
    format,
    store_hash: storeHash,
    source: source.origin,
    counts,
    fingerprint: typeof fingerprint === 'string' ? fingerprint : fingerprint.digest(),
    files: { groups: `groups.${format}`, customers: `customers.${format}`, addresses: `addresses.${format}` },
  };
  const manifestPath = join(outDir, MANIFEST);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const files = [...all.map((w) => w.file), manifestPath];
  return { counts, fingerprint: manifest.fingerprint, files, replaced };
}
