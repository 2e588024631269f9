/**
 * The HTTP root of the fake: a plain node:http handler. It finds the store and the operation,
 * applies auth, rate limits and body checks, calls the route, and renders every failure through
 * the one error renderer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import FindMyWay from 'find-my-way';
import {
  methodNotAllowed,
  notAcceptable,
  notFound,
  notImplemented,
  renderError,
  tooManyRequests,
} from './errors.js';
import { applyFaults } from './faults.js';
import { TokenTable } from './http/auth.js';
import { readJsonBody } from './http/body.js';
import { RateLimiter } from './http/rate-limit.js';
import { adminRoutes, handleAdmin } from './routes/admin.js';
import { addressRoutes } from './routes/addresses.js';
import { customerRoutes } from './routes/customers.js';
import { groupRoutes } from './routes/groups.js';
import type { Reply, Route } from './routes/route.js';
import { resolveOptions, type AppOptions, type ResolvedOptions } from './options.js';
import { bodyChecker } from './spec.js';
import { wholeSeconds } from './store/format.js';
import { hashPassword } from './store/passwords.js';
import { Stores } from './store/stores.js';

export type { AppOptions } from './options.js';

/** A built fake: the request handler and the stores behind it. */
export interface App {
  handle(req: IncomingMessage, res: ServerResponse): void;
  stores: Stores;
  options: ResolvedOptions;
}

const STORE_PATH = /^\/stores\/([^/]*)\/v2(\/.*)?$/;
const STORE_HASH = /^[A-Za-z0-9_-]{1,64}$/;
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS']);
const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
const ACCEPTS_JSON = /json|\*\/\*|application\/\*/i;

/** Builds the fake's request handler from one options object. */
export function createApp(options: AppOptions = {}): App {
  const opts = resolveOptions(options);
  const stores = new Stores({ linkBase: opts.linkBase, prime: opts.prime, maxStores: opts.maxStores });
  const tokens = new TokenTable(opts.tokens);
  const limiter = new RateLimiter(opts.rateLimit, opts.clock);
  const strictLimiter = new RateLimiter(opts.validateRateLimit, opts.clock);
  const router = FindMyWay({ ignoreTrailingSlash: true });
  for (const route of [...customerRoutes, ...addressRoutes, ...groupRoutes]) {
    router.on(route.method, route.path.replace(/:(\w+_id)/g, ':$1(^\\d{1,15}$)'), () => {}, route);
  }
  const admin = adminRoutes();
  const hash = (password: string): Promise<string> => hashPassword(password, opts.passwordCost);

  async function serveStore(
    req: IncomingMessage,
    method: string,
    storeHash: string,
    rest: string,
    search: string,
  ) {
    let rate: Record<string, string> | undefined;
    try {
      if (!STORE_HASH.test(storeHash)) {
        rate = limiter.peek();
        throw notFound();
      }
      const write = method === 'POST' || method === 'PUT' || method === 'DELETE';
      try {
        tokens.check(req.headers['x-auth-token'], storeHash, write);
      } catch (err) {
        rate = limiter.peek(storeHash);
        throw err;
      }
      const decision = limiter.take(storeHash);
      rate = decision.headers;
      if (!decision.allowed) throw tooManyRequests();
      if (!KNOWN_METHODS.has(method)) throw notImplemented();
      let path = rest || '/';
      if (path.endsWith('.xml')) throw notAcceptable();
      if (path.endsWith('.json')) path = path.slice(0, -5);
      const accept = req.headers.accept;
      if (accept && !ACCEPTS_JSON.test(accept)) throw notAcceptable();
      const found = router.find(method === 'HEAD' ? 'GET' : (method as 'GET'), path);
      if (!found) throw missingRoute(path);
      const route = found.store as Route;
      if (route.strictLimit) {
        const strict = strictLimiter.take(storeHash);
        if (!strict.allowed) {
          rate = strict.headers;
          throw tooManyRequests();
        }
      }
      let body: unknown;
      if (route.body) {
        body = await readJsonBody(req, opts.maxBodyBytes);
        bodyChecker(route.body)(body);
      }
      const opened = stores.open(storeHash);
      const reply = await route.handle({
        tenant: opened instanceof Promise ? await opened : opened,
        params: found.params,
        query: new URLSearchParams(search),
        body,
        now: wholeSeconds(opts.clock()),
        hashPassword: hash,
      });
      return { reply: applyFaults(reply, opts.faults), rate };
    } catch (err) {
      return { reply: errorReply(err), rate };
    }
  }

  function missingRoute(path: string): Error {
    const allowed = ROUTE_METHODS.filter((m) => router.find(m, path));
    return allowed.length ? methodNotAllowed(allowed) : notFound();
  }

  function errorReply(err: unknown): Reply {
    const r = renderError(err);
    if (r.status === 500)
      opts.log(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return r.status === 413 ? { ...r, headers: { ...r.headers, Connection: 'close' } } : r;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const started = opts.quiet ? 0 : performance.now();
    const url = req.url ?? '/';
    const qi = url.indexOf('?');
    const path = qi === -1 ? url : url.slice(0, qi);
    const search = qi === -1 ? '' : url.slice(qi + 1);
    const method = req.method ?? 'GET';
    const m = STORE_PATH.exec(path);
    const work: Promise<{ reply: Reply; rate?: Record<string, string> }> = m
      ? serveStore(req, method, m[1] as string, m[2] ?? '', search)
      : path === '/__admin' || path.startsWith('/__admin/')
        ? handleAdmin(admin, { req, method, path, search, stores, options: opts }).then((reply) => ({
            reply,
          }))
        : Promise.resolve({ reply: errorReply(notFound()) });
    work
      .catch((err: unknown) => ({ reply: errorReply(err), rate: undefined }))
      .then(({ reply, rate }) => {
        send(res, reply, rate);
        if (!opts.quiet) {
          opts.log(`${method} ${path} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`);
        }
      });
  }

  return { handle, stores, options: opts };
}

function send(res: ServerResponse, reply: Reply, rate: Record<string, string> | undefined): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = rate ? { ...rate } : {};
  if (reply.headers) Object.assign(headers, reply.headers);
  if (reply.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = Buffer.byteLength(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}
