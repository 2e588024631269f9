/** Seeded randomness for fault rules: the same seed gives the same draws, run after run. */

/** A generator of numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a text (FNV-1a), to derive per-store seeds. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** How long a rule delays an answer. */
export type Delay =
  | { type: 'fixed'; ms: number }
  | { type: 'uniform'; min_ms: number; max_ms: number }
  | { type: 'lognormal'; median_ms: number; sigma: number };

/** Longest delay a rule draws (a log-normal tail is cut here). */
export const MAX_DELAY_MS = 60_000;

/** Draws one delay (ms) from a rule's distribution with its generator. */
export function drawDelay(d: Delay | undefined, random: () => number): number {
  if (!d) return 0;
  switch (d.type) {
    case 'fixed':
      return d.ms;
    case 'uniform':
      return d.min_ms + random() * (d.max_ms - d.min_ms);
    case 'lognormal': {
      // Box-Muller: a standard normal from two uniforms (1 - u keeps the log finite).
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.min(MAX_DELAY_MS, d.median_ms * Math.exp(d.sigma * z));
    }
  }
}
