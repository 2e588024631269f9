import { describe, expect, it } from 'vitest';
import { parseAddressRange, parseLocale, parseNow } from '../../src/commands/seed-flags.js';
import { collectDataSet } from '../../src/dataset/index.js';
import { generatedDataSet, generateWorld, SEED_LOCALES } from '../../src/seed/index.js';

describe('the seed flag parsers', () => {
  it.each([
    ['0-3', [0, 3]],
    ['2', [2, 2]],
    [' 1-100 ', [1, 100]],
  ])('read --addresses %j as %j', (given, want) => {
    expect(parseAddressRange(given)).toEqual(want);
  });

  it.each(['3-1', '101', '-1', '1-2-3', 'a'])('refuse --addresses %j', (given) => {
    expect(() => parseAddressRange(given)).toThrow(/Use MIN-MAX from 0 to 100/);
  });

  it.each([
    ['2024-06-01', Date.UTC(2024, 5, 1)],
    ['2024-06-01T12:30:00Z', Date.UTC(2024, 5, 1, 12, 30)],
    ['2024-06-01T12:30:00', Date.UTC(2024, 5, 1, 12, 30)],
    ['2024-06-01T12:30:00+02:00', Date.UTC(2024, 5, 1, 10, 30)],
  ])('read --now %j in UTC unless an offset says otherwise', (given, want) => {
    expect(parseNow(given)).toBe(want);
  });

  it.each(['yesterday', '2024-13-01', '06/01/2024'])('refuse --now %j', (given) => {
    expect(() => parseNow(given)).toThrow(/ISO 8601/);
  });

  it('accept exactly the generator locales', () => {
    for (const locale of SEED_LOCALES) expect(parseLocale(locale)).toBe(locale);
    expect(() => parseLocale('es')).toThrow(/Use one of en_US, en_GB, en_CA, en_AU, de, fr/);
  });
});

describe('a generated data set', () => {
  it('streams the same entries and fingerprint on every read, those of generateWorld', () => {
    const options = { seed: 2, customers: 20 };
    const set = generatedDataSet(options);
    const first = collectDataSet(set);
    const second = collectDataSet(set);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.customers).toEqual(first.customers);
    expect(first.fingerprint).toBe(generateWorld(options).fingerprint);
    expect(set.counts).toEqual({ groups: 3, customers: 20 });
  });
});
