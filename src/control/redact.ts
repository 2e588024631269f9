/** Secrets out of what the journal shows: tokens in headers, passwords and tokens in bodies. */
import type { IncomingHttpHeaders } from 'node:http';

/** What a secret is shown as. */
export const REDACTED = '[redacted]';

const SECRET_KEY = /password|token|secret|authorization|cookie|api[-_]?key/i;

/** Whether a header or field name holds a secret. */
export const isSecretKey = (name: string): boolean => SECRET_KEY.test(name);

/** Request headers with secret values replaced (names as node gives them: lower case). */
export function redactHeaders(headers: IncomingHttpHeaders | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const v = headers[name];
    if (v === undefined) continue;
    out[name] = isSecretKey(name) ? REDACTED : Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

/** A JSON value with the values of secret keys replaced, at any depth (a copy; the input is untouched). */
export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? REDACTED : redactValue(v);
  return out;
}

/** A value shown at a dotted field path: redacted when any key of the path holds a secret. */
export const redactAt = (field: string, value: unknown): unknown =>
  field.split(/[.[\]]/).some((k) => k !== '' && isSecretKey(k)) && value !== undefined
    ? REDACTED
    : redactValue(value);
