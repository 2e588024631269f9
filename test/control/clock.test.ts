import { describe, expect, it } from 'vitest';
import { Clocks } from '../../src/control/clock.js';
import { parseDuration, parseInstant } from '../../src/control/time-values.js';
import { ADMIN, newCustomer, testApp } from '../helpers.js';

const admin = { 'x-admin-token': ADMIN };
const at = (iso: string): number => Date.parse(iso);

describe('the virtual clock', () => {
  it('frozen, it stamps every write with the same time; advanced, the next write moves on', async () => {
    const t = testApp();
    const clock = (change: unknown) => t.request('POST', `/__admin/stores/${t.hash}/clock`, change, admin);
    expect((await clock({ action: 'freeze', at: '2024-01-01T00:00:00Z' })).body).toMatchObject({
      scope: 'store',
      mode: 'frozen',
      now: '2024-01-01T00:00:00.000Z',
    });
    const a = await t.post('/customers', newCustomer(1));
    const b = await t.post('/customers', newCustomer(2));
    expect(a.body.date_created).toBe('Mon, 01 Jan 2024 00:00:00 +0000');
    expect(b.body.date_created).toBe(a.body.date_created);
    await clock({ action: 'advance', by: '1h30m' });
    const updated = await t.put('/customers/1', { notes: 'later' });
    expect(updated.body.date_modified).toBe('Mon, 01 Jan 2024 01:30:00 +0000');
    expect(updated.body.date_created).toBe('Mon, 01 Jan 2024 00:00:00 +0000');
  });

  it('drives incremental sync: min_date_modified finds exactly what changed since the last run', async () => {
    const t = testApp({ clockStart: { at: at('2024-05-01T10:00:00Z'), frozen: true } });
    for (let i = 1; i <= 3; i++) await t.post('/customers', newCustomer(i));
    await t.request('POST', '/__admin/clock', { action: 'advance', by: 'PT1H' }, admin);
    await t.put('/customers/2', { notes: 'changed' });
    const since = encodeURIComponent('2024-05-01T10:30:00Z');
    const changed = await t.get(`/customers?min_date_modified=${since}`);
    expect(changed.body.map((c: { id: number }) => c.id)).toEqual([2]);
  });

  it('drives the rate-limit window and X-Retry-After without waiting', async () => {
    const t = testApp({ rateLimit: { quota: 2, windowMs: 30_000 } });
    await t.request('POST', `/__admin/stores/${t.hash}/clock`, { action: 'freeze' }, admin);
    expect((await t.get('/customers/count')).status).toBe(200);
    expect((await t.get('/customers/count')).status).toBe(200);
    const limited = await t.get('/customers/count');
    expect(limited.status).toBe(429);
    expect(limited.headers['x-retry-after']).toBe('30');
    await t.request('POST', `/__admin/stores/${t.hash}/clock`, { action: 'advance', by: '20s' }, admin);
    expect((await t.get('/customers/count')).headers['x-retry-after']).toBe('10');
    await t.request('POST', `/__admin/stores/${t.hash}/clock`, { action: 'advance', by: 10_000 }, admin);
    const fresh = await t.get('/customers/count');
    expect(fresh.status).toBe(200);
    expect(fresh.headers['x-rate-limit-requests-left']).toBe('1');
  });

  it('moves one store without moving the others, and the store can follow the global clock again', async () => {
    const t = testApp({ clockStart: { at: at('2024-01-01T00:00:00Z'), frozen: true } });
    await t.request(
      'POST',
      `/__admin/stores/${t.hash}/clock`,
      { action: 'set', at: '2030-06-01T00:00:00Z' },
      admin,
    );
    const mine = await t.post('/customers', newCustomer(1));
    const other = await t.post(`/stores/other${t.hash}/v2/customers`, newCustomer(1));
    expect(mine.body.date_created).toBe('Sat, 01 Jun 2030 00:00:00 +0000');
    expect(other.body.date_created).toBe('Mon, 01 Jan 2024 00:00:00 +0000');
    const follow = await t.del(`/__admin/stores/${t.hash}/clock`, admin);
    expect(follow.body).toMatchObject({ scope: 'global', now: '2024-01-01T00:00:00.000Z' });
    expect((await t.get('/__admin/clock', admin)).body).toMatchObject({ mode: 'frozen' });
  });

  it('refuses a change it cannot read', async () => {
    const t = testApp();
    const res = await t.request('POST', '/__admin/clock', { action: 'advance', by: 'soon' }, admin);
    expect(res.status).toBe(400);
    expect(res.body[0].details.invalid_reason).toContain('duration');
    expect((await t.request('POST', '/__admin/clock', { action: 'set' }, admin)).status).toBe(400);
    expect((await t.request('POST', '/__admin/clock', { action: 'rewind' }, admin)).status).toBe(400);
  });
});

describe('Clocks', () => {
  it('runs from a set time, freezes, advances, and returns to real time', () => {
    let real = at('2024-01-01T00:00:00Z');
    const c = new Clocks(() => real);
    c.change(undefined, { action: 'set', at: at('2025-01-01T00:00:00Z') });
    real += 5_000;
    expect(c.view()).toMatchObject({ mode: 'shifted', now: '2025-01-01T00:00:05.000Z' });
    c.change(undefined, { action: 'freeze' });
    real += 5_000;
    c.change(undefined, { action: 'advance', byMs: 1_000 });
    expect(c.now()).toBe(at('2025-01-01T00:00:06Z'));
    c.change(undefined, { action: 'real' });
    expect(c.now()).toBe(real);
  });
});

describe('durations and instants', () => {
  it.each([
    [1500, 1500],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['2d', 172_800_000],
    ['PT15M', 900_000],
    ['P1DT1H', 90_000_000],
    ['-30s', -30_000],
    ['soon', null],
    ['1h30', null],
    ['P', null],
  ])('%s is %s ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('reads ISO 8601 (UTC without an offset) and epoch ms', () => {
    expect(parseInstant('2024-01-01T00:00:00Z')).toBe(at('2024-01-01T00:00:00Z'));
    expect(parseInstant('2024-01-01T00:00:00')).toBe(at('2024-01-01T00:00:00Z'));
    expect(parseInstant('2024-01-01T02:00:00+02:00')).toBe(at('2024-01-01T00:00:00Z'));
    expect(parseInstant(0)).toBe(0);
    expect(parseInstant('yesterday')).toBeNull();
  });
});

describe('provider states', () => {
  it('are stamped with the fake’s virtual clock', async () => {
    const t = testApp({ clockStart: { at: at('2023-03-03T03:03:03Z'), frozen: true } });
    const state = { state: 'a customer with email ada@example.com exists' };
    const res = await t.request('POST', `/__admin/provider-states?store_hash=${t.hash}`, state, admin);
    expect(res.status).toBe(200);
    expect((await t.get('/customers?email=ada@example.com')).body[0].date_created).toBe(
      'Fri, 03 Mar 2023 03:03:03 +0000',
    );
  });
});
