/**
 * Compiles faker's locale templates (`{{person.lastName}} {{company.legal_entity_type}}`,
 * postcode formats like `AB## ##?`, `{{helpers.fromRegExp(T[0-9][A-Z] ...)}}`) once into plain
 * functions, so generating an entity costs a few array picks instead of template parsing.
 */
import type { SeededRandom } from './random.js';

/** Produces one string from the seeded generator. */
export type Gen = (rng: SeededRandom) => string;

/** Resolves a template token such as `person.lastName` to a generator, or undefined if unknown. */
export type TokenResolver = (token: string) => Gen | undefined;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Concatenates generated parts (literal parts are constant generators). */
function sequence(parts: readonly (string | Gen)[]): Gen {
  const gens = parts.map((part): Gen => (typeof part === 'string' ? () => part : part));
  const [a, b, c, d] = gens;
  if (!a) return () => '';
  if (!b) return a;
  if (!c) return (rng) => a(rng) + b(rng);
  if (!d) return (rng) => a(rng) + b(rng) + c(rng);
  return (rng) => {
    let out = '';
    for (const gen of gens) out += gen(rng);
    return out;
  };
}

/** Picks one of several generators. */
export function oneOf(gens: readonly Gen[]): Gen {
  const [only] = gens;
  if (gens.length === 1 && only) return only;
  return (rng) => rng.pick(gens)(rng);
}

/**
 * Picks one of faker's symbol formats (`AB## ##?`) and fills it: the same draws as
 * `oneOf(formats.map(compileSymbols))`, but each format is compiled on its first pick. en_CA lists
 * 7,200 postcode formats; compiling them all cost a quarter of a second at every start.
 */
export function oneOfSymbols(formats: readonly string[]): Gen {
  const [only] = formats;
  if (formats.length === 1 && only !== undefined) return compileSymbols(only);
  const compiled = new Map<string, Gen>();
  return (rng) => {
    const format = rng.pick(formats);
    let gen = compiled.get(format);
    if (!gen) compiled.set(format, (gen = compileSymbols(format)));
    return gen(rng);
  };
}

/** A generator picking from a list of strings. */
export function pickFrom(items: readonly string[]): Gen {
  if (items.length === 0) throw new RangeError('cannot pick from an empty list');
  return (rng) => rng.pick(items);
}

/** Zero-padded decimal strings by width (1-4): drawing a digit run allocates nothing. */
const PADDED: string[][] = [[]];
for (let width = 1; width <= 4; width++) {
  PADDED.push(Array.from({ length: 10 ** width }, (_, n) => String(n).padStart(width, '0')));
}

/** A run of `#` (any digit) and `!` (digit 2-9, only as the run's first symbol). */
function digitRun(run: string): Gen {
  if (run.length > 4) {
    const head = digitRun(run.slice(0, run.length - 4));
    const tail = digitRun(run.slice(run.length - 4));
    return (rng) => head(rng) + tail(rng);
  }
  const table = PADDED[run.length] ?? [];
  const span = 10 ** (run.length - 1);
  const low = run.startsWith('!') ? 2 * span : 0;
  const count = 10 * span - low;
  return (rng) => table[low + rng.int(count)] ?? '';
}

/** faker's format symbols: `#` a digit, `!` a digit 2-9, `?` an upper-case letter; the rest is literal. */
export function compileSymbols(format: string): Gen {
  const parts: (string | Gen)[] = [];
  for (const [run] of format.matchAll(/[#!]+|\?|[^#!?]+/g)) {
    if (run.startsWith('#') || run.startsWith('!')) {
      // Only the first `!` of a run is a leading 2-9 digit; split at any later `!`.
      for (const piece of run.match(/[#!]#*/g) ?? []) parts.push(digitRun(piece));
    } else if (run === '?') parts.push((rng) => LETTERS.charAt(rng.int(LETTERS.length)));
    else parts.push(run);
  }
  if (parts.length === 0) parts.push('');
  return sequence(parts);
}

/** Expands a character class body such as `ABCEGHJ-NPRSTVW-Z` or `0-9` to its characters. */
function classChars(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const from = body.charCodeAt(i);
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body.charCodeAt(i + 2);
      for (let c = from; c <= to; c++) out += String.fromCharCode(c);
      i += 2;
    } else out += body.charAt(i);
  }
  return out;
}

/** The regular expressions faker's postcode data uses: literals and `[...]` classes, no quantifiers. */
export function compileSimpleRegExp(source: string): Gen {
  const parts: (string | Gen)[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === '[') {
      const end = source.indexOf(']', i);
      if (end < 0) throw new SyntaxError(`unclosed class in ${source}`);
      const pool = classChars(source.slice(i + 1, end));
      parts.push((rng) => pool.charAt(rng.int(pool.length)));
      i = end;
    } else if ('(){}*+?|\\^$.'.includes(ch)) {
      throw new SyntaxError(`unsupported regular expression ${source}`);
    } else parts.push(ch);
  }
  return sequence(parts);
}

/** Built-in helper tokens faker data uses inside templates. */
function helperToken(token: string): Gen | undefined {
  const int = /^number\.int\((\{.*\})\)$/.exec(token);
  if (int?.[1]) {
    const { min, max } = JSON.parse(int[1]) as { min: number; max: number };
    return (rng) => String(rng.between(min, max));
  }
  const regExp = /^helpers\.fromRegExp\((.*)\)$/.exec(token);
  if (regExp?.[1]) return compileSimpleRegExp(regExp[1]);
  return undefined;
}

/** Compiles a `{{token}}` template; throws on a token neither the resolver nor the helpers know. */
export function compileTemplate(template: string, resolve: TokenResolver): Gen {
  const parts: (string | Gen)[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{\s*(.+?)\s*\}\}/g)) {
    if (match.index > last) parts.push(template.slice(last, match.index));
    const token = match[1] ?? '';
    const gen = resolve(token) ?? helperToken(token);
    if (!gen) throw new Error(`unknown faker template token {{${token}}} in "${template}"`);
    parts.push(gen);
    last = match.index + match[0].length;
  }
  if (last < template.length || parts.length === 0) parts.push(template.slice(last));
  return sequence(parts);
}
