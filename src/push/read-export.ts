/**
 * Reading back a folder written by `generate` (or by hand in the same formats) as a data set:
 * groups, customers and addresses as json (one array), ndjson or csv (API field names as headers,
 * nested values JSON-encoded). manifest.json, when present, names the format and the fingerprint.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { DataEntry, DataSet } from '../dataset/index.js';
import { parseDateFilter } from '../domain/format.js';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';
import { MANIFEST, type EntityKind, type ExportFormat, type ExportManifest } from '../export/index.js';

/** A folder that cannot be read as a data set. */
export class ExportFolderError extends Error {
  override readonly name = 'ExportFolderError';
}

/** How CSV cells read back: these columns are numbers, booleans or JSON; every other one is text. */
const NUMBERS = new Set(['id', 'customer_id', 'customer_group_id']);
const BOOLEANS = new Set(['is_default', 'is_group_for_guests', 'reset_pass_on_login', 'accepts_marketing']);
const JSON_CELLS = new Set(['form_fields', 'category_access', 'discount_rules', 'addresses']);

/** A CSV parser fed line by line (RFC 4180: quoted cells may hold commas, doubled quotes and newlines). */
export class CsvRecordReader {
  private cells: string[] = [];
  private cell = '';
  private quoted = false;

  /** Whether the text so far ends inside a quoted cell. */
  get pending(): boolean {
    return this.quoted;
  }

  /** Feeds one line (without its line end); returns the record it completes, if any (blank lines give none). */
  feed(line: string): string[] | undefined {
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] as string;
      if (this.quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          this.cell += '"';
          i++;
        } else if (ch === '"') this.quoted = false;
        else this.cell += ch;
      } else if (ch === '"') this.quoted = true;
      else if (ch === ',') {
        this.cells.push(this.cell);
        this.cell = '';
      } else this.cell += ch;
    }
    if (this.quoted) {
      this.cell += '\n';
      return undefined;
    }
    const record = [...this.cells, this.cell.replace(/\r$/, '')];
    this.cells = [];
    this.cell = '';
    return record.length === 1 && record[0] === '' ? undefined : record;
  }
}

/** One CSV record as the values the API wrote (see csvCell in src/export/csv.ts). */
function typed(header: string[], cells: string[], where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const text = cells[i] ?? '';
    if (BOOLEANS.has(name)) out[name] = text === 'true';
    else if (!NUMBERS.has(name) && !JSON_CELLS.has(name)) out[name] = text;
    else if (text === '') out[name] = null;
    else out[name] = NUMBERS.has(name) ? Number(text) : parsed(text, `${where}: column ${name} is not JSON`);
  });
  return out;
}

function parsed(text: string, problem: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ExportFolderError(problem);
  }
}

/** The entities of one file, as the API wrote them: a JSON array, JSON lines, or CSV records. */
async function* entities(file: string, format: ExportFormat): AsyncGenerator<Record<string, unknown>> {
  if (format === 'json') {
    const all = parsed(readFileSync(file, 'utf8'), `${file}: not a JSON array`);
    if (!Array.isArray(all)) throw new ExportFolderError(`${file}: not a JSON array`);
    return yield* all;
  }
  const input = createReadStream(file, 'utf8');
  const csv = new CsvRecordReader();
  let header: string[] | undefined;
  let n = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      n++;
      if (format === 'ndjson') {
        if (line.trim() !== '')
          yield parsed(line, `${file}:${n}: not a JSON object`) as Record<string, unknown>;
        continue;
      }
      const cells = csv.feed(line);
      if (cells && header) yield typed(header, cells, `${file}:${n}`);
      else header ??= cells;
    }
  } finally {
    input.destroy();
  }
  if (csv.pending) throw new ExportFolderError(`${file}: ends inside a quoted cell`);
}

function readManifest(dir: string): Partial<ExportManifest> | undefined {
  const path = resolve(dir, MANIFEST);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<ExportManifest>;
  } catch {
    throw new ExportFolderError(`${path}: not valid JSON`);
  }
}

type Values = Record<string, unknown>;

/** A date as the API writes it (RFC 2822, or a group's `YYYY-MM-DD HH:MM:SS`) to epoch ms; 0 when absent. */
const dateOf = (value: unknown): number => (typeof value === 'string' ? parseDateFilter(value) : null) ?? 0;

const groupRecord = (v: Values): GroupRecord =>
  ({ ...v, date_created: dateOf(v.date_created), date_modified: dateOf(v.date_modified) }) as GroupRecord;

function customerRecord({ addresses: _link, ...v }: Values): CustomerRecord {
  const dates = { date_created: dateOf(v.date_created), date_modified: dateOf(v.date_modified) };
  return { ...v, ...dates, password_hash: null } as CustomerRecord;
}

/**
 * The data set in a folder (its entries read from the files as they are needed); throws
 * ExportFolderError when its files are missing. Addresses follow their customers, in the
 * customers' order, as generate writes them; one out of that order stops the read.
 */
export function readExportFolder(dir: string): DataSet<AsyncIterable<DataEntry>> {
  const manifest = readManifest(dir);
  const format =
    manifest?.format ??
    (['json', 'ndjson', 'csv'] as const).find((f) => existsSync(resolve(dir, `customers.${f}`)));
  if (!format) {
    throw new ExportFolderError(
      `${dir} holds no customers.json, customers.ndjson or customers.csv (see generate)`,
    );
  }
  const fileOf = (kind: EntityKind): string => {
    const file = resolve(dir, `${kind}.${format}`);
    if (!existsSync(file)) throw new ExportFolderError(`${file} is missing`);
    return file;
  };
  const files = { groups: fileOf('groups'), customers: fileOf('customers'), addresses: fileOf('addresses') };
  const read = (kind: EntityKind) => entities(files[kind], format);
  return {
    origin: manifest?.source ?? { folder: resolve(dir) },
    id:
      manifest?.fingerprint ??
      createHash('sha256')
        .update(`folder:${resolve(dir)}`)
        .digest('hex'),
    counts: manifest?.counts ?? {},
    passwords: new Map(),
    async *entries() {
      for await (const g of read('groups')) yield { kind: 'group', group: groupRecord(g) };
      const addresses = read('addresses');
      try {
        let next = await addresses.next();
        for await (const v of read('customers')) {
          const customer = customerRecord(v);
          const mine: AddressRecord[] = [];
          for (; !next.done && next.value.customer_id === customer.id; next = await addresses.next()) {
            mine.push(next.value as unknown as AddressRecord);
          }
          yield { kind: 'customer', customer, addresses: mine };
        }
        if (!next.done) {
          throw new ExportFolderError(
            `${files.addresses}: address ${String(next.value.id)} of customer ${String(next.value.customer_id)} ` +
              `is not with its customer; list addresses by customer, in the order of ${files.customers}`,
          );
        }
      } finally {
        await addresses.return(undefined);
      }
    },
  };
}
