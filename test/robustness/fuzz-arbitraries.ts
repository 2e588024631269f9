/**
 * Request bodies for the fuzzer, derived from the request schemas of spec/customers.v2.yaml:
 * valid bodies (schema-valid, with domain-valid values where the store has rules the schema
 * cannot say), and invalid ones made by one known mutation, each with the answer it must get.
 */
import fc from 'fast-check';
import { loadSpec, READ_SIDE, type SchemaObject } from '../../src/spec.js';

/** A reference to an entity, resolved against the model when the command runs. */
export class Pick {
  constructor(
    /** Which entity: an index into the model's ids, modulo their number. */
    readonly index: number,
    /** 'existing': a live entity; 'deleted': one deleted earlier; 'missing': one never made; 'foreign': another customer's. */
    readonly kind: 'existing' | 'deleted' | 'missing' | 'foreign',
  ) {}
  toJSON(): string {
    return `<${this.kind} #${this.index}>`;
  }
}

/** A group reference inside a customer body (`customer_group_id`). */
export class GroupPick extends Pick {}

/** A generated request body and what it is. */
export type BodySpec =
  | { kind: 'valid'; value: Record<string, unknown> }
  /** Must be answered 400 by the schema check (before any lookup of the path's ids). */
  | { kind: 'schema-invalid'; reason: string; value?: unknown; raw?: string }
  /** Schema-valid but against a store rule: 400 after the path's ids are found. */
  | { kind: 'rule-invalid'; reason: string; value: Record<string, unknown> };

/** The request schemas the fuzzer writes. */
export type BodySchema =
  | 'CustomerCreate'
  | 'CustomerUpdate'
  | 'AddressCreate'
  | 'AddressUpdate'
  | 'GroupCreate'
  | 'GroupUpdate'
  | 'PasswordCheck';

const schemas = (): Record<string, SchemaObject> => loadSpec().components.schemas;

function deref(s: SchemaObject): SchemaObject {
  let cur = s;
  while (typeof cur.$ref === 'string') {
    const name = cur.$ref.split('/').pop() as string;
    cur = schemas()[name] as SchemaObject;
  }
  return cur;
}

/** Email addresses from a small pool in mixed case, so that duplicates happen often. */
export const emailArb = fc
  .tuple(fc.constantFrom('ada', 'grace', 'alan', 'edsger', 'barbara', 'ken', 'linus', 'frances'), fc.nat(5))
  .chain(([name, n]) => fc.mixedCase(fc.constant(`${name}${n}@example.com`)));

/** Passwords the store accepts (at least 7 characters, letters and digits). */
export const GOOD_PASSWORDS = ['secret123', 'Passw0rd!', 'abc1234', 'ünïcode9x', 'x'.repeat(990) + '1'];
/** Passwords the store refuses. */
export const WEAK_PASSWORDS = ['short1', 'lettersonly', '12345678', 'a1'];
const goodPassword = fc.constantFrom(...GOOD_PASSWORDS);

/** Countries the store knows by their English names. */
export const COUNTRIES = [
  'United States',
  'Canada',
  'Germany',
  'Pakistan',
  'Japan',
  'Brazil',
  'france',
  'UNITED STATES',
];

/** A non-negative amount as a number or a numeric string. */
const moneyArb = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100),
  fc.tuple(fc.nat(999_999), fc.nat(9999)).map(([a, b]) => `${a}.${b}`),
);

const groupNameArb = fc.oneof(
  { weight: 4, arbitrary: fc.mixedCase(fc.constantFrom('retail', 'wholesale', 'vip', 'staff', 'gold')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
);

const categoryAccessArb = fc.oneof(
  fc.constantFrom('all', 'none').map((type) => ({ type })),
  fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }).map((categories) => ({
    type: 'specific',
    categories,
  })),
);

const method = fc.constantFrom('percent', 'fixed', 'price');
const positive = fc.integer({ min: 1, max: 1000 });
const ruleArb = fc.oneof(
  fc.record({ type: fc.constant('category'), method, amount: moneyArb, category_id: positive }),
  fc.record({ type: fc.constant('product'), method, amount: moneyArb, product_id: positive }),
);
/** Discount rules the store accepts: one price_list rule alone, or at most one `all` rule plus others. */
const rulesArb = fc.oneof(
  fc.constant([]),
  positive.map((price_list_id) => [{ type: 'price_list', price_list_id }]),
  fc
    .tuple(
      fc.option(fc.record({ type: fc.constant('all'), method, amount: moneyArb })),
      fc.array(ruleArb, { maxLength: 3 }),
    )
    .map(([all, rest]) => (all ? [all, ...rest] : rest)),
);

const authArb = fc
  .record({ password: goodPassword, confirm: fc.boolean(), force_reset: fc.boolean() }, { requiredKeys: [] })
  .map(({ password, confirm, force_reset }) => ({
    ...(password !== undefined ? { password } : {}),
    ...(password !== undefined && confirm ? { password_confirmation: password } : {}),
    ...(force_reset !== undefined ? { force_reset } : {}),
  }));

/** Values the schema cannot constrain enough: drawn from domain-valid generators instead. */
const OVERRIDES: Record<string, fc.Arbitrary<unknown>> = {
  email: emailArb,
  customer_group_id: fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 4, arbitrary: fc.nat().map((n) => new GroupPick(n, 'existing')) },
  ),
  store_credit: moneyArb,
  _authentication: authArb,
  country: fc.constantFrom(...COUNTRIES),
  name: groupNameArb,
  category_access: categoryAccessArb,
  discount_rules: rulesArb,
  password: fc.oneof(goodPassword, fc.string({ maxLength: 12 })),
};
/** Properties the fuzzer never sends in valid bodies (they only restate the path). */
const SKIP = new Set(['customer_id']);

const text = (min: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: Math.min(max, 24) }),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 24) }) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(max)) },
  );

/** An arbitrary of values that conform to a schema of the spec. */
export function fromSchema(schema: SchemaObject): fc.Arbitrary<unknown> {
  const s = deref(schema);
  if (Array.isArray(s.anyOf)) return fc.oneof(...(s.anyOf as SchemaObject[]).map(fromSchema));
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  switch (s.type) {
    case 'string':
      if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern));
      return text(Number(s.minLength ?? 0), Number(s.maxLength ?? 64));
    case 'integer':
      return fc.integer({ min: Number(s.minimum ?? -1_000_000), max: Number(s.maximum ?? 1_000_000) });
    case 'number':
      return fc.double({ min: 0, max: 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fromSchema(s.items as SchemaObject), {
        maxLength: Math.min(Number(s.maxItems ?? 4), 4),
      });
    case 'object':
      return objectFrom(s);
    default:
      throw new Error(`fuzz: no generator for schema ${JSON.stringify(s).slice(0, 80)}`);
  }
}

function objectFrom(s: SchemaObject): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.fromEntries(
    Object.entries(s.properties ?? {})
      .filter(([k]) => !SKIP.has(k))
      .map(([k, v]) => [k, OVERRIDES[k] ?? fromSchema(v)]),
  );
  const required = ((s.required as string[] | undefined) ?? []).filter((k) => k in props);
  return fc.record(props, { requiredKeys: required });
}

/** Valid bodies of a request schema. */
export const validBody = (name: BodySchema): fc.Arbitrary<Record<string, unknown>> =>
  objectFrom(schemas()[name] as SchemaObject);

function wrongTypeFor(s: SchemaObject): unknown {
  const d = deref(s);
  if (d.anyOf) return true;
  if (d.type === 'string') return 12345;
  if (d.type === 'integer' || d.type === 'number') return '12';
  if (d.type === 'boolean') return 'true';
  if (d.type === 'array') return { not: 'an array' };
  return 'not an object';
}

/** Bodies the schema check must refuse with a 400, each with the mutation that made it. */
export function schemaInvalidBody(name: BodySchema): fc.Arbitrary<BodySpec> {
  const schema = schemas()[name] as SchemaObject;
  const props = Object.entries(schema.properties ?? {});
  const required = (schema.required as string[] | undefined) ?? [];
  const readSide = schemas()[READ_SIDE[name] as string]?.properties ?? {};
  const readOnly = Object.keys(readSide).filter(
    (k) => readSide[k]?.readOnly && !(k in (schema.properties ?? {})),
  );
  const limited = props.filter(([, v]) => typeof deref(v).maxLength === 'number');
  const base = validBody(name);
  const mutations: fc.Arbitrary<BodySpec>[] = [
    base.map((value) => ({
      kind: 'schema-invalid',
      reason: 'unknown field',
      value: { ...value, bogus_field: 1 },
    })),
    fc.tuple(base, fc.constantFrom(...props)).map(([value, [k, v]]) => ({
      kind: 'schema-invalid',
      reason: `wrong type for ${k}`,
      value: { ...value, [k]: wrongTypeFor(v) },
    })),
    fc.constantFrom<unknown>([], [{}], 'a string', null, 42, true).map((value) => ({
      kind: 'schema-invalid',
      reason: 'not an object',
      value,
    })),
    fc.constantFrom('{"first_name":', '{bad json}', '', '   ', '[1,2', '{"a":1}}', '\u0000').map((raw) => ({
      kind: 'schema-invalid',
      reason: 'malformed JSON',
      raw,
    })),
  ];
  if ('store_credit' in (schema.properties ?? {})) {
    // The spec's MoneyInput has no negative amounts: a schema refusal, before any id is looked up.
    mutations.push(
      fc.tuple(base, fc.constantFrom(-1, '-0.5', -0.01)).map(([value, store_credit]) => ({
        kind: 'schema-invalid',
        reason: 'negative store credit',
        value: { ...value, store_credit },
      })),
    );
  }
  if (required.length) {
    mutations.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([value, k]) => {
        const copy = { ...value };
        delete copy[k];
        return { kind: 'schema-invalid', reason: `missing ${k}`, value: copy };
      }),
    );
  }
  if (readOnly.length) {
    mutations.push(
      fc.tuple(base, fc.constantFrom(...readOnly)).map(([value, k]) => ({
        kind: 'schema-invalid',
        reason: `read-only ${k}`,
        // Values no stored record has: a read-only field sent back unchanged is accepted (sheet: PHP round trips).
        value: { ...value, [k]: k === 'id' ? 999_999 : 'x' },
      })),
    );
  }
  if (limited.length) {
    mutations.push(
      fc.tuple(base, fc.constantFrom(...limited)).map(([value, [k, v]]) => ({
        kind: 'schema-invalid',
        reason: `${k} over maxLength`,
        value: { ...value, [k]: 'y'.repeat(Number(deref(v).maxLength) + 1) },
      })),
    );
  }
  return fc.oneof(...mutations);
}

/** Schema-valid bodies that break a store rule (400 once the path's ids are found). */
export function ruleInvalidBody(name: BodySchema): fc.Arbitrary<BodySpec> | undefined {
  const base = validBody(name);
  const bad = (reason: string, patch: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<BodySpec> =>
    fc.tuple(base, patch).map(([value, p]) => ({ kind: 'rule-invalid', reason, value: { ...value, ...p } }));
  switch (name) {
    case 'CustomerCreate':
    case 'CustomerUpdate':
      return fc.oneof(
        bad(
          'huge store credit',
          fc.constantFrom(1e12, '99999999999999').map((store_credit) => ({ store_credit })),
        ),
        bad(
          'weak password',
          fc.constantFrom(...WEAK_PASSWORDS).map((password) => ({ _authentication: { password } })),
        ),
        bad(
          'confirmation mismatch',
          goodPassword.map((password) => ({
            _authentication: { password, password_confirmation: `${password}x` },
          })),
        ),
        bad(
          'confirmation alone',
          goodPassword.map((p) => ({ _authentication: { password_confirmation: p } })),
        ),
        bad(
          'missing group',
          fc.nat().map((n) => ({ customer_group_id: new GroupPick(n, 'missing') })),
        ),
      );
    case 'AddressCreate':
    case 'AddressUpdate':
      return bad(
        'unknown country',
        fc.constantFrom('Narnia', 'Atlantis', 'Nowhere Land', ' ').map((country) => ({ country })),
      );
    case 'GroupCreate':
    case 'GroupUpdate':
      return fc.oneof(
        bad(
          'price_list with other rules',
          fc.constant({
            discount_rules: [
              { type: 'price_list', price_list_id: 1 },
              { type: 'all', method: 'fixed', amount: 1 },
            ],
          }),
        ),
        bad(
          'two all rules',
          fc.constant({
            discount_rules: [
              { type: 'all', method: 'fixed', amount: 1 },
              { type: 'all', method: 'percent', amount: 2 },
            ],
          }),
        ),
        bad(
          'rule without amount',
          fc.constant({ discount_rules: [{ type: 'category', method: 'fixed', category_id: 1 }] }),
        ),
        bad(
          'category rule with product_id',
          fc.constant({
            discount_rules: [{ type: 'category', method: 'fixed', amount: 1, category_id: 1, product_id: 2 }],
          }),
        ),
        bad('specific access without categories', fc.constant({ category_access: { type: 'specific' } })),
        bad('categories for all access', fc.constant({ category_access: { type: 'all', categories: [1] } })),
      );
    default:
      return undefined;
  }
}

/** Any body for a schema: mostly valid, sometimes broken by a schema or a store rule. */
export function bodyArb(name: BodySchema): fc.Arbitrary<BodySpec> {
  const options: fc.WeightedArbitrary<BodySpec>[] = [
    { weight: 14, arbitrary: validBody(name).map((value) => ({ kind: 'valid', value })) },
    { weight: 3, arbitrary: schemaInvalidBody(name) },
  ];
  const rule = ruleInvalidBody(name);
  if (rule) options.push({ weight: 2, arbitrary: rule });
  return fc.oneof(...options);
}
