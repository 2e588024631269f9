/** The admin client's core: openapi-fetch over the generated admin paths, the token, and its error. */
import createFetchClient, { type Client, type Middleware } from 'openapi-fetch';
import { expectBody } from '../client/client-core.js';
import { DEFAULT_ADMIN_TOKEN } from '../config.js';
import type { paths } from '../generated/admin-schema.js';

/** Options of `createAdminClient`. */
export interface AdminClientOptions {
  /** Origin of the fake, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The admin token (`X-Admin-Token`); default `fakestore-admin`. */
  adminToken?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: (input: Request) => Promise<Response>;
}

/** Thrown by every admin client method when the admin API answers with a status outside 2xx. */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** The response body as sent. */
    readonly body: string,
    /** `details` of the first error item (`invalid_reason`, `reason`, ...), when there is one. */
    readonly details: Record<string, string> | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The admin error from a failed answer: its first message and reason, with the route. */
async function toError(request: Request, response: Response): Promise<AdminApiError> {
  const body = await response.text();
  let message = `${response.status} ${response.statusText}`;
  let details: Record<string, string> | undefined;
  try {
    const first = (JSON.parse(body) as { message?: string; details?: Record<string, string> }[])[0];
    if (first?.message) message = first.message;
    details = first?.details;
  } catch {
    // Not the error array: keep the status line.
  }
  const reason = details ? ` (${Object.values(details).join('; ')})` : '';
  const where = `${request.method} ${new URL(request.url).pathname}`;
  return new AdminApiError(
    response.status,
    body,
    details,
    `${where} → ${response.status}: ${message}${reason}`,
  );
}

/** The typed fetch client of the admin API, throwing `AdminApiError` on any non-2xx. */
export type AdminFetch = Client<paths, 'application/json'>;

/** Builds the openapi-fetch client with the admin token and the middleware that rejects. */
export function createAdminFetch(o: AdminClientOptions): AdminFetch {
  const api = createFetchClient<paths, 'application/json'>({
    baseUrl: o.url.replace(/\/+$/, ''),
    headers: { 'X-Admin-Token': o.adminToken ?? DEFAULT_ADMIN_TOKEN, Accept: 'application/json' },
    ...(o.fetch ? { fetch: o.fetch } : {}),
  });
  const reject: Middleware = {
    async onResponse({ request, response }) {
      if (!response.ok) throw await toError(request, response);
      return undefined;
    },
  };
  api.use(reject);
  return api;
}

/** The body of a success that must carry one. */
export const body = <T>(data: T | undefined, operationId: string): T =>
  expectBody(data, operationId, 'the admin API');
