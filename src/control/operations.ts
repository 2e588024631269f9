/** Which V2 operation a method and path belong to, for requests refused before they were routed. */
import FindMyWay from 'find-my-way';
import { addressRoutes } from '../routes/addresses.js';
import { customerRoutes } from '../routes/customers.js';
import { groupRoutes } from '../routes/groups.js';

let router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1> | undefined;

/** The operationId of `method path` (a whole `/stores/{hash}/v2/...` path), or null when none. */
export function operationOf(method: string, path: string): string | null {
  if (!router) {
    router = FindMyWay({ ignoreTrailingSlash: true });
    for (const route of [...customerRoutes, ...addressRoutes, ...groupRoutes]) {
      const at = `/stores/:store_hash/v2${route.path.replace(/:(\w+_id)/g, ':$1(^\\d{1,15}$)')}`;
      router.on(route.method, at, () => {}, { operationId: route.operationId });
    }
  }
  const found = router.find(
    (method === 'HEAD' ? 'GET' : method) as 'GET',
    path.endsWith('.json') ? path.slice(0, -5) : path,
  );
  return found ? (found.store as { operationId: string }).operationId : null;
}
