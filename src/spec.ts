/**
 * The spec at run time: spec/customers.v2.yaml loaded once, and ajv validators compiled from it
 * on first use (request bodies here; responses in spec-conformance.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { invalid, Rejection } from './domain/reasons.js';
import { packageFile } from './package-files.js';

/** Where the spec file lives (spec/ of the package). */
export const SPEC_PATH = packageFile('spec', 'customers.v2.yaml');

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

/** A request body that passed its schema, and the read-only fields it echoed (set aside, not checked). */
export interface CheckedBody {
  body: unknown;
  /** Read-only fields the body carried, by name: a create refuses them, an update compares them. */
  echoed: Record<string, unknown>;
}

const bodyCheckers = new Map<string, (body: unknown) => CheckedBody>();

/**
 * A checker for a request body schema. Read-only fields (the read side's `readOnly` properties)
 * are set aside first, so that a client sending back what it read can be judged by value; the
 * rest must pass the schema, or the platform's 400 is thrown (missing, unknown or invalid field).
 */
export function bodyChecker(schemaName: string): (body: unknown) => CheckedBody {
  let check = bodyCheckers.get(schemaName);
  if (!check) {
    const validate = schemaValidator(schemaName);
    const readSide = loadSpec().components.schemas[READ_SIDE[schemaName] ?? '']?.properties ?? {};
    const writable = loadSpec().components.schemas[schemaName]?.properties ?? {};
    const readOnly = Object.keys(readSide).filter((k) => readSide[k]?.readOnly && !(k in writable));
    check = (raw) => {
      const echoed: Record<string, unknown> = {};
      let body = raw;
      if (isObject(raw) && readOnly.some((k) => k in raw)) {
        const rest: Record<string, unknown> = { ...raw };
        for (const k of readOnly) {
          if (k in rest) {
            echoed[k] = rest[k];
            delete rest[k];
          }
        }
        body = rest;
      }
      if (!validate(body)) throw toRejection(validate.errors?.[0]);
      return { body, echoed };
    };
    bodyCheckers.set(schemaName, check);
  }
  return check;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function toRejection(e: ErrorObject | undefined): Rejection {
  if (!e) return new Rejection(invalid([], 'the body is invalid'));
  const path = e.instancePath
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (e.keyword === 'required') {
    return new Rejection({ kind: 'missing', at: [...path, String(e.params.missingProperty)] });
  }
  if (e.keyword === 'additionalProperties') {
    return new Rejection({ kind: 'unknown_field', at: [...path, String(e.params.additionalProperty)] });
  }
  if (path.length === 0) return new Rejection(invalid(['body'], 'the request body must be a JSON object'));
  return new Rejection(invalid(path, e.message ?? 'is invalid'));
}
