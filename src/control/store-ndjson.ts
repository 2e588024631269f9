/**
 * A store as ndjson, one record a line: a `store` line (fingerprint, next ids), then `group`,
 * `customer` and `address` lines with the records as the store keeps them (dates in epoch ms,
 * password hashes, never passwords). Export streams it; import reads it back as store data.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressRecord, CustomerRecord, GroupRecord } from '../domain/records.js';
import { ApiError, payloadTooLarge } from '../errors.js';
import { adminValidator, describeAjvError } from './admin-spec.js';
import type { StoreData } from './snapshots.js';

/** The format name the `store` line carries. */
export const STORE_FORMAT = 'bc-fakestore-store/1';

/** Largest import accepted, in bytes. */
export const MAX_IMPORT_BYTES = 1024 ** 3;

/** The lines of a store's data, each ending in a newline, a slice at a time. */
export async function* storeLines(hash: string, data: StoreData): AsyncIterable<string> {
  const meta = data.meta;
  yield `${JSON.stringify({
    kind: 'store',
    format: STORE_FORMAT,
    store_hash: hash,
    fingerprint: meta?.fingerprint ?? null,
    next_ids: meta?.nextIds ?? null,
  })}\n`;
  yield data.groups.map((g) => `${JSON.stringify({ kind: 'group', ...g })}\n`).join('');
  for (const s of data.slices) {
    let out = '';
    for (const c of s.customers) out += `${JSON.stringify({ kind: 'customer', ...c })}\n`;
    for (const a of s.addresses) out += `${JSON.stringify({ kind: 'address', ...a })}\n`;
    // Give other requests a turn between slices of a large store.
    await new Promise<void>((resolve) => setImmediate(resolve));
    yield out;
  }
}

const NDJSON_TYPE = /^application\/(?:x-)?(?:ndjson|jsonl|jsonlines)\s*(?:;|$)/i;

/** The non-empty lines of a request body, with their numbers; refuses other types and oversized bodies. */
async function* bodyLines(req: IncomingMessage): AsyncIterable<[number, string]> {
  if (!NDJSON_TYPE.test(req.headers['content-type'] ?? ''))
    throw new ApiError(415, "The request body's Content-Type must be application/x-ndjson.");
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  let rest = '';
  let n = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES) throw payloadTooLarge(MAX_IMPORT_BYTES);
    rest += decoder.decode(chunk, { stream: true });
    const lines = rest.split('\n');
    rest = lines.pop() as string;
    for (const line of lines) if ((n++, line.trim() !== '')) yield [n, line];
  }
  rest += decoder.decode();
  if (rest.trim() !== '') yield [n + 1, rest];
}

const lineError = (n: number, reason: string): ApiError =>
  new ApiError(400, `Line ${n} of the store data is invalid.`, { invalid_reason: reason });

/** What the `store` line says. */
interface StoreHead {
  fingerprint: string | null;
  next_ids: { customers: number; addresses: number; groups: number } | null;
}

/** Reads store data from an ndjson request body: each line checked, then ids and references checked. */
export async function readStoreNdjson(req: IncomingMessage, hash: string): Promise<StoreData> {
  const validate = adminValidator('/components/schemas/StoreLine');
  let store: StoreHead | undefined;
  const groups = new Map<number, GroupRecord>();
  const customers = new Map<number, CustomerRecord>();
  const addresses = new Map<number, AddressRecord>();
  const emails = new Set<string>();
  for await (const [n, line] of bodyLines(req)) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw lineError(n, `not JSON: ${(err as Error).message}`);
    }
    if (!validate(value)) throw lineError(n, describeAjvError(validate.errors?.[0]));
    const { kind, ...record } = value as { kind: string } & Record<string, unknown>;
    const id = (record as { id?: number }).id as number;
    if (kind === 'store') {
      if (store || groups.size + customers.size + addresses.size > 0)
        throw lineError(n, 'the store line must come first, once');
      store = record as unknown as StoreHead;
    } else if (kind === 'group') {
      if (groups.has(id)) throw lineError(n, `group ${id} appears twice`);
      groups.set(id, record as unknown as GroupRecord);
    } else if (kind === 'customer') {
      const c = record as unknown as CustomerRecord;
      if (customers.has(id)) throw lineError(n, `customer ${id} appears twice`);
      const email = c.email.toLowerCase();
      if (emails.has(email)) throw lineError(n, `the email ${c.email} is used twice`);
      if (c.customer_group_id !== 0 && !groups.has(c.customer_group_id))
        throw lineError(
          n,
          `customer ${id} is in group ${c.customer_group_id}, which no earlier line defines`,
        );
      emails.add(email);
      customers.set(id, c);
    } else {
      const a = record as unknown as AddressRecord;
      if (addresses.has(id)) throw lineError(n, `address ${id} appears twice`);
      if (!customers.has(a.customer_id))
        throw lineError(
          n,
          `address ${id} belongs to customer ${a.customer_id}, which no earlier line defines`,
        );
      addresses.set(id, a);
    }
  }
  return assemble(hash, store, groups, customers, addresses);
}

function assemble(
  hash: string,
  store: StoreHead | undefined,
  groups: Map<number, GroupRecord>,
  customers: Map<number, CustomerRecord>,
  addresses: Map<number, AddressRecord>,
): StoreData {
  const byId = <T extends { id: number }>(m: Map<number, T>): T[] =>
    [...m.values()].sort((a, b) => a.id - b.id);
  const next = store?.next_ids;
  const largest = (m: Map<number, unknown>): number => Math.max(0, ...m.keys());
  if (next) {
    for (const [k, m] of [
      ['customers', customers],
      ['addresses', addresses],
      ['groups', groups],
    ] as const)
      if (next[k] <= largest(m))
        throw lineError(
          1,
          `next_ids.${k} (${next[k]}) must be above the largest ${k.slice(0, -1)} id (${largest(m)})`,
        );
  }
  const ofCustomer = new Map<number, AddressRecord[]>();
  for (const a of byId(addresses)) {
    const list = ofCustomer.get(a.customer_id);
    if (list) list.push(a);
    else ofCustomer.set(a.customer_id, [a]);
  }
  const sorted = byId(customers);
  const slices: StoreData['slices'] = [];
  for (let i = 0; i < sorted.length; i += 5_000) {
    const slice = sorted.slice(i, i + 5_000);
    slices.push({ customers: slice, addresses: slice.flatMap((c) => ofCustomer.get(c.id) ?? []) });
  }
  return {
    meta: next ? { hash, fingerprint: store?.fingerprint ?? null, nextIds: { ...next } } : undefined,
    groups: byId(groups),
    slices,
  };
}
