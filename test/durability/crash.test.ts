/**
 * The crash test: `serve --db` as a child process takes concurrent writes and is killed with
 * SIGKILL while requests are in flight. After a restart on the same file, every write it
 * acknowledged is there, and no record is half-written: each customer's three fields written
 * together agree, counts agree with the records, and SQLite finds the file intact.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newAddress, TOKEN } from '../helpers.js';
import { dbFiles } from './db-files.js';
import { isGone, serveUp, type ServeProcess } from './serve-process.js';

const files = dbFiles();
const STORE = 'crash';
const WRITERS = 8;
const ACKS_BEFORE_KILL = 200;
const json = { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' };

/** What the clients were told (acknowledged) and what they sent, per customer. */
interface Customer {
  email: string;
  /** Version of the last acknowledged update (0: the create). */
  acked: number;
  /** Highest version sent, acknowledged or not. */
  sent: number;
  addresses: number[];
  deleted: boolean;
}

/** A token written to first_name, last_name and notes in one write. */
const token = (email: string, version: number) => `${email.split('@')[0]}-v${version}`;

async function call(url: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: json,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** One writer: creates customers, updates them, adds addresses, deletes some, until it fails. */
async function writer(base: string, w: number, seen: Map<number, Customer>, acks: { n: number }) {
  for (let i = 0; ; i++) {
    const email = `w${w}-${i}@example.com`;
    const created = await call(`${base}/customers`, 'POST', {
      first_name: token(email, 0),
      last_name: token(email, 0),
      notes: token(email, 0),
      email,
    });
    if (created.status !== 201) throw new Error(`create answered ${created.status}`);
    const c: Customer = { email, acked: 0, sent: 0, addresses: [], deleted: false };
    seen.set(created.body.id, c);
    acks.n++;
    const at = `${base}/customers/${created.body.id}`;
    for (let v = 1; v <= 2; v++) {
      c.sent = v;
      const t = token(email, v);
      const updated = await call(at, 'PUT', { first_name: t, last_name: t, notes: t });
      if (updated.status !== 200) throw new Error(`update answered ${updated.status}`);
      c.acked = v;
      acks.n++;
    }
    const address = await call(`${at}/addresses`, 'POST', newAddress({ city: email }));
    if (address.status !== 201) throw new Error(`address answered ${address.status}`);
    c.addresses.push(address.body.id);
    acks.n++;
    if (i % 4 === 3) {
      if ((await call(at, 'DELETE')).status !== 204) throw new Error('delete failed');
      c.deleted = true;
      acks.n++;
    }
  }
}

async function killMidStream(server: ServeProcess, acks: { n: number }) {
  while (acks.n < ACKS_BEFORE_KILL) await new Promise((resolve) => setTimeout(resolve, 5));
  return server.stop('SIGKILL');
}

describe('a fake killed with SIGKILL while it takes writes', () => {
  it('has every acknowledged write after a restart, and no record half-written', async () => {
    const file = files.file();
    const args = ['--db', file, '--password-cost', '16', '--customers', '5'];
    const first = await serveUp(args);
    const base = `${first.url}/stores/${STORE}/v2`;
    expect((await call(`${base}/customers/count`, 'GET')).body).toEqual({ count: 5 });

    const seen = new Map<number, Customer>();
    const acks = { n: 0 };
    const writers = Promise.allSettled(
      Array.from({ length: WRITERS }, (_, w) => writer(base, w, seen, acks)),
    );
    const killed = await killMidStream(first, acks);
    const failures = await writers;
    expect(killed.signal).toBe('SIGKILL');
    expect(isGone(first.pid)).toBe(true);
    // Every writer was cut off by the kill, most with a request in flight.
    expect(failures.every((f) => f.status === 'rejected')).toBe(true);

    const second = await serveUp(args);
    const again = `${second.url}/stores/${STORE}/v2`;
    for (const [id, c] of seen) {
      const got = await call(`${again}/customers/${id}`, 'GET');
      if (c.deleted) {
        expect(got.status, `customer ${id} was deleted`).toBe(404);
        continue;
      }
      expect(got.status, `customer ${id} was created`).toBe(200);
      expect(got.body.email).toBe(c.email);
      const version = Number(/-v(\d+)$/.exec(got.body.notes)?.[1]);
      expect(version).toBeGreaterThanOrEqual(c.acked);
      expect(version).toBeLessThanOrEqual(c.sent);
      for (const a of c.addresses)
        expect((await call(`${again}/customers/${id}/addresses/${a}`, 'GET')).status).toBe(200);
    }

    // Every record, acknowledged or not, is whole; the counts agree with the records.
    const listed: Record<string, string>[] = [];
    for (let page = 1; ; page++) {
      const got = await call(`${again}/customers?limit=250&page=${page}`, 'GET');
      if (got.status === 204) break;
      listed.push(...got.body);
    }
    const written = listed.filter((c) => /^w\d+-\d+@/.test(c.email as string));
    expect(written.length).toBeGreaterThanOrEqual([...seen.values()].filter((c) => !c.deleted).length);
    for (const c of written) expect([c.last_name, c.notes]).toEqual([c.first_name, c.first_name]);
    let addresses = 0;
    for (const c of listed)
      addresses += (await call(`${again}/customers/${c.id}/addresses/count`, 'GET')).body.count;
    const summary = await (
      await fetch(`${second.url}/__admin/stores/${STORE}`, {
        headers: { 'X-Admin-Token': 'fakestore-admin' },
      })
    ).json();
    expect(summary).toMatchObject({ customers: listed.length, addresses });
    expect((await call(`${again}/customers/count`, 'GET')).body).toEqual({ count: listed.length });

    expect(await second.stop('SIGTERM')).toMatchObject({ code: 0, stderr: '' });
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);
});
