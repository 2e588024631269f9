/**
 * What a route is: an operation of a spec bound to a handler. V2 routes run over one store;
 * admin routes over the registry. Both go through the same router, body reader and error table.
 */
import type { IncomingMessage } from 'node:http';
import type { Compat } from '../compat.js';
import type { Control } from '../control/control.js';
import type { Stores, Store } from '../engine/stores.js';
import type { ResolvedOptions } from '../options.js';
import type { Reply } from '../http/reply.js';
import type { CustomerJsonCache } from '../representation/json-cache.js';

export type { Reply } from '../http/reply.js';

/** What a V2 handler gets. */
export interface RouteContext {
  store: Store;
  req: IncomingMessage;
  params: Record<string, string | undefined>;
  query: URLSearchParams;
  /** The body, checked against the operation's schema, without its read-only fields. */
  body: unknown;
  /** Read-only fields the body carried (see `checkEchoed`). */
  echoed: Record<string, unknown>;
  /** The store's clock, in whole seconds (epoch ms). */
  now: number;
  compat: Compat;
  linkBase: string;
  json: CustomerJsonCache;
  hashPassword(password: string): Promise<string>;
}

/** One operation of the V2 spec. */
export interface ApiRoute {
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

/** What an admin handler gets. */
export interface AdminContext {
  stores: Stores;
  /** Journal, faults, clocks, snapshots and coverage. */
  control: Control;
  options: ResolvedOptions;
  req: IncomingMessage;
  params: Record<string, string | undefined>;
  query: URLSearchParams;
  /** The parsed JSON body; `{}` when the request has none. */
  body: unknown;
}

/** One operation of the admin API. */
export interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below `/__admin`, in find-my-way syntax. */
  path: string;
  operationId: string;
  /** Open without the admin token, and to any client (health). */
  open?: boolean;
  /** Takes a JSON body (optional: an empty body is `{}`). */
  body?: boolean;
  handle(ctx: AdminContext): Reply | Promise<Reply>;
}

/** A 200/201 with one JSON document. */
export const ok = (body: string, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
});

/** A JSON value as a 200 (or `status`). */
export const json = (value: unknown, status = 200): Reply => ({ status, body: JSON.stringify(value) });

/** A collection page: 204 with no body when empty, else a JSON array. */
export const page = (items: string[]): Reply =>
  items.length === 0 ? { status: 204 } : { status: 200, body: `[${items.join(',')}]` };

/** `ok` with the JSON document given as UTF-8 bytes. */
export const okBytes = (bytes: Buffer, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  bytes,
  headers,
});

/** A 204 with no body. */
export const noContent = (): Reply => ({ status: 204 });

/** `{"count": n}`. */
export const count = (n: number): Reply => ({ status: 200, body: `{"count":${n}}` });

/** An integer path parameter (the router only lets digits through). */
export const idParam = (ctx: { params: Record<string, string | undefined> }, name: string): number =>
  Number(ctx.params[name]);

/** The store-relative location of a created resource. */
export const location = (ctx: RouteContext, rest: string): Record<string, string> => ({
  Location: `/stores/${ctx.store.hash}/v2${rest}`,
});
