import { afterEach, describe, expect, it } from 'vitest';
import { newCustomer } from '../helpers.js';
import { controlFake, jsonBody, type ControlFake } from './control-helpers.js';

let fake: ControlFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A fake with one customer in the test's store. */
async function fakeWithCustomer(options = {}): Promise<ControlFake> {
  fake = await controlFake(options);
  expect((await fake.api('/customers', jsonBody('POST', newCustomer(1)))).status).toBe(201);
  return fake;
}

/** What a fetch came to: its status, or the name of the error it failed with. */
async function outcome(res: Promise<Response>): Promise<number | string> {
  try {
    const r = await res;
    await r.arrayBuffer();
    return r.status;
  } catch (err) {
    return (err as Error).name;
  }
}

describe('status faults', () => {
  it('answer 503 and 500 with the v2 error array, marked, instead of the store', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, { match: { method: 'PUT' }, fault: { type: 'status', status: 503 } });
    await f.admin.addFault(f.hash, { match: { method: 'DELETE' }, fault: { type: 'status', status: 500 } });
    const put = await f.api('/customers/1', jsonBody('PUT', { notes: 'lost' }));
    expect(put.status).toBe(503);
    expect(await put.json()).toEqual([{ status: 503, message: 'Service Unavailable' }]);
    expect(put.headers.get('x-fakestore-fault')).toBe('f1');
    expect(put.headers.get('x-rate-limit-requests-left')).toMatch(/^\d+$/);
    const del = await f.api('/customers/1', { method: 'DELETE' });
    expect(await del.json()).toEqual([{ status: 500, message: 'Internal Server Error' }]);
    // Neither reached the store.
    expect(await (await f.api('/customers/1')).json()).toMatchObject({ notes: '' });
  });

  it('answer 502 and 504 with the gateway object', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, {
      match: { path: '/customers/1' },
      fault: { type: 'status', status: 502 },
    });
    await f.admin.addFault(f.hash, { match: { path: '/customers' }, fault: { type: 'status', status: 504 } });
    const bad = await f.api('/customers/1');
    expect(bad.status).toBe(502);
    expect(await bad.json()).toMatchObject({ status: 502, title: 'Bad Gateway', errors: {} });
    expect(await (await f.api('/customers')).json()).toMatchObject({ status: 504, title: 'Gateway Timeout' });
  });

  it('answer 429 with all four rate-limit headers, none left, and X-Retry-After', async () => {
    const f = await fakeWithCustomer({ rateLimit: { quota: 150, windowMs: 30_000 } });
    await f.admin.addFault(f.hash, { fault: { type: 'status', status: 429 }, trigger: { times: 1 } });
    await f.admin.addFault(f.hash, { fault: { type: 'status', status: 429, retry_after: 7 } });
    const first = await f.api('/customers/1');
    expect(first.status).toBe(429);
    expect(first.headers.get('x-rate-limit-requests-quota')).toBe('150');
    expect(first.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
    expect(first.headers.get('x-rate-limit-requests-left')).toBe('0');
    const resetMs = Number(first.headers.get('x-rate-limit-time-reset-ms'));
    expect(Number(first.headers.get('x-retry-after'))).toBe(Math.max(1, Math.ceil(resetMs / 1000)));
    const second = await f.api('/customers/1');
    expect(second.headers.get('x-retry-after')).toBe('7');
    expect(second.headers.get('x-rate-limit-time-reset-ms')).toBe('7000');
  });

  it('come in XML, with the fault marker, to a client that asked for XML', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, { fault: { type: 'status', status: 503 } });
    await f.admin.addFault(f.hash, { fault: { type: 'status', status: 502 } });
    const res = await f.api('/customers/1.xml');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(res.headers.get('x-fakestore-fault')).toBe('f1');
    expect(await res.text()).toContain('Service Unavailable');
  });

  it('answer after the store when handled: the write took effect, its answer was lost', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, {
      match: { method: 'PUT' },
      fault: { type: 'status', status: 503 },
      handled: true,
    });
    expect((await f.api('/customers/1', jsonBody('PUT', { notes: 'kept' }))).status).toBe(503);
    await f.admin.clearFaults(f.hash);
    expect(await (await f.api('/customers/1')).json()).toMatchObject({ notes: 'kept' });
  });
});

describe('connection faults, as a fetch client sees them', () => {
  it('reset: the request fails with a network error', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, { match: { operationId: 'getCustomer' }, fault: { type: 'reset' } });
    expect(await outcome(f.api('/customers/1'))).toBe('TypeError');
    const [entry] = await f.admin.listRequests(f.hash, { operationId: 'getCustomer' });
    expect(entry?.response.status).toBeNull();
    expect(entry?.fault).toMatchObject({ rule: 'f1', type: 'reset' });
  });

  it('empty reply: the connection closes with nothing sent', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, { fault: { type: 'empty' } });
    expect(await outcome(f.api('/customers/1'))).toBe('TypeError');
  });

  it('malformed: the status and headers of the store, a body that is not JSON', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, { fault: { type: 'malformed' } });
    const res = await f.api('/customers/1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    const [entry] = await f.admin.listRequests(f.hash, { operationId: 'getCustomer' });
    expect(entry?.response.body).toBe(text);
  });

  it('truncated: the head arrives, the body stops short and reading it fails', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, { fault: { type: 'truncated' } });
    const res = await f.api('/customers/1');
    expect(res.status).toBe(200);
    const length = Number(res.headers.get('content-length'));
    expect(length).toBeGreaterThan(100);
    await expect(res.text()).rejects.toThrow(TypeError);
  });

  it('hang: no answer until the client gives up; the journal shows a request without one', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, { match: { method: 'GET' }, fault: { type: 'hang' } });
    const res = f.api('/customers/1', { signal: AbortSignal.timeout(200) });
    expect(await outcome(res)).toBe('TimeoutError');
    expect(await f.admin.listRequests(f.hash, { status: 'none' })).toMatchObject([
      { operationId: 'getCustomer', duration_ms: null, fault: { type: 'hang' } },
    ]);
  });
});

describe('delays and triggers', () => {
  it('delays an answer by a fixed time and shows the delay in the journal', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, { match: { method: 'GET' }, delay: { type: 'fixed', ms: 30 } });
    expect((await f.api('/customers/1')).status).toBe(200);
    const [entry] = await f.admin.listRequests(f.hash, { method: 'GET' });
    expect(entry?.fault).toMatchObject({ type: 'delay', delay_ms: 30 });
    expect(entry?.response.status).toBe(200);
  });

  it('fires on the next N matching calls only, or only after N calls', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, {
      match: { path: '/customers/1' },
      fault: { type: 'status', status: 503 },
      trigger: { after: 1, times: 2 },
    });
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push((await f.api('/customers/1')).status);
    expect(seen).toEqual([200, 503, 503, 200, 200]);
    expect(await f.admin.listFaults(f.hash)).toMatchObject([{ id: 'f1', matched: 5, applied: 2 }]);
  });

  it('matches on body conditions', async () => {
    const f = await fakeWithCustomer();
    await f.admin.addFault(f.hash, {
      match: { method: 'POST', body: { last_name: 'Unlucky' } },
      fault: { type: 'status', status: 503 },
    });
    expect((await f.api('/customers', jsonBody('POST', newCustomer(2)))).status).toBe(201);
    const unlucky = newCustomer(3, { last_name: 'Unlucky' });
    expect((await f.api('/customers', jsonBody('POST', unlucky))).status).toBe(503);
  });

  it('gives the same sequence twice for the same seed and probability', async () => {
    const f = await fakeWithCustomer();
    const run = async (): Promise<number[]> => {
      await f.admin.clearFaults(f.hash);
      await f.admin.addFault(f.hash, {
        fault: { type: 'status', status: 503 },
        trigger: { probability: 0.5, seed: 42 },
      });
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await f.api('/customers/1')).status);
      return out;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('lists, deletes one and clears rules; a missing rule is a 404', async () => {
    const f = await fakeWithCustomer();
    const a = await f.admin.addFault(f.hash, { fault: { type: 'status', status: 500 } });
    await f.admin.addFault(f.hash, { delay: { type: 'uniform', min_ms: 1, max_ms: 2 } });
    expect((await f.admin.listFaults(f.hash)).map((r) => r.id)).toEqual(['f1', 'f2']);
    await f.admin.deleteFault(f.hash, a.id);
    expect((await f.admin.listFaults(f.hash)).map((r) => r.id)).toEqual(['f2']);
    await expect(f.admin.deleteFault(f.hash, a.id)).rejects.toMatchObject({ status: 404 });
    await f.admin.clearFaults(f.hash);
    expect(await f.admin.listFaults(f.hash)).toEqual([]);
  });

  it('refuses a rule that does nothing or mixes shapes', async () => {
    const f = await fakeWithCustomer();
    await expect(f.admin.addFault(f.hash, { match: { method: 'GET' } })).rejects.toMatchObject({
      status: 400,
      details: { invalid_reason: 'a rule needs a fault, a delay, or both' },
    });
    await expect(f.admin.addFault(f.hash, { fault: { type: 'reset', status: 503 } })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      f.admin.addFault(f.hash, { delay: { type: 'uniform', min_ms: 5, max_ms: 1 } }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('serve --chaos', () => {
  it('gives every store the preset, drawn per store the same way on every run', async () => {
    const statuses = async (): Promise<(number | string)[]> => {
      fake = await controlFake({ chaos: 'heavy', journalSize: 10 });
      const out: (number | string)[] = [];
      for (let i = 0; i < 40; i++) out.push(await outcome(fetchFrom(fake, 'chaosstore')));
      const rules = await fake.admin.listFaults('chaosstore');
      await fake.close();
      fake = undefined;
      expect(rules.map((r) => r.id)).toContain('chaos-1');
      return out;
    };
    const first = await statuses();
    expect(first.some((s) => s !== 200 && s !== 404)).toBe(true);
    expect(await statuses()).toEqual(first);
  });
});

/** GET a customer that does not exist in another store of the fake. */
function fetchFrom(f: ControlFake, hash: string): Promise<Response> {
  return fetch(`${f.url}/stores/${hash}/v2/customers/1`, { headers: { 'X-Auth-Token': 'fakestore-token' } });
}
