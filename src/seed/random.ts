/**
 * The seeded randomness behind generated data: a small sfc32 generator that faker uses as its
 * Randomizer, reseeded per entity from a hash of (seed, store hash, entity kind, index) so that
 * entity N never depends on how many entities are generated.
 */
import { createHash } from 'node:crypto';
import type { Randomizer } from '@faker-js/faker';

/** The kinds of seeded streams; each kind gets its own independent sequence per index. */
export const STREAM = {
  group: 1,
  customer: 2,
  address: 3,
  addressCount: 4,
  homeCountry: 5,
} as const;

/** One of the {@link STREAM} kinds. */
export type StreamKind = (typeof STREAM)[keyof typeof STREAM];

/** 128 bits of key material (four uint32 words) derived from the seed and the store hash. */
export type SeedKey = readonly [number, number, number, number];

/** Derives the key of a store's world from its seed and store hash (sha256, so any machine agrees). */
export function seedKey(seed: number, storeHash: string): SeedKey {
  const digest = createHash('sha256').update(`bc-fakestore/seed/v1\u0000${seed}\u0000${storeHash}`).digest();
  return [digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8), digest.readUInt32BE(12)];
}

/** murmur3's 32-bit finalizer: a cheap bijective mix of a uint32. */
function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uint32 hash of (key, kind, index, lane): a cheap stand-alone draw without a generator. */
export function streamHash(key: SeedKey, kind: StreamKind, index: number, lane = 0): number {
  const high = Math.floor(index / 0x100000000);
  const h = fmix32(fmix32(index >>> 0) ^ fmix32(Math.imul(kind, 0x9e3779b9) + high) ^ (key[lane & 3] ?? 0));
  return fmix32(h + Math.imul(lane + 1, 0x632be5ab));
}

/** sfc32 (Small Fast Counting, 32-bit): the Randomizer behind the generator's Faker instance. */
export class SeededRandom implements Randomizer {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 1;

  /** Restarts the sequence for one entity of one kind. */
  reseed(key: SeedKey, kind: StreamKind, index: number): void {
    this.setState(
      streamHash(key, kind, index, 0),
      streamHash(key, kind, index, 1),
      streamHash(key, kind, index, 2),
      streamHash(key, kind, index, 3),
    );
  }

  /** Faker's Randomizer contract: restart from a number or up to four numbers. */
  seed(seed: number | number[]): void {
    const words = Array.isArray(seed) ? seed : [seed];
    this.setState(words[0] ?? 0, words[1] ?? 0, words[2] ?? 0, words[3] ?? 1);
  }

  /** A float in [0, 1) with 32 bits of randomness (bound: faker calls it detached). */
  readonly next = (): number => this.nextUint32() / 4294967296;

  /** The next raw uint32 of the sequence. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.nextUint32() / 4294967296) * n);
  }

  /** An integer in [min, max], both inclusive. */
  between(min: number, max: number): number {
    return min + Math.floor((this.nextUint32() / 4294967296) * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.nextUint32() / 4294967296 < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
    return items[Math.floor((this.nextUint32() / 4294967296) * items.length)] as T;
  }

  private setState(a: number, b: number, c: number, d: number): void {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }
}
