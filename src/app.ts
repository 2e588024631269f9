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
import { negotiate, type Negotiated } from './http/negotiate.js';
import { RateLimiter } from './http/rate-limit.js';
import { adminRoutes, handleAdmin } from './routes/admin.js';
import { addressRoutes } from './routes/addresses.js';
import { customerRoutes } from './routes/customers.js';
import { groupRoutes } from './routes/groups.js';
import type { Reply, Route } from './routes/route.js';
import { resolveOptions, type AppOptions, type ResolvedOptions } from './options.js';
import { xmlReply } from './representation/xml.js';
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

  const faulty = Object.values(opts.faults).some(Boolean);

  /** A route's reply with the switched-on test faults applied (they work on text, not bytes). */
  function withFaults(reply: Reply): Reply {
    if (!faulty || !reply.bytes) return applyFaults(reply, opts.faults);
    const { bytes, ...rest } = reply;
    return applyFaults({ ...rest, body: bytes.toString('utf8') }, opts.faults);
  }

  // Not async: a request that needs no waiting (no body, a loaded store, a sync handler) is
  // answered in the same tick, without promise hops.
  function serveStore(
    req: IncomingMessage,
    method: string,
    storeHash: string,
    rest: string,
    search: string,
  ): Served | Promise<Served> {
    let rate: Record<string, string> | undefined;
    const wanted = negotiate(rest || '/', req.headers.accept);
    const failed = (err: unknown): Served => ({ reply: errorReply(err), rate, format: wanted.format });
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
      if (wanted.format === 'not-acceptable') throw notAcceptable();
      const path = wanted.path;
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
      const schema = route.body;
      const body = schema
        ? readJsonBody(req, opts.maxBodyBytes).then((b) => {
            bodyChecker(schema)(b);
            return b;
          })
        : undefined;
      const served = andThen(body, (b) =>
        andThen(stores.open(storeHash), (tenant) =>
          andThen(
            route.handle({
              tenant,
              params: found.params,
              query: new URLSearchParams(search),
              body: b,
              now: wholeSeconds(opts.clock()),
              hashPassword: hash,
            }),
            (reply): Served => ({
              reply: withFaults(reply),
              rate,
              format: wanted.format,
              operationId: route.operationId,
            }),
          ),
        ),
      );
      return served instanceof Promise ? served.catch(failed) : served;
    } catch (err) {
      return failed(err);
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
    const work: Served | Promise<Served> = m
      ? serveStore(req, method, m[1] as string, m[2] ?? '', search)
      : path === '/__admin' || path.startsWith('/__admin/')
        ? handleAdmin(admin, { req, method, path, search, stores, options: opts }).then((reply) => ({
            reply,
          }))
        : { reply: errorReply(notFound()) };
    const finish = ({ reply, rate, format, operationId }: Served): void => {
      send(res, format === 'xml' ? xmlReply(reply, operationId) : reply, rate);
      if (!opts.quiet) {
        opts.log(`${method} ${path} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`);
      }
    };
    if (work instanceof Promise) {
      work.catch((err: unknown): Served => ({ reply: errorReply(err), rate: undefined })).then(finish);
    } else {
      finish(work);
    }
  }

  return { handle, stores, options: opts };
}

function send(res: ServerResponse, reply: Reply, rate: Record<string, string> | undefined): void {
  if (res.headersSent || res.destroyed) return;
  // The headers of {...rate, ...reply.headers, Content-Type, Content-Length} (a later value of a
  // name replaces the earlier one in its place) as a flat list: building an object by spreads and
  // added keys costs more than the rest of a simple request.
  const headers: (string | number)[] = [];
  if (rate) for (const name in rate) headers.push(name, rate[name] as string);
  if (reply.headers) for (const name in reply.headers) put(headers, name, reply.headers[name] as string);
  const body = reply.bytes ?? reply.body;
  if (body !== undefined) {
    if (reply.headers?.['Content-Type'] === undefined) put(headers, 'Content-Type', 'application/json');
    put(headers, 'Content-Length', typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}

/** Sets a header in a flat `[name, value, ...]` list: replaces the value of that name, or appends. */
function put(headers: (string | number)[], name: string, value: string | number): void {
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i] === name) {
      headers[i + 1] = value;
      return;
    }
  }
  headers.push(name, value);
}

/** What serving a request came to: the reply, the rate-limit headers, the format and operation asked for. */
interface Served {
  reply: Reply;
  rate?: Record<string, string>;
  format?: Negotiated['format'];
  operationId?: string;
}

/** `next(value)`, at once for a plain value, or once a promise resolves: sync work stays sync. */
function andThen<T, U>(value: T | Promise<T>, next: (v: T) => U | Promise<U>): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
