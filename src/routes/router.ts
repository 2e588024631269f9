/**
 * The one router of the fake: every V2 operation under `/stores/:store_hash/v2` and every admin
 * route under `/__admin`, so both APIs share routing, 404 and 405.
 */
import FindMyWay from 'find-my-way';
import { methodNotAllowed, notFound } from '../errors.js';
import type { AdminRoute, ApiRoute } from './route.js';

/** A route as the router holds it: which API it belongs to. */
export type Routed = { api: 'v2'; route: ApiRoute } | { api: 'admin'; route: AdminRoute };

const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

/** Builds the router; `find` gives the route of a method and path, or throws the 405 (with Allow) or 404. */
export function createRouter(v2: readonly ApiRoute[], admin: readonly AdminRoute[]) {
  const router = FindMyWay({ ignoreTrailingSlash: true });
  for (const route of v2) {
    // Ids are digits only: `/customers/count` is its own route, `/customers/abc` a 404.
    const path = `/stores/:store_hash/v2${route.path.replace(/:(\w+_id)/g, ':$1(^\\d{1,15}$)')}`;
    router.on(route.method, path, () => {}, { api: 'v2', route } satisfies Routed);
  }
  for (const route of admin) {
    router.on(route.method, `/__admin${route.path}`, () => {}, { api: 'admin', route } satisfies Routed);
  }
  return {
    /** The V2 operation of a method and whole path (a `.json` suffix allowed), or null. */
    operationOf(method: string, path: string): string | null {
      const found = router.find(
        (method === 'HEAD' ? 'GET' : method) as 'GET',
        path.replace(/\.(?:json|xml)$/, ''),
      );
      const routed = found?.store as Routed | undefined;
      return routed?.api === 'v2' ? routed.route.operationId : null;
    },
    find(method: string, path: string): { routed: Routed; params: Record<string, string | undefined> } {
      const found = router.find(method === 'HEAD' ? 'GET' : (method as 'GET'), path);
      if (found) return { routed: found.store as Routed, params: found.params };
      const allowed = ROUTE_METHODS.filter((m) => router.find(m, path));
      throw allowed.length ? methodNotAllowed(allowed) : notFound();
    },
  };
}
