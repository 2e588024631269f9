/**
 * Checks answers of the admin API against spec/admin.yaml, and answers of injected faults against
 * the shapes it documents for them (`x-injected-answers`): the same kind of check as
 * src/spec-conformance.ts makes of the store's answers, used on every answer the suite receives.
 */
import type { OpenApiOperation } from '../spec.js';
import { adminValidator, describeAjvError, loadAdminSpec } from './admin-spec.js';
import { FAULT_HEADER } from './fault-answers.js';

/** One answer to check (as src/spec-conformance.ts takes it). */
export interface AnswerToCheck {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

interface ResponseObject {
  $ref?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: unknown; 'x-line'?: { $ref: string } }>;
}

/** A header's value, by name in any case; repeated values joined. */
export function header(headers: AnswerToCheck['headers'], name: string): string | undefined {
  const v = headers[name.toLowerCase()] ?? headers[name];
  return v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : String(v);
}

/** A response object and its JSON pointer, following `$ref`s between responses. */
function resolve(r: ResponseObject, pointer: string): [ResponseObject, string] {
  let out = r;
  let at = pointer;
  while (out.$ref) {
    at = out.$ref.slice(1);
    out = loadAdminSpec().components.responses[out.$ref.split('/').pop() as string] as ResponseObject;
  }
  return [out, at];
}

/** Reads an XML body back into the JSON value it carries (the V2 spec's XML names), for a status. */
export type XmlReader = (body: string, status: number) => unknown;

/**
 * The problems of an answer against one response of the spec. An XML answer (an injected fault
 * to a client that asked for XML) is read back by `readXml` and checked against the JSON schema.
 */
function checkResponse(
  r: ResponseObject,
  pointer: string,
  x: AnswerToCheck,
  where: string,
  readXml?: XmlReader,
): string[] {
  const [response, at] = resolve(r, pointer);
  const problems: string[] = [];
  for (const h of Object.keys(response.headers ?? {}))
    if (header(x.headers, h) === undefined) problems.push(`${where}: missing header ${h}`);
  const types = Object.keys(response.content ?? {});
  if (types.length === 0 || x.method.toUpperCase() === 'HEAD') {
    if (x.body !== '') problems.push(`${where}: the spec declares no body, got ${x.body.length} bytes`);
    return problems;
  }
  const sent = (header(x.headers, 'content-type') ?? '').split(';')[0]?.trim() ?? '';
  const xml = readXml !== undefined && sent === 'application/xml' && types.includes('application/json');
  const type = xml ? 'application/json' : sent;
  if (!types.includes(type))
    return [...problems, `${where}: content-type ${type || '(none)'}, not ${types.join(' or ')}`];
  const media = response.content?.[type];
  const line = media?.['x-line']?.$ref;
  const values: unknown[] = [];
  try {
    if (line) {
      for (const l of x.body.split('\n')) if (l !== '') values.push(JSON.parse(l));
    } else if (xml) {
      values.push((readXml as XmlReader)(x.body, x.status));
    } else {
      values.push(JSON.parse(x.body));
    }
  } catch {
    return [
      ...problems,
      `${where}: body is not ${line ? 'ndjson' : xml ? 'XML of the expected shape' : 'JSON'}: ${x.body.slice(0, 80)}`,
    ];
  }
  const v = adminValidator(line ? line.slice(1) : `${at}/content/${type.replace('/', '~1')}/schema`);
  for (const value of values) {
    if (!v(value)) {
      problems.push(`${where}: body ${describeAjvError(v.errors?.[0])}`);
      break;
    }
  }
  return problems;
}

interface PathMatcher {
  template: string;
  regex: RegExp;
  literals: number;
}
let matchers: PathMatcher[] | undefined;

function templateOf(path: string): string | undefined {
  matchers ??= Object.keys(loadAdminSpec().paths)
    .map((template) => ({
      template,
      regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
      literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
    }))
    .sort((a, b) => b.literals - a.literals);
  return matchers.find((m) => m.regex.test(path))?.template;
}

/** The ways an admin answer breaks spec/admin.yaml (empty when it conforms). */
export function checkAdminExchange(x: AnswerToCheck): string[] {
  const path = x.url.split('?')[0] as string;
  const where = `${x.method.toUpperCase()} ${path} → ${x.status}`;
  const template = templateOf(path);
  const method = x.method.toUpperCase() === 'HEAD' ? 'get' : x.method.toLowerCase();
  const op = template
    ? (loadAdminSpec().paths[template]?.[method] as OpenApiOperation | undefined)
    : undefined;
  if (!op) {
    if (![404, 405].includes(x.status)) return [`${where}: no operation in spec/admin.yaml`];
    return checkResponse({ $ref: '#/components/responses/NotFound' }, '', x, where);
  }
  const declared = op.responses[String(x.status)] as ResponseObject | undefined;
  if (!declared) return [`${where}: status ${x.status} is not declared for ${op.operationId}`];
  const pointer = `/paths/${template?.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${x.status}`;
  return checkResponse(declared, pointer, x, where).map((p) => `${p} [${op.operationId}]`);
}

/** The ways an injected answer breaks the shapes spec/admin.yaml documents for it. */
export function checkFaultExchange(x: AnswerToCheck, readXml?: XmlReader): string[] {
  const where = `${x.method.toUpperCase()} ${x.url.split('?')[0]} → ${x.status} (injected ${header(x.headers, FAULT_HEADER)})`;
  const add = loadAdminSpec().paths['/__admin/stores/{hash}/faults']?.post as Record<string, unknown>;
  const answers = add['x-injected-answers'] as Record<string, ResponseObject>;
  const response = answers[String(x.status)];
  // Other injected answers are the store's own with a body broken on purpose (malformed).
  if (!response) return [];
  return checkResponse(response, '', x, where, readXml);
}
