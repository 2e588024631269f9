/**
 * Matching JSON bodies: a partial match (every field the expectation names, at any depth, has
 * that value), JSON path conditions, and the field-by-field differences a near miss shows.
 */

/** One way a request differs from what was expected. */
export interface Difference {
  /** `method`, `path`, `operationId`, `query.<name>`, `headers.<name>`, `body.<path>`. */
  field: string;
  expected: unknown;
  /** What was sent; undefined when it was missing. */
  actual: unknown;
}

/** A condition on one value of the body, at a JSON path (`$.addresses[0].city`). */
export interface BodyPathCondition {
  path: string;
  /** The value is exactly this (deep equality). */
  equals?: unknown;
  /** The value is a string this regular expression matches. */
  matches?: string;
  /** The value is there (true) or not (false). */
  exists?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `actual` has every field of `expected` with the same value (arrays: same length, each item partial). */
export function partialMatch(expected: unknown, actual: unknown): boolean {
  if (isObject(expected)) {
    if (!isObject(actual)) return false;
    for (const k in expected) if (!(k in actual) || !partialMatch(expected[k], actual[k])) return false;
    return true;
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => partialMatch(e, actual[i]))
    );
  }
  return expected === actual;
}

/** How many fields keep `actual` from matching `expected` partially (as `partialDifferences` lists them). */
export function partialMismatches(expected: unknown, actual: unknown): number {
  if (isObject(expected) && isObject(actual)) {
    let n = 0;
    for (const k in expected) n += k in actual ? partialMismatches(expected[k], actual[k]) : 1;
    return n;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    let n = 0;
    for (let i = 0; i < expected.length; i++) n += partialMismatches(expected[i], actual[i]);
    return n;
  }
  return partialMatch(expected, actual) ? 0 : 1;
}

/** The differences that keep `actual` from matching `expected` partially, by field path. */
export function partialDifferences(expected: unknown, actual: unknown, at: string, out: Difference[]): void {
  if (isObject(expected) && isObject(actual)) {
    for (const k of Object.keys(expected)) {
      const field = `${at}.${k}`;
      if (!(k in actual)) out.push({ field, expected: expected[k], actual: undefined });
      else partialDifferences(expected[k], actual[k], field, out);
    }
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((e, i) => partialDifferences(e, actual[i], `${at}[${i}]`, out));
    return;
  }
  if (!partialMatch(expected, actual)) out.push({ field: at, expected, actual });
}

/** Whole-value equality of two JSON values. */
export const deepEqual = (a: unknown, b: unknown): boolean => partialMatch(a, b) && partialMatch(b, a);

const STEP = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[["']([^"']*)["']\]/y;

/** The keys of a JSON path (`$.a.b[0]`, `a.b[0]`, `$['x']`), or null when it does not parse. */
export function pathKeys(path: string): (string | number)[] | null {
  const text = path.startsWith('$') ? path.slice(1) : path.startsWith('.') ? path : `.${path}`;
  const keys: (string | number)[] = [];
  STEP.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    STEP.lastIndex = at;
    const m = STEP.exec(text);
    if (!m) return null;
    keys.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] as string)));
    at = STEP.lastIndex;
  }
  return keys;
}

/** The value at a JSON path, and whether it is there. */
export function valueAt(root: unknown, keys: (string | number)[]): { found: boolean; value: unknown } {
  let v: unknown = root;
  for (const k of keys) {
    if (typeof k === 'number' ? !Array.isArray(v) || k >= v.length : !isObject(v) || !(k in v))
      return { found: false, value: undefined };
    v = (v as Record<string | number, unknown>)[k];
  }
  return { found: true, value: v };
}

/** A compiled body path condition: whether a body meets it, and how it differs when it does not. */
export interface CompiledCondition {
  test(body: unknown): boolean;
  difference(body: unknown): Difference | null;
}

/** Compiles a body path condition; throws a message for a path or pattern that does not parse. */
export function compileCondition(c: BodyPathCondition): CompiledCondition {
  const keys = pathKeys(c.path);
  if (!keys) throw new Error(`the JSON path '${c.path}' does not parse (write $.field.sub[0])`);
  const re = c.matches === undefined ? null : new RegExp(c.matches);
  const field = `body${c.path.replace(/^\$/, '').replace(/^(?=[^.[])/, '.')}`;
  const expected =
    c.equals !== undefined
      ? c.equals
      : re
        ? `matching /${c.matches}/`
        : c.exists === false
          ? '(absent)'
          : '(present)';
  const test = (body: unknown): boolean => {
    const { found, value } = valueAt(body, keys);
    if (c.exists !== undefined && found !== c.exists) return false;
    if (c.equals !== undefined && !(found && deepEqual(c.equals, value))) return false;
    if (re && !(found && typeof value === 'string' && re.test(value))) return false;
    return true;
  };
  return {
    test,
    difference: (body) => (test(body) ? null : { field, expected, actual: valueAt(body, keys).value }),
  };
}
