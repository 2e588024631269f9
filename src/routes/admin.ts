/**
 * The admin API under /__admin: health, tenants, reset, seed. It has its own token (`X-Admin-Token`)
 * and answers only loopback clients unless `allowRemoteAdmin` is set.
 */
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import FindMyWay from 'find-my-way';
import { ApiError, methodNotAllowed, notFound, renderError } from '../errors.js';
import { readJsonBody } from '../http/body.js';
import type { ResolvedOptions } from '../options.js';
import { changeProviderState, stateContext } from '../provider-states/index.js';
import type { Stores } from '../store/stores.js';
import type { Reply } from './route.js';

/** What an admin handler gets. */
export interface AdminContext {
  stores: Stores;
  options: ResolvedOptions;
  params: Record<string, string | undefined>;
  query: URLSearchParams;
  body: unknown;
}

/** One admin operation. */
export interface AdminRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Open without the admin token (health). */
  open?: boolean;
  /** Takes a JSON body (optional: an empty body is `{}`). */
  body?: boolean;
  handle(ctx: AdminContext): Reply | Promise<Reply>;
}

const json = (value: unknown, status = 200): Reply => ({ status, body: JSON.stringify(value) });

function storeSummary(ctx: AdminContext, hash: string): Reply {
  if (!ctx.stores.has(hash)) throw notFound();
  const t = ctx.stores.get(hash);
  return json({ store_hash: hash, ...t.counts(), fingerprint: t.fingerprint });
}

/** The admin routes of this build. */
export function adminRoutes(): AdminRoute[] {
  return [
    { method: 'GET', path: '/__admin/health', open: true, handle: () => json({ status: 'ok' }) },
    {
      method: 'GET',
      path: '/__admin/stores',
      handle: (ctx) =>
        json(ctx.stores.hashes().map((h) => ({ store_hash: h, ...ctx.stores.get(h).counts() }))),
    },
    {
      method: 'GET',
      path: '/__admin/stores/:hash',
      handle: (ctx) => storeSummary(ctx, ctx.params.hash as string),
    },
    {
      method: 'POST',
      path: '/__admin/stores/:hash/reset',
      handle(ctx) {
        ctx.stores.reset(ctx.params.hash as string);
        return storeSummary(ctx, ctx.params.hash as string);
      },
    },
    {
      method: 'POST',
      path: '/__admin/stores/:hash/seed',
      body: true,
      async handle(ctx) {
        const hash = ctx.params.hash as string;
        // Loaded on first use: the generator (faker) would slow every start.
        const { seedRequestPrime } = await import('../fixtures/seed-request.js');
        ctx.stores.reset(hash, await seedRequestPrime(ctx.body, hash, ctx.options.passwordCost));
        return storeSummary(ctx, hash);
      },
    },
    {
      method: 'DELETE',
      path: '/__admin/stores/:hash',
      handle(ctx) {
        if (!ctx.stores.delete(ctx.params.hash as string)) throw notFound();
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/__admin/provider-states',
      body: true,
      handle: async (ctx) => {
        const stateCtx = stateContext(ctx.options.clock, ctx.options.passwordCost);
        return json(await changeProviderState(ctx.stores, ctx.body, ctx.query, stateCtx));
      },
    },
  ];
}

const routers = new WeakMap<AdminRoute[], ReturnType<typeof FindMyWay>>();

function routerFor(routes: AdminRoute[]): ReturnType<typeof FindMyWay> {
  let r = routers.get(routes);
  if (!r) {
    r = FindMyWay({ ignoreTrailingSlash: true });
    for (const route of routes) r.on(route.method, route.path, () => {}, route);
    routers.set(routes, r);
  }
  return r;
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

/** Serves one admin request; errors use the v2 error body. */
export async function handleAdmin(
  routes: AdminRoute[],
  ctx: {
    req: IncomingMessage;
    method: string;
    path: string;
    search: string;
    stores: Stores;
    options: ResolvedOptions;
  },
): Promise<Reply> {
  try {
    const remote = ctx.req.socket.remoteAddress ?? '';
    if (!ctx.options.allowRemoteAdmin && !LOOPBACK.test(remote)) {
      throw new ApiError(403, 'The admin API answers loopback clients only (see --admin-remote).');
    }
    const router = routerFor(routes);
    const found = router.find(ctx.method as 'GET', ctx.path);
    if (!found) {
      const allowed = (['GET', 'POST', 'DELETE'] as const).filter((m) => router.find(m, ctx.path));
      throw allowed.length ? methodNotAllowed(allowed) : notFound();
    }
    const route = found.store as AdminRoute;
    if (!route.open && !sameToken(ctx.req.headers['x-admin-token'], ctx.options.adminToken)) {
      throw new ApiError(401, 'The admin API needs a valid X-Admin-Token header.');
    }
    let body: unknown = {};
    if (route.body && Number(ctx.req.headers['content-length'] ?? 0) > 0) {
      body = await readJsonBody(ctx.req, ctx.options.maxBodyBytes);
    }
    return await route.handle({
      stores: ctx.stores,
      options: ctx.options,
      params: found.params,
      query: new URLSearchParams(ctx.search),
      body,
    });
  } catch (err) {
    return renderError(err);
  }
}
