/**
 * The spec at run time: spec/customers.v2.yaml loaded once, and ajv validators compiled from it
 * on first use (request bodies here; responses in spec-conformance.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { missingField, readOnlyField, invalidField, unknownField } from './errors.js';

/** Where the spec file lives (next to src/ and dist/). */
export const SPEC_PATH = fileURLToPath(new URL('../spec/customers.v2.yaml', import.meta.url));

/** The parts of an OpenAPI document this code reads. */
export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components: {
    schemas: Record<string, SchemaObject>;
    responses: Record<string, unknown>;
    headers: Record<string, unknown>;
    parameters: Record<string, unknown>;
  };
}

/** An operation, as far as this code reads it. */
export interface OpenApiOperation {
  operationId: string;
  responses: Record<string, { $ref?: string }>;
  'x-scopes'?: string[];
}

/** A JSON schema object of the spec. */
export interface SchemaObject {
  properties?: Record<string, SchemaObject & { readOnly?: boolean }>;
  [key: string]: unknown;
}

let doc: OpenApiDoc | undefined;
let ajv: Ajv | undefined;
// yaml and ajv load on first use, not at start: the fake answers its first request sooner.
const lazyRequire = createRequire(import.meta.url);

/** The parsed spec (cached). */
export function loadSpec(): OpenApiDoc {
  if (!doc) {
    const { parse } = lazyRequire('yaml') as typeof import('yaml');
    doc = parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDoc;
  }
  return doc;
}

/** One ajv instance holding the whole spec, so `#/components/...` references resolve. */
export function specAjv(): Ajv {
  if (!ajv) {
    const { Ajv: AjvClass } = lazyRequire('ajv') as typeof import('ajv');
    const addFormats = lazyRequire('ajv-formats') as { default: (a: Ajv) => void };
    ajv = new AjvClass({ strict: false, allErrors: false, discriminator: false });
    addFormats.default(ajv);
    ajv.addSchema({ ...loadSpec(), $id: 'spec' } as object, 'spec');
  }
  return ajv;
}

/** A validator for a schema of `components.schemas`. */
export function schemaValidator(name: string): ValidateFunction {
  const v = specAjv().getSchema(`spec#/components/schemas/${name}`);
  if (!v) throw new Error(`spec has no schema ${name}`);
  return v;
}

/** Request body schema → the response schema whose readOnly fields it must not carry. */
export const READ_SIDE: Readonly<Record<string, string>> = {
  CustomerCreate: 'Customer',
  CustomerUpdate: 'Customer',
  AddressCreate: 'Address',
  AddressUpdate: 'Address',
  GroupCreate: 'CustomerGroup',
  GroupUpdate: 'CustomerGroup',
  PasswordCheck: 'PasswordResult',
};

const bodyCheckers = new Map<string, (body: unknown) => void>();

/**
 * A checker for a request body schema: returns when the body is valid, throws the platform's
 * 400 otherwise (missing field, read-only field, unknown field, or invalid value).
 */
export function bodyChecker(schemaName: string): (body: unknown) => void {
  let check = bodyCheckers.get(schemaName);
  if (!check) {
    const validate = schemaValidator(schemaName);
    const readSide = loadSpec().components.schemas[READ_SIDE[schemaName] ?? '']?.properties ?? {};
    const readOnly = new Set(Object.keys(readSide).filter((k) => readSide[k]?.readOnly));
    check = (body) => {
      if (validate(body)) return;
      throw toApiError(validate.errors?.[0], readOnly);
    };
    bodyCheckers.set(schemaName, check);
  }
  return check;
}

function toApiError(e: ErrorObject | undefined, readOnly: Set<string>): Error {
  if (!e) return invalidField('body');
  const path = e.instancePath
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : s))
    .join('.')
    .replace(/\.\[/g, '[');
  const at = (name: string): string => (path ? `${path}.${name}` : name);
  if (e.keyword === 'required') return missingField(at(String(e.params.missingProperty)));
  if (e.keyword === 'additionalProperties') {
    const prop = String(e.params.additionalProperty);
    return !path && readOnly.has(prop) ? readOnlyField(prop) : unknownField(at(prop));
  }
  if (!path) return invalidField('body', 'The request body must be a JSON object.');
  return invalidField(path, `Must ${e.message ?? 'be valid'}.`.replace('Must must', 'Must'));
}
