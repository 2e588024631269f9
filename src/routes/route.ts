/** What a route is: an operation of the spec bound to a handler over the store. */
import type { Tenant } from '../store/tenant.js';

/** What a handler gets: the tenant, path parameters, query, parsed body and the time. */
export interface RouteContext {
  tenant: Tenant;
  params: Record<string, string | undefined>;
  query: URLSearchParams;
  body: unknown;
  now: number;
  hashPassword(password: string): Promise<string>;
}

/** A handler's answer: status, optional JSON text, optional headers. */
export interface Reply {
  status: number;
  body?: string;
  /** The JSON body as UTF-8 bytes (from cached JSON), sent as is; when set, `body` is unused. */
  bytes?: Buffer;
  headers?: Record<string, string>;
}

/** One operation of the spec. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below `/stores/:store_hash/v2`, in find-my-way syntax. */
  path: string;
  operationId: string;
  /** Name of the request body schema in the spec, for operations that take a body. */
  body?: string;
  /** Counted by the stricter password-validation limiter as well. */
  strictLimit?: boolean;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

/** A 200/201 with one JSON document. */
export const ok = (body: string, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
});

/** A collection page: 204 with no body when empty, else a JSON array. */
export const page = (items: string[]): Reply =>
  items.length === 0 ? { status: 204 } : { status: 200, body: `[${items.join(',')}]` };

/** `ok` with the JSON document given as UTF-8 bytes. */
export const okBytes = (bytes: Buffer, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  bytes,
  headers,
});

/**
 * `page` from documents given as UTF-8 bytes: the array is put together by copying bytes, with
 * no text joined, measured or encoded per request.
 */
export function pageOfBytes(items: Buffer[]): Reply {
  if (items.length === 0) return { status: 204 };
  let size = items.length + 1;
  for (const item of items) size += item.length;
  const out = pageBuffer(size);
  out[0] = 0x5b; // [
  let at = 1;
  for (const item of items) {
    if (at > 1) out[at++] = 0x2c; // ,
    out.set(item, at);
    at += item.length;
  }
  out[at] = 0x5d; // ]
  return { status: 200, bytes: out };
}

/** A 204 with no body. */
export const noContent = (): Reply => ({ status: 204 });

/** `{"count": n}`. */
export const count = (n: number): Reply => ({ status: 200, body: `{"count":${n}}` });

/** An integer path parameter (the router only lets digits through). */
export const idParam = (ctx: RouteContext, name: string): number => Number(ctx.params[name]);

/** The store-relative location of a created resource. */
export const location = (ctx: RouteContext, rest: string): Record<string, string> => ({
  Location: `/stores/${ctx.tenant.hash}/v2${rest}`,
});

const SLAB_SIZE = 1 << 20;
let slab = Buffer.allocUnsafeSlow(0);
let slabUsed = 0;

/**
 * Room for one page body, cut from a 1 MiB slab (as Node pools small buffers): one allocation
 * outside the JS heap per slab instead of per page keeps V8 from collecting for "external
 * memory pressure" at every few hundred pages. A slab is never written twice, so each body
 * stays its own until it is collected.
 */
function pageBuffer(size: number): Buffer {
  if (size > SLAB_SIZE / 8) return Buffer.allocUnsafe(size);
  if (slabUsed + size > slab.length) {
    slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
    slabUsed = 0;
  }
  const out = slab.subarray(slabUsed, slabUsed + size);
  slabUsed += (size + 7) & ~7;
  return out;
}
