/**
 * Checks an HTTP answer against spec/customers.v2.yaml: the status is declared for the
 * operation, the declared headers are there, the body matches the schema (or is empty when the
 * spec declares none). Used by the test suite on every response it receives.
 */
import type { ValidateFunction } from 'ajv';
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

/** The spec path template a concrete path belongs to (`.json` suffix allowed), or undefined. */
export function matchSpecPath(path: string): string | undefined {
  const p = path.replace(/\/$/, '').replace(/\.json$/, '');
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

function header(headers: ExchangeToCheck['headers'], name: string): string | undefined {
  const v = headers[name.toLowerCase()] ?? headers[name];
  return v === undefined ? undefined : Array.isArray(v) ? v.join(', ') : String(v);
}

function checkBody(pointer: string, body: string, where: string, problems: string[]): void {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    problems.push(`${where}: body is not JSON: ${body.slice(0, 80)}`);
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
};

/**
 * Returns the ways an answer breaks the spec (empty when it conforms). Requests outside the
 * spec's paths (the admin API) are not checked.
 */
export function checkExchange(x: ExchangeToCheck): string[] {
  const path = x.url.split('?')[0] as string;
  if (path.startsWith('/__admin')) return [];
  const problems: string[] = [];
  const template = matchSpecPath(path);
  const method = x.method.toUpperCase() === 'HEAD' ? 'get' : x.method.toLowerCase();
  const where = `${x.method.toUpperCase()} ${path} → ${x.status}`;
  const op = template ? (loadSpec().paths[template]?.[method] as OpenApiOperation | undefined) : undefined;
  if (!op) {
    // No such operation: only the generic answers (404, 405, 501, auth, rate limit) may come back.
    if (![401, 403, 404, 405, 406, 429, 501].includes(x.status))
      problems.push(`${where}: no operation in the spec`);
    checkBody(ERROR_POINTERS[x.status] ?? '/components/schemas/ErrorList', x.body, where, problems);
    return problems;
  }
  const declared = op.responses[String(x.status)];
  if (!declared) return [`${where}: status ${x.status} is not declared for ${op.operationId}`];
  const name = (declared.$ref ?? '').split('/').pop() as string;
  const response = loadSpec().components.responses[name] as {
    headers?: Record<string, { $ref: string }>;
    content?: Record<string, unknown>;
  };
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
  const type = header(x.headers, 'content-type') ?? '';
  if (!type.startsWith('application/json')) problems.push(`${where}: content-type ${type || '(none)'}`);
  checkBody(`/components/responses/${name}/content/application~1json/schema`, x.body, where, problems);
  return problems.map((p) => `${p} [${op.operationId}]`);
}
