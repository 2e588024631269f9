/**
 * Concurrency against a real socket: parallel creates racing for one email (also while password
 * hashing yields to the event loop), parallel updates of one customer, deletes racing reads, and
 * a large seed loading while another store is being served.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { worldFill } from '../../src/seed/index.js';
import type { RunningServer } from '../../src/server.js';
import { assertConforms, newAddress, newCustomer, storeCounts, testServer, TOKEN } from '../helpers.js';

interface Answer {
  status: number;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One request over the socket; the answer is checked against the spec. */
async function call(
  s: RunningServer,
  hash: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const url = `/stores/${hash}/v2${path}`;
  const res = await fetch(`${s.url}${url}`, {
    method,
    headers: { 'X-Auth-Token': TOKEN, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const headers = Object.fromEntries(res.headers.entries());
  assertConforms(method, url, { status: res.status, headers, text });
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
}

async function withServer(
  run: (s: RunningServer) => Promise<void>,
  options: Parameters<typeof testServer>[0] = {},
) {
  const s = await testServer(options);
  try {
    await run(s);
  } finally {
    await s.close();
  }
}

const countBy = (answers: Answer[]): Record<number, number> =>
  answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});

describe('racing creates', () => {
  it.each([
    ['without a password', {}],
    ['with a password (hashed asynchronously)', { _authentication: { password: 'secret123' } }],
  ])('of 200 customers with one email %s: exactly one 201, 199 duplicates', async (_name, extra) => {
    await withServer(async (s) => {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          call(s, 'race', 'POST', '/customers', {
            ...newCustomer(i, extra),
            email: i % 2 ? 'Same@Example.com' : 'same@example.com',
          }),
        ),
      );
      expect(countBy(answers)).toEqual({ 201: 1, 400: 199 });
      for (const a of answers.filter((x) => x.status === 400)) {
        expect(a.body[0].details).toEqual({
          invalid_reason: 'This email address is already in use by a customer.',
        });
      }
      expect((await call(s, 'race', 'GET', '/customers/count')).body).toEqual({ count: 1 });
      const winner = answers.find((a) => a.status === 201)?.body;
      if ('_authentication' in extra) {
        expect(
          (await call(s, 'race', 'POST', `/customers/${winner.id}/validate`, { password: 'secret123' })).body,
        ).toEqual({
          success: true,
        });
      }
    });
  });

  it('of 100 groups with one name: exactly one 201, 99 conflicts', async () => {
    await withServer(async (s) => {
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          call(s, 'groups', 'POST', '/customer_groups', { name: i % 2 ? 'VIP' : 'vip' }),
        ),
      );
      expect(countBy(answers)).toEqual({ 201: 1, 409: 99 });
    });
  });
});

describe('racing updates of one customer', () => {
  const valueSet = (k: number) => ({
    first_name: `First${k}`,
    last_name: `Last${k}`,
    company: `Company${k}`,
    phone: `555-${String(k).padStart(4, '0')}`,
    notes: `notes of set ${k}`,
    store_credit: k,
  });
  const setOf = (c: Record<string, unknown>): number => Number(String(c.first_name).slice(5));
  const consistent = (c: Record<string, unknown>): boolean => {
    const k = setOf(c);
    const want = valueSet(k);
    return (
      c.last_name === want.last_name &&
      c.company === want.company &&
      c.phone === want.phone &&
      c.notes === want.notes &&
      c.store_credit === `${k}.0000`
    );
  };

  it.each([
    ['plain', (_k: number) => ({})],
    [
      'some with a new password',
      (k: number) => (k % 3 === 0 ? { _authentication: { password: `secret${k}x` } } : {}),
    ],
  ])('never lose a field nor mix two updates (%s)', async (_name, extra) => {
    await withServer(async (s) => {
      const created = await call(s, 'upd', 'POST', '/customers', newCustomer(1, valueSet(0)));
      const id = created.body.id as number;
      const work: Promise<Answer>[] = [];
      for (let k = 1; k <= 150; k++) {
        work.push(call(s, 'upd', 'PUT', `/customers/${id}`, { ...valueSet(k), ...extra(k) }));
        if (k % 5 === 0) work.push(call(s, 'upd', 'GET', `/customers/${id}`));
      }
      const answers = await Promise.all(work);
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
      for (const a of answers) expect(consistent(a.body), a.text).toBe(true);
      const final = await call(s, 'upd', 'GET', `/customers/${id}`);
      expect(consistent(final.body)).toBe(true);
      expect(setOf(final.body)).toBeGreaterThan(0);
      expect(
        (await call(s, 'upd', 'GET', `/customers?first_name=First${setOf(final.body)}`)).body,
      ).toHaveLength(1);
    });
  });
});

describe('racing deletes and reads', () => {
  it('never answer 5xx, and leave no address without its customer', async () => {
    await withServer(async (s) => {
      const ids: number[] = [];
      for (let i = 0; i < 40; i++) {
        const c = await call(
          s,
          'del',
          'POST',
          '/customers',
          newCustomer(i, { _authentication: { password: 'secret123' } }),
        );
        ids.push(c.body.id);
        await call(s, 'del', 'POST', `/customers/${c.body.id}/addresses`, newAddress());
      }
      await call(s, 'del', 'POST', '/customer_groups', { name: 'G' });
      const work: Promise<Answer>[] = [];
      for (const id of ids) {
        work.push(
          call(s, 'del', 'DELETE', `/customers/${id}`),
          call(s, 'del', 'DELETE', `/customers/${id}`),
          call(s, 'del', 'GET', `/customers/${id}`),
          call(s, 'del', 'GET', `/customers/${id}/addresses`),
          call(s, 'del', 'POST', `/customers/${id}/addresses`, newAddress()),
          call(s, 'del', 'PUT', `/customers/${id}`, {
            customer_group_id: 1,
            _authentication: { password: 'other123' },
          }),
          call(s, 'del', 'POST', `/customers/${id}/validate`, { password: 'secret123' }),
          call(s, 'del', 'DELETE', `/customers/${id}/addresses`),
          call(s, 'del', 'GET', '/customers?limit=250'),
          call(s, 'del', 'GET', '/customers/count'),
        );
      }
      work.push(
        call(s, 'del', 'DELETE', '/customer_groups/1'),
        call(s, 'del', 'DELETE', `/customers?max_id=${ids[19]}`),
      );
      const answers = await Promise.all(work);
      expect(answers.filter((a) => a.status >= 500)).toEqual([]);
      const statuses = new Set(answers.map((a) => a.status));
      for (const st of statuses) expect([200, 201, 204, 400, 404]).toContain(st);
      expect((await call(s, 'del', 'GET', '/customers/count')).body).toEqual({ count: 0 });
      expect(await storeCounts(s.app, 'del')).toEqual({ customers: 0, addresses: 0, groups: 0 });
    });
  });
});

describe('a large seed', () => {
  const size = Number(process.env.SEED_LOAD_CUSTOMERS ?? 50_000);

  it(`loading ${size} customers into one store does not stop another store from being served`, async () => {
    const started = performance.now();
    let primeMs = 0;
    const prime = (hash: string) => (hash === 'big' ? worldFill({ customers: size, storeHash: hash }) : null);
    await withServer(
      async (s) => {
        const delay = monitorEventLoopDelay({ resolution: 10 });
        delay.enable();
        const big = call(s, 'big', 'GET', '/customers/count');
        const small: Answer[] = [];
        const latencies: number[] = [];
        const smallTraffic = (async () => {
          for (let i = 0; i < 40; i++) {
            const started = performance.now();
            small.push(await call(s, 'small', 'GET', '/customers/count'));
            latencies.push(performance.now() - started);
          }
        })();
        const [bigAnswer] = await Promise.all([
          big.then((a) => ((primeMs = performance.now() - started), a)),
          smallTraffic,
        ]);
        delay.disable();
        expect(bigAnswer.body).toEqual({ count: size });
        expect(small.map((a) => a.status)).toEqual(Array(40).fill(200));
        // Reported, not asserted (no timing assertions): the store fills a slice at a time, so
        // the longest stall is one slice, not the whole load. See docs/robustness.md.
        console.info(
          `seed load: ${size} customers primed in ${primeMs.toFixed(0)} ms; longest event-loop stall ` +
            `${(delay.max / 1e6).toFixed(0)} ms; slowest request to another store ${Math.max(...latencies).toFixed(0)} ms`,
        );
      },
      { prime },
    );
  }, 60_000);
});
