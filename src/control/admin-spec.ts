/**
 * spec/admin.yaml at run time: loaded once, with ajv validators for the admin API's request
 * bodies (and, in admin-conformance.ts, its answers).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { ApiError } from '../errors.js';
import { packageFile } from '../package-files.js';
import type { OpenApiDoc } from '../spec.js';

/** Where the admin spec lives (spec/ of the package). */
export const ADMIN_SPEC_PATH = packageFile('spec', 'admin.yaml');

let doc: OpenApiDoc | undefined;
let ajv: Ajv | undefined;
const lazyRequire = createRequire(import.meta.url);

/** The parsed admin spec (cached). */
export function loadAdminSpec(): OpenApiDoc {
  if (!doc) {
    const { parse } = lazyRequire('yaml') as typeof import('yaml');
    doc = parse(readFileSync(ADMIN_SPEC_PATH, 'utf8')) as OpenApiDoc;
  }
  return doc;
}

/** One ajv instance holding the admin spec, so `#/components/...` references resolve. */
export function adminAjv(): Ajv {
  if (!ajv) {
    const { Ajv: AjvClass } = lazyRequire('ajv') as typeof import('ajv');
    const addFormats = lazyRequire('ajv-formats') as { default: (a: Ajv) => void };
    ajv = new AjvClass({ strict: false, allErrors: false, discriminator: true });
    addFormats.default(ajv);
    ajv.addSchema({ ...loadAdminSpec(), $id: 'admin' } as object, 'admin');
  }
  return ajv;
}

/** A validator for a JSON pointer into the admin spec (`/components/schemas/FaultRuleCreate`). */
export function adminValidator(pointer: string): ValidateFunction {
  const id = `admin#${pointer}`;
  const v = adminAjv().getSchema(id);
  if (!v) throw new Error(`spec/admin.yaml has no ${pointer}`);
  return v;
}

/** One ajv error as a sentence: where and what. */
export function describeAjvError(e: ErrorObject | undefined): string {
  if (!e) return 'the value is invalid';
  const at = e.instancePath || '/';
  if (e.keyword === 'additionalProperties')
    return `${at}: unknown field '${String(e.params.additionalProperty)}'`;
  if (e.keyword === 'required') return `${at}: missing field '${String(e.params.missingProperty)}'`;
  if (e.keyword === 'enum') return `${at} ${e.message ?? ''}: ${JSON.stringify(e.params.allowedValues)}`;
  return `${at} ${e.message ?? 'is invalid'}`;
}

/** A request body that passed its admin schema, typed; otherwise a 400 that says what is wrong. */
export function adminBody<T>(schema: string, body: unknown): T {
  const v = adminValidator(`/components/schemas/${schema}`);
  if (!v(body)) throw badAdminBody(describeAjvError(v.errors?.[0]));
  return body as T;
}

/** The admin API's 400 for a body it cannot use. */
export const badAdminBody = (reason: string): ApiError =>
  new ApiError(400, 'The request body is invalid.', { invalid_reason: reason });
