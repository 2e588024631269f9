/**
 * CORS for browser apps that call the fake: preflights answered before auth (a browser sends no
 * token with them), and the platform's headers exposed on every answer so the app can read them.
 */
import type { IncomingMessage } from 'node:http';

/** Which origins may call: any (`*`), or a list. */
export type CorsOrigins = '*' | readonly string[];

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, DELETE';
const ALLOW_HEADERS = 'X-Auth-Token, X-Auth-Client, Content-Type, Accept, If-Modified-Since';
/** The answer headers a client of the platform reads. */
const EXPOSE_HEADERS = [
  'X-Rate-Limit-Time-Window-Ms',
  'X-Rate-Limit-Time-Reset-Ms',
  'X-Rate-Limit-Requests-Quota',
  'X-Rate-Limit-Requests-Left',
  'X-Retry-After',
  'X-BC-Store-Version',
  'Location',
  'Last-Modified',
].join(', ');

/** The allowed origin to echo for a request, or undefined when the request is not allowed (or not cross-origin). */
export function allowedOrigin(req: IncomingMessage, origins: CorsOrigins): string | undefined {
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return undefined;
  if (origins === '*') return '*';
  return origins.includes(origin) ? origin : undefined;
}

/** Whether a request is a CORS preflight. */
export const isPreflight = (req: IncomingMessage): boolean =>
  req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;

/** Headers of an answer to an allowed cross-origin request. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSE_HEADERS,
    ...(origin === '*' ? {} : { Vary: 'Origin' }),
  };
}

/** Headers of the answer to an allowed preflight (204, no body). */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'Access-Control-Allow-Methods': ALLOW_METHODS,
    'Access-Control-Allow-Headers': ALLOW_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}
