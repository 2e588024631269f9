/**
 * The HTTP root of the fake: a plain node:http handler. One router holds the V2 operations and
 * the admin API; a request is checked (store, auth, rate limit, method, format), routed, its body
 * read and checked, handled over the store engine, and every failure rendered by one renderer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isStoreHash } from './config.js';
import { Control, type Served as ControlServed } from './control/control.js';
import { wholeSeconds } from './domain/format.js';
import { hashPassword } from './domain/passwords.js';
import { andThen } from './engine/op.js';
import { Stores } from './engine/stores.js';
import {
  notAcceptable,
  notFound,
  notImplemented,
  renderError,
  tooManyRequests,
  toApiError,
} from './errors.js';
import { checkAdmin, TokenTable } from './http/auth.js';
import { allowedOrigin, isPreflight, preflightHeaders } from './http/cors.js';
import { readJsonBody } from './http/body.js';
import { negotiate, type Negotiated } from './http/negotiate.js';
import { RateLimiter } from './http/rate-limit.js';
import { formatError, formatRequest } from './http/request-log.js';
import { present, send } from './http/send.js';
import { resolveOptions, type AppOptions, type ResolvedOptions } from './options.js';
import { CustomerJsonCache } from './representation/json-cache.js';
import { addressRoutes } from './routes/addresses.js';
import { adminRoutes } from './routes/admin.js';
import { customerRoutes } from './routes/customers.js';
import { groupRoutes } from './routes/groups.js';
import type { Reply } from './routes/route.js';
import { createRouter } from './routes/router.js';
import { bodyChecker, type CheckedBody } from './spec.js';

export type { AppOptions } from './options.js';

/** A built fake: the request handler and the stores behind it. */
export interface App {
  handle(req: IncomingMessage, res: ServerResponse): void;
  stores: Stores;
  options: ResolvedOptions;
  /** Journal, faults, clocks, snapshots and coverage (src/control). */
  control: Control;
  /** Waits for background loads and closes the backend. */
  close(): Promise<void>;
}

const STORE_PATH = /^\/stores\/([^/]*)\/v2(\/.*)?$/;
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS']);
const NO_BODY: CheckedBody = { body: undefined, echoed: {} };

/**
 * What serving a request came to: the reply, the rate-limit headers, the format and operation
 * asked for, and for the control plane the parsed body and any injected fault.
 */
interface Served extends ControlServed {
  format?: Negotiated['format'];
}

/** Builds the fake's request handler from one options object. */
export function createApp(options: AppOptions = {}): App {
  const opts = resolveOptions(options);
  const stores = new Stores({ backend: opts.backend, prime: opts.prime, maxStores: opts.maxStores });
  const json = new CustomerJsonCache(opts.linkBase);
  stores.onChange((change) => json.forget(change));
  const tokens = new TokenTable(opts.tokens);
  // [control] One clock per store (virtual when a test moves it): dates and rate-limit windows read it.
  const { find, operationOf } = createRouter(
    [...customerRoutes, ...addressRoutes, ...groupRoutes],
    adminRoutes,
  );
  const control = new Control({ ...opts, operationOf });
  const clock = (hash?: string): number => control.clocks.now(hash);
  const limiter = new RateLimiter(opts.rateLimit, clock);
  const strictLimiter = new RateLimiter(opts.validateRateLimit, clock);
  const hash = (password: string): Promise<string> => hashPassword(password, opts.passwordCost);

  // Not async: a request that needs no waiting (no body, a loaded store, a sync backend) is
  // answered in the same tick, without promise hops.
  function serveStore(
    req: IncomingMessage,
    method: string,
    storeHash: string,
    rest: string,
    search: string,
  ): Served | Promise<Served> {
    let rate: Record<string, string> | undefined;
    // Negotiated first, so that even the early refusals (401, 404, 429, 501) come in the format asked for.
    const wanted = negotiate(rest || '/', req.headers.accept);
    let operationId: string | undefined;
    // [control] What the journal and fault rules need besides: the body as sent, the fault applied.
    let sent: unknown;
    let fault: Served['fault'];
    const failed = (err: unknown): Served => ({
      reply: errorReply(err, false),
      rate,
      format: wanted.format,
      operationId,
      body: sent,
      fault,
    });
    try {
      if (!isStoreHash(storeHash)) {
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
      const { routed, params } = find(method, `/stores/${storeHash}/v2${wanted.path}`);
      if (routed.api !== 'v2') throw notFound();
      const route = routed.route;
      operationId = route.operationId;
      if (route.strictLimit) {
        const strict = strictLimiter.take(storeHash);
        if (!strict.allowed) {
          rate = strict.headers;
          throw tooManyRequests();
        }
      }
      const schema = route.body;
      const raw = schema ? readJsonBody(req, opts.maxBodyBytes) : undefined;
      const served = andThen(raw, (body): Served | Promise<Served> => {
        sent = body;
        // [control] A fault rule that fires answers instead of the store, or after it (`handled`).
        if (control.faults.active) {
          fault = control.decideFault(
            storeHash,
            method,
            `/stores/${storeHash}/v2${rest}`,
            search,
            req,
            body,
            route,
          );
          if (fault && !fault.handled)
            return { reply: { status: 0 }, rate, format: wanted.format, operationId, body, fault };
        }
        const checked = schema ? bodyChecker(schema)(body) : NO_BODY;
        return andThen(stores.open(storeHash), (store) =>
          andThen(
            route.handle({
              store,
              req,
              params,
              query: new URLSearchParams(search),
              body: checked.body,
              echoed: checked.echoed,
              now: wholeSeconds(clock(storeHash)),
              compat: opts.compat,
              linkBase: opts.linkBase,
              json,
              hashPassword: hash,
            }),
            (reply): Served => ({ reply, rate, format: wanted.format, operationId, body, fault }),
          ),
        );
      });
      return served instanceof Promise ? served.catch(failed) : served;
    } catch (err) {
      return failed(err);
    }
  }

  async function serveAdmin(
    req: IncomingMessage,
    method: string,
    path: string,
    search: string,
  ): Promise<Reply> {
    try {
      const { routed, params } = find(method, path);
      if (routed.api !== 'admin') throw notFound();
      const route = routed.route;
      if (!route.open) checkAdmin(req, opts.adminToken, opts.allowRemoteAdmin);
      const hasBody =
        req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
      const body = route.body && hasBody ? await readJsonBody(req, opts.maxBodyBytes) : {};
      return await route.handle({
        stores,
        control,
        options: opts,
        req,
        params,
        query: new URLSearchParams(search),
        body,
      });
    } catch (err) {
      return errorReply(err, true);
    }
  }

  function errorReply(err: unknown, explain: boolean): Reply {
    const e = toApiError(err, explain);
    if (e.status === 500) opts.log(formatError(Date.now(), err, opts.logFormat), 'error');
    const r = renderError(e, explain);
    // The log says why: the answer carries only what the platform would say.
    const note = e.why && !e.message.includes(e.why) ? `${e.message} (${e.why})` : e.message;
    return { ...r, note, ...(r.status === 413 ? { headers: { ...r.headers, Connection: 'close' } } : {}) };
  }

  /** After an answer: the journal and coverage of a store request ([control]), then the log line. */
  function answered(
    req: IncomingMessage,
    method: string,
    path: string,
    search: string,
    storeHash: string | undefined,
    served: Served,
    sent: Reply,
    started: number,
  ): void {
    if (storeHash !== undefined) control.observe(storeHash, method, path, search, req, served, sent, started);
    if (opts.quiet) return;
    const { reply, operationId, fault } = served;
    const status = fault?.sent === null ? 0 : (fault?.sent?.status ?? reply.status);
    const message = fault?.effect
      ? `injected ${fault.effect.type} (rule ${fault.rule})`
      : status >= 400 && reply.note
        ? reply.note
        : undefined;
    const record = {
      time: Date.now(),
      method,
      path,
      status,
      durationMs: performance.now() - started,
      ...(storeHash !== undefined ? { store: storeHash } : {}),
      ...(operationId ? { operationId } : {}),
      ...(message ? { message } : {}),
    };
    opts.log(formatRequest(record, opts.logFormat), 'info');
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const started = opts.quiet && !control.timed ? 0 : performance.now();
    const url = req.url ?? '/';
    const qi = url.indexOf('?');
    const path = qi === -1 ? url : url.slice(0, qi);
    const search = qi === -1 ? '' : url.slice(qi + 1);
    const method = req.method ?? 'GET';
    const origin = opts.cors ? allowedOrigin(req, opts.cors) : undefined;
    const m = STORE_PATH.exec(path);
    const work: Served | Promise<Served> =
      origin !== undefined && isPreflight(req)
        ? { reply: { status: 204, headers: preflightHeaders(origin) } }
        : m
          ? serveStore(req, method, m[1] as string, m[2] ?? '', search)
          : path === '/__admin' || path.startsWith('/__admin/')
            ? serveAdmin(req, method, path, search).then((reply) => ({ reply }))
            : { reply: errorReply(notFound(), false) };
    const finish = (served: Served): void => {
      const head = method === 'HEAD';
      // [control] An injected fault goes on the wire its own way (late, broken, or not at all).
      if (served.fault) {
        let out = served.reply;
        return control.deliverFault(
          res,
          served,
          head,
          (reply) => present(reply, served.format, served.operationId, origin),
          () =>
            send(
              res,
              (out = present(served.reply, served.format, served.operationId, origin)),
              served.rate,
              head,
            ),
          () => answered(req, method, path, search, m?.[1], served, out, started),
        );
      }
      const sent = present(served.reply, served.format, served.operationId, origin);
      send(res, sent, served.rate, head);
      answered(req, method, path, search, m?.[1], served, sent, started);
    };
    if (work instanceof Promise) {
      work.catch((err: unknown): Served => ({ reply: errorReply(err, false) })).then(finish);
    } else {
      finish(work);
    }
  }

  return { handle, stores, options: opts, control, close: () => stores.close() };
}
