/**
 * Test helpers: build an app or a server for one test, and send requests whose answers are
 * always checked against the spec (every response the suite sees, not a sample).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject, type InjectOptions } from 'light-my-request';
import { createApp, type App, type AppOptions } from '../src/app.js';
import { buildGroup } from '../src/domain/group-rules.js';
import { valueOf } from '../src/domain/reasons.js';
import type { GroupRecord, WorldRecords } from '../src/domain/records.js';
import type { Backend, StoreCounts } from '../src/engine/backend.js';
import { createCustomer, type NewCustomerInput } from '../src/engine/customer-ops.js';
import { openSqliteBackend } from '../src/engine/sqlite/sqlite-backend.js';
import type { StoreFill } from '../src/engine/stores.js';
import { answerBody, checkExchange } from '../src/spec-conformance.js';
import { startServer, type RunningServer, type ServerOptions } from '../src/server.js';
import { record } from './helpers-server-tap.js';

/** Token of full scope in the default test app. */
export const TOKEN = 'fakestore-token';
/** Read-only token in the default test app. */
export const READ_ONLY = 'fakestore-read-only';
/** Admin token in the default test app. */
export const ADMIN = 'fakestore-admin';

/**
 * The backend the behaviour suite runs on: `memory` (the default), or `sqlite` when
 * FAKESTORE_TEST_BACKEND=sqlite (vitest.config.ts runs the suite once per backend).
 */
export const TEST_BACKEND: 'memory' | 'sqlite' =
  process.env.FAKESTORE_TEST_BACKEND === 'sqlite' ? 'sqlite' : 'memory';

const opened: Backend[] = [];
let tempDir: string | undefined;

/** A new backend of the suite's kind for one app: undefined (the app's own memory) or a new file. */
export function testBackend(): Backend | undefined {
  if (TEST_BACKEND === 'memory') return undefined;
  tempDir ??= mkdtempSync(path.join(tmpdir(), 'bc-fakestore-test-'));
  const backend = openSqliteBackend(path.join(tempDir, `${opened.length + 1}.sqlite`));
  opened.push(backend);
  return backend;
}

/** App options with the suite's backend, unless they name one. */
export const withTestBackend = <O extends AppOptions>(options: O): O =>
  options.backend || TEST_BACKEND === 'memory' ? options : { ...options, backend: testBackend() };

/** Closes every backend `testBackend` opened and removes their files (run after each test file). */
export async function closeTestBackends(): Promise<void> {
  await Promise.all(opened.splice(0).map((b) => b.close()));
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

/** A fresh store hash, so each test sees its own empty store. */
export const freshHash = (): string => `t${randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** An answer as tests read it. */
export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  /** The parsed JSON body, or an XML body read back into JSON by the spec (undefined when empty). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Throws when an answer breaks the spec. */
export function assertConforms(method: string, url: string, res: Omit<TestResponse, 'body'>): void {
  const problems = checkExchange({ method, url, status: res.status, headers: res.headers, body: res.text });
  if (problems.length) throw new Error(`response breaks the spec:\n  ${problems.join('\n  ')}`);
}

/** A test app with fast password hashing, plus request helpers bound to one store. */
export function testApp(options: AppOptions = {}) {
  const app: App = createApp(withTestBackend({ passwordCost: 16, ...options }));
  const hash = freshHash();

  async function request(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> {
    const full = url.startsWith('/stores/') || url.startsWith('/__admin') ? url : `/stores/${hash}/v2${url}`;
    const opts: InjectOptions = {
      method: method as InjectOptions['method'],
      url: full,
      headers: {
        'x-auth-token': TOKEN,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    };
    const res = await inject(app.handle, opts);
    const out = { status: res.statusCode, headers: res.headers, text: res.payload };
    assertConforms(method, full, out);
    return {
      ...out,
      body: answerBody({ method, url: full, status: out.status, headers: out.headers, body: out.text }),
    };
  }

  return {
    app,
    hash,
    request,
    get: (url: string, headers?: Record<string, string>) => request('GET', url, undefined, headers),
    post: (url: string, body: unknown, headers?: Record<string, string>) =>
      request('POST', url, body, headers),
    put: (url: string, body: unknown, headers?: Record<string, string>) => request('PUT', url, body, headers),
    del: (url: string, headers?: Record<string, string>) => request('DELETE', url, undefined, headers),
  };
}

/** A listening fake on 127.0.0.1 and a free port; close it in the test. */
export async function testServer(options: ServerOptions = {}): Promise<RunningServer> {
  const running = await startServer(
    withTestBackend({ passwordCost: 16, host: '127.0.0.1', port: 0, ...options }),
  );
  // Every answer sent over the socket is checked against the spec as well; `close()` fails the
  // test on the first violation. (Answers node itself sends, such as a 408 timeout, bypass this.)
  const problems: string[] = [];
  running.server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    record(res, (status, headers, body) =>
      problems.push(...checkExchange({ method, url, status, headers, body })),
    );
  });
  const close = running.close;
  return {
    ...running,
    close: async () => {
      await close();
      if (problems.length) throw new Error(`responses broke the spec:\n  ${problems.join('\n  ')}`);
    },
  };
}

/** A valid new customer, unique by `n`. */
export const newCustomer = (n: number | string = 1, extra: Record<string, unknown> = {}) => ({
  first_name: 'Jane',
  last_name: `Doe${n}`,
  email: `jane.doe${n}@example.com`,
  ...extra,
});

/** A valid new address. */
export const newAddress = (extra: Record<string, unknown> = {}) => ({
  first_name: 'Jane',
  last_name: 'Doe',
  phone: '512-555-0100',
  street_1: '123 Main Street',
  city: 'Austin',
  state: 'Texas',
  zip: '78726',
  country: 'United States',
  ...extra,
});

/** Entity counts of a store, read through the engine. */
export async function storeCounts(app: App, hash: string): Promise<StoreCounts> {
  const store = await app.stores.open(hash);
  return store.read((v) => v.counts());
}

/** Creates customers through the engine (as the API would, minus HTTP) at a given time. */
export async function createCustomers(
  app: App,
  hash: string,
  inputs: NewCustomerInput[],
  now: number,
): Promise<void> {
  const store = await app.stores.open(hash);
  for (const input of inputs) await store.write((tx) => createCustomer(tx, input, null, now));
}

/** Records as a store fill (one batch), for `prime` and `stores.fill`. */
export const recordsFill = (records: WorldRecords, fingerprint: string | null = null): StoreFill => ({
  async *batches() {
    yield records;
  },
  fingerprint: () => fingerprint,
});

/** A group record as the API would create it (id, name, time). */
export const groupRecord = (id: number, name: string, at: number): GroupRecord =>
  valueOf(buildGroup({ name }, id, { created: at, modified: at }));
