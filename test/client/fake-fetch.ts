/** A fake `fetch` for client tests: answers from a function and keeps every request it saw. */
import { createClient, type BigCommerceClient } from '../../src/client/index.js';

export const BASE_URL = 'https://api.example.test';
export const STORE_HASH = 'abc123';
export const TOKEN = 'test-token';

/** The four rate-limit headers every real response carries. */
export const rateLimitHeaders = (left = 149): Record<string, string> => ({
  'X-Rate-Limit-Time-Window-Ms': '30000',
  'X-Rate-Limit-Time-Reset-Ms': '12345',
  'X-Rate-Limit-Requests-Quota': '150',
  'X-Rate-Limit-Requests-Left': String(left),
});

/** A JSON response with the rate-limit headers. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...rateLimitHeaders(), ...headers },
  });

/** A response without a body (204), with the rate-limit headers. */
export const empty = (status = 204): Response => new Response(null, { status, headers: rateLimitHeaders() });

/** A client whose fetch answers with `answer` and records each request in `requests`. */
export function clientAnswering(answer: (request: Request) => Response = () => empty()): {
  client: BigCommerceClient;
  requests: Request[];
} {
  const requests: Request[] = [];
  const client = createClient({
    baseUrl: BASE_URL,
    storeHash: STORE_HASH,
    token: TOKEN,
    fetch: async (request) => {
      requests.push(request);
      return answer(request);
    },
  });
  return { client, requests };
}

/** The only request a test made. */
export function onlyRequest(requests: Request[]): Request {
  const [request, ...rest] = requests;
  if (!request || rest.length > 0) throw new Error(`expected one request, got ${requests.length}`);
  return request;
}
