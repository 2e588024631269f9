import createFetchClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../types.js';
import { BigCommerceApiError } from './api-error.js';
import { BigCommerceNetworkError } from './network-error.js';
import { describeResponse, type ResponseMeta } from './rate-limit.js';

/** Options of `createClient`. */
export interface ClientOptions {
  /** Origin of the API, without the store prefix: `https://api.bigcommerce.com` or the fake's address. */
  baseUrl: string;
  /** The store hash; filled into every path. */
  storeHash: string;
  /** Access token, sent as `X-Auth-Token`. */
  token: string;
  /** A `fetch` to use instead of the global one (tests inject a fake). */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra headers for every request. `X-Auth-Token` and `Accept` are always the client's own. */
  headers?: Record<string, string>;
}

/** What the per-resource method sets share: the typed fetch client, the store hash and the last response. */
export interface ClientCore {
  readonly api: Client<paths, 'application/json'>;
  readonly storeHash: string;
  lastResponse: ResponseMeta | undefined;
}

/**
 * Builds the openapi-fetch client with the auth headers and the middleware that records and
 * rejects: `BigCommerceApiError` for an answer outside 2xx, `BigCommerceNetworkError` for no answer.
 */
export function createClientCore(options: ClientOptions): ClientCore {
  const headers = new Headers(options.headers);
  headers.set('X-Auth-Token', options.token);
  headers.set('Accept', 'application/json');
  const api = createFetchClient<paths, 'application/json'>({
    baseUrl: options.baseUrl,
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const core: ClientCore = { api, storeHash: options.storeHash, lastResponse: undefined };
  const recordAndReject: Middleware = {
    async onResponse({ response }) {
      const meta = describeResponse(response);
      core.lastResponse = meta;
      if (!response.ok) {
        const body = await response.text();
        throw new BigCommerceApiError({
          status: response.status,
          body,
          headers: response.headers,
          rateLimit: meta.rateLimit,
        });
      }
      return undefined;
    },
    onError({ request, error }) {
      // An abort is the caller's own doing: it stays as fetch threw it.
      if (error instanceof Error && error.name === 'AbortError') return error;
      return new BigCommerceNetworkError({ method: request.method, url: request.url, error });
    },
  };
  api.use(recordAndReject);
  return core;
}

/** The body of a success that must carry one; a 2xx without it is a protocol error. */
export function expectBody<T>(data: T | undefined, operationId: string, api = 'the API'): T {
  if (data === undefined) throw new Error(`${operationId}: ${api} answered without a body`);
  return data;
}
