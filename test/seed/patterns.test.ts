import { describe, expect, it } from 'vitest';
import { CanonicalHash } from '../../src/dataset/canonical.js';
import { compileSimpleRegExp, compileSymbols, compileTemplate, pickFrom } from '../../src/seed/patterns.js';
import { SeededRandom, seedKey, STREAM } from '../../src/seed/random.js';
import { amount4, nameSlug } from '../../src/seed/values.js';

const rng = new SeededRandom();
rng.seed([1, 2, 3, 4]);

describe('compileSymbols', () => {
  it.each([
    ['#####', /^\d{5}$/],
    ['!##-!##-####', /^[2-9]\d\d-[2-9]\d\d-\d{4}$/],
    ['AB# #??', /^AB\d \d[A-Z]{2}$/],
    ['Apt. ###', /^Apt\. \d{3}$/],
    ['01#1 ### ####', /^01\d1 \d{3} \d{4}$/],
    ['+49-####-########', /^\+49-\d{4}-\d{8}$/],
    ['', /^$/],
  ])('fills %s', (format, want) => {
    const gen = compileSymbols(format);
    for (let i = 0; i < 50; i++) expect(gen(rng)).toMatch(want);
  });
});

describe('compileTemplate', () => {
  it('resolves tokens, number.int ranges and simple fromRegExp classes', () => {
    const resolve = (token: string) => (token === 'person.lastName' ? pickFrom(['Smith']) : undefined);
    expect(compileTemplate('{{person.lastName}} LLC', resolve)(rng)).toBe('Smith LLC');
    const zip = compileTemplate('0{{number.int({"min": 6001,"max": 6389})}}', resolve);
    for (let i = 0; i < 50; i++) expect(Number(zip(rng))).toBeGreaterThanOrEqual(6001);
    const ca = compileTemplate(
      '{{helpers.fromRegExp([GHJ][0-9][ABCEGHJ-NPRSTVW-Z] [0-9][A-Z][0-9])}}',
      resolve,
    );
    for (let i = 0; i < 50; i++) expect(ca(rng)).toMatch(/^[GHJ]\d[ABCEGHJ-NPRSTV-Z] \d[A-Z]\d$/);
  });

  it('refuses an unknown token instead of emitting it', () => {
    expect(() => compileTemplate('{{nope.nothing}}', () => undefined)).toThrow(
      /unknown faker template token/,
    );
    expect(() => compileSimpleRegExp('A+')).toThrow(/unsupported/);
  });
});

describe('SeededRandom', () => {
  it('replays the same sequence for the same (key, kind, index) and differs across indexes', () => {
    const key = seedKey(1, 'store');
    const draw = (index: number): number[] => {
      rng.reseed(key, STREAM.customer, index);
      return [rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
    for (let i = 0; i < 1000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('CanonicalHash', () => {
  const digest = (write: (h: CanonicalHash) => void): string => {
    const h = new CanonicalHash();
    write(h);
    return h.digest();
  };

  it('tells apart values that would concatenate to the same text', () => {
    expect(digest((h) => (h.string('ab'), h.string('c')))).not.toBe(
      digest((h) => (h.string('a'), h.string('bc'))),
    );
    expect(digest((h) => h.string('1'))).not.toBe(digest((h) => h.number(1)));
    expect(digest((h) => h.string(null))).not.toBe(digest((h) => h.string('')));
  });

  it('hashes objects independently of key order, and long strings across buffer flushes', () => {
    expect(digest((h) => h.value({ a: 1, b: [true, null] }))).toBe(
      digest((h) => h.value({ b: [true, null], a: 1 })),
    );
    const long = 'é€x'.repeat(700_000);
    expect(digest((h) => h.string(long))).toBe(digest((h) => h.string(long)));
    expect(digest((h) => h.string(long))).not.toBe(digest((h) => h.string(`${long}x`)));
  });
});

describe('values', () => {
  it.each([
    [0, '0.0000'],
    [5, '0.0500'],
    [1250, '12.5000'],
    [100000, '1000.0000'],
  ])('formats %i cents as %s', (cents, want) => expect(amount4(cents)).toBe(want));

  it.each([
    ['Müller', 'mueller'],
    ['Strauß', 'strauss'],
    ["O'Keefe", 'okeefe'],
    ['Héloïse', 'heloise'],
    ['Anne-Marie', 'annemarie'],
  ])('slugs %s as %s', (name, want) => expect(nameSlug(name)).toBe(want));
});
