/**
 * Checks an HTTP answer against spec/customers.v2.yaml: the status is declared for the
 * operation, the declared headers are there, the Content-Type is one the response declares, and
 * the body matches its schema (or is empty when the spec declares none). An XML body is read
 * back into JSON by the spec's `xml` names and validated against the same schema. Used by the
 * test suite on every response it receives.
 */
import type { ValidateFunction } from 'ajv';
import { decodeXml, XmlShapeError, type XmlSchema } from './representation/xml-decode.js';
import { checkAdminExchange, checkFaultExchange, header } from './control/admin-conformance.js';
import { FAULT_HEADER } from './control/fault-answers.js';
import { loadSpec, specAjv, type OpenApiOperation } from './spec.js';

/** One answer to check. */
export interface ExchangeToCheck {
  method: string;
  /** Path and query, e.g. `/stores/abc/v2/customers?page=2`. */
  url: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

interface PathMatcher {
  template: string;
  regex: RegExp;
  literals: number;
}

let matchers: PathMatcher[] | undefined;
const validators = new Map<string, ValidateFunction>();

function pathMatchers(): PathMatcher[] {
  matchers ??= Object.keys(loadSpec().paths)
    .map((template) => ({
      template,
      regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
    }))
    .sort((a, b) => b.literals - a.literals);
  return matchers;
}

/** The spec path template a concrete path belongs to (`.json` or `.xml` suffix allowed), or undefined. */
export function matchSpecPath(path: string): string | undefined {
  const p = path.replace(/\/$/, '').replace(/\.(?:json|xml)$/, '');
  return pathMatchers().find((m) => m.regex.test(p))?.template;
}

function validatorFor(pointer: string): ValidateFunction {
  let v = validators.get(pointer);
  if (!v) {
    v = specAjv().compile({ $ref: `spec#${pointer}` });
    validators.set(pointer, v);
  }
  return v;
}

/** The spec node a JSON pointer (`/components/...`) names. */
function specAt(pointer: string): XmlSchema {
  let node: unknown = loadSpec();
  for (const part of pointer.split('/').slice(1)) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (node === undefined) throw new Error(`the spec has nothing at ${pointer}`);
  return node as XmlSchema;
}

/** The media type of a Content-Type header, without parameters, in lower case. */
const mediaType = (type: string): string => (type.split(';')[0] as string).trim().toLowerCase();

/** A body read as the JSON value it carries: parsed JSON, or XML decoded by the schema at `pointer`. */
function readBody(type: string, pointer: string, body: string): unknown {
  if (mediaType(type) !== 'application/xml') return JSON.parse(body);
  return decodeXml(body, specAt(pointer), (ref) => specAt(ref.replace(/^#/, '')));
}

function checkBody(pointer: string, type: string, body: string, where: string, problems: string[]): void {
  let value: unknown;
  try {
    value = readBody(type, pointer, body);
  } catch (err) {
    if (err instanceof XmlShapeError) problems.push(`${where}: XML body ${err.message}`);
    else problems.push(`${where}: body is not JSON: ${body.slice(0, 80)}`);
    return;
  }
  const v = validatorFor(pointer);
  if (!v(value)) {
    const e = v.errors?.[0];
    problems.push(
      `${where}: body ${e?.instancePath || '/'} ${e?.message ?? 'is invalid'} (${JSON.stringify(e?.params)})`,
    );
  }
}

/** A declared header (`#/components/headers/...`): whether it is required and its schema. */
function headerSpec(ref: string): { required?: boolean; schema?: { type?: string } } {
  const name = ref.split('/').pop() as string;
  return (loadSpec().components.headers[name] ?? {}) as { required?: boolean; schema?: { type?: string } };
}

const ERROR_POINTERS: Record<number, string> = {
  401: '/components/schemas/GatewayError',
  403: '/components/schemas/GatewayError',
  // [control] Injected 502 and 504 come from the gateway too (spec/admin.yaml).
  502: '/components/schemas/GatewayError',
  504: '/components/schemas/GatewayError',
};

/** What the spec says of an answer: its operation and response, or, outside any operation, the error schema. */
interface Expected {
  where: string;
  op?: OpenApiOperation;
  /** Name of the response in `components.responses`; undefined when the status is not declared. */
  name?: string;
  response?: { headers?: Record<string, { $ref: string }>; content?: Record<string, unknown> };
  /** Schema pointer of the body outside any operation (a generic error). */
  errorPointer?: string;
}

function expected(x: ExchangeToCheck): Expected {
  const path = x.url.split('?')[0] as string;
  const template = matchSpecPath(path);
  const method = x.method.toUpperCase() === 'HEAD' ? 'get' : x.method.toLowerCase();
  const where = `${x.method.toUpperCase()} ${path} → ${x.status}`;
  const op = template ? (loadSpec().paths[template]?.[method] as OpenApiOperation | undefined) : undefined;
  if (!op) return { where, errorPointer: ERROR_POINTERS[x.status] ?? '/components/schemas/ErrorList' };
  const declared = op.responses[String(x.status)];
  if (!declared) return { where, op };
  const name = (declared.$ref ?? '').split('/').pop() as string;
  return { where, op, name, response: loadSpec().components.responses[name] as Expected['response'] };
}

/**
 * The JSON value an answer's body carries (parsed JSON, or XML read back by the spec), or
 * undefined when it has no body. Throws when the body cannot be read.
 */
export function answerBody(x: ExchangeToCheck): unknown {
  if (x.body === '') return undefined;
  const type = header(x.headers, 'content-type') ?? '';
  if (mediaType(type) !== 'application/xml') return JSON.parse(x.body);
  const e = expected(x);
  const pointer = e.errorPointer ?? `/components/responses/${e.name}/content/application~1xml/schema`;
  return readBody(type, pointer, x.body);
}

/**
 * Returns the ways an answer breaks the spec (empty when it conforms). Answers of the admin API
 * and of injected faults are checked against spec/admin.yaml.
 */
export function checkExchange(x: ExchangeToCheck): string[] {
  const path = x.url.split('?')[0] as string;
  // [control] The admin API is checked against spec/admin.yaml; an injected fault (marked by its
  // header) against the shapes that document gives it, not against this spec.
  if (path.startsWith('/__admin')) return checkAdminExchange(x);
  if (header(x.headers, FAULT_HEADER) !== undefined) {
    const errorXml = (body: string, status: number) =>
      readBody('application/xml', ERROR_POINTERS[status] ?? '/components/schemas/ErrorList', body);
    return checkFaultExchange(x, errorXml);
  }
  const problems: string[] = [];
  const { where, op, name, response, errorPointer } = expected(x);
  const type = header(x.headers, 'content-type') ?? '';
  if (!op) {
    // No such operation: only the generic answers (404, 405, 501, auth, rate limit) may come back.
    if (![401, 403, 404, 405, 406, 429, 501].includes(x.status))
      problems.push(`${where}: no operation in the spec`);
    if (!['application/json', 'application/xml'].includes(mediaType(type)))
      problems.push(`${where}: content-type ${type || '(none)'}`);
    checkBody(errorPointer as string, type, x.body, where, problems);
    return problems;
  }
  if (!name || !response) return [`${where}: status ${x.status} is not declared for ${op.operationId}`];
  for (const [h, ref] of Object.entries(response.headers ?? {})) {
    const declared = headerSpec(ref.$ref);
    const value = header(x.headers, h);
    if (value === undefined) {
      if (declared.required) problems.push(`${where}: missing header ${h}`);
    } else if (declared.schema?.type === 'integer' && !/^\d+$/.test(value)) {
      problems.push(`${where}: header ${h} is not an integer`);
    }
  }
  if (!response.content || x.method.toUpperCase() === 'HEAD') {
    if (x.body !== '') problems.push(`${where}: the spec declares no body, got ${x.body.length} bytes`);
    return problems;
  }
  const media = mediaType(type);
  if (!Object.hasOwn(response.content, media)) {
    problems.push(`${where}: content-type ${type || '(none)'} is not declared for ${name}`);
  } else {
    const pointer = `/components/responses/${name}/content/${media.replace('/', '~1')}/schema`;
    checkBody(pointer, type, x.body, where, problems);
  }
  return problems.map((p) => `${p} [${op.operationId}]`);
}
