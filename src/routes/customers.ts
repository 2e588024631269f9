/** Routes of /customers: list, create, delete-many, count, get, update, delete, validate. */
import type { CustomerInput } from '../domain/customer-rules.js';
import { verifyPassword } from '../domain/passwords.js';
import {
  createCustomer,
  deleteCustomer,
  deleteCustomers,
  precheckCustomer,
  requireCustomer,
  updateCustomer,
  type NewCustomerInput,
} from '../engine/customer-ops.js';
import { andThen } from '../engine/op.js';
import { parseCustomerQuery, parsePage } from '../query.js';
import { customerValue } from '../representation/v2-json.js';
import type { PasswordCheck } from '../types.js';
import { conditional } from './conditional.js';
import { pageOfBytes } from './page-bytes.js';
import { checkEchoed, echoedAny } from './read-only.js';
import {
  count,
  idParam,
  location,
  noContent,
  ok,
  okBytes,
  type ApiRoute,
  type RouteContext,
} from './route.js';

/** The password a write sets (checked by `precheckCustomer`), hashed; undefined when it sets none. */
async function passwordHash(ctx: RouteContext, password: string | undefined): Promise<string | undefined> {
  return password === undefined ? undefined : ctx.hashPassword(password);
}

/** The customer routes. */
export const customerRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/customers',
    operationId: 'listCustomers',
    handle(ctx) {
      const q = parseCustomerQuery(ctx.query);
      const p = parsePage(ctx.query, ctx.compat.limitOverMax);
      return andThen(
        ctx.store.read((v) => v.customerPage(q, p)),
        (list) => pageOfBytes(list.map((c) => ctx.json.bytes(ctx.store.hash, c))),
      );
    },
  },
  {
    method: 'POST',
    path: '/customers',
    operationId: 'createCustomer',
    body: 'CustomerCreate',
    async handle(ctx) {
      checkEchoed(ctx.echoed, null);
      const input = ctx.body as NewCustomerInput;
      const password = await ctx.store.read((v) => precheckCustomer(v, input));
      const hash = (await passwordHash(ctx, password)) ?? null;
      const c = await ctx.store.write((tx) => createCustomer(tx, input, hash, ctx.now));
      return okBytes(
        ctx.json.bytes(ctx.store.hash, c),
        ctx.compat.createStatus,
        location(ctx, `/customers/${c.id}`),
      );
    },
  },
  {
    method: 'DELETE',
    path: '/customers',
    operationId: 'deleteCustomers',
    handle(ctx) {
      const q = parseCustomerQuery(ctx.query);
      return andThen(
        ctx.store.write((tx) => deleteCustomers(tx, q)),
        noContent,
      );
    },
  },
  {
    method: 'GET',
    path: '/customers/count',
    operationId: 'countCustomers',
    handle(ctx) {
      const q = parseCustomerQuery(ctx.query);
      return andThen(
        ctx.store.read((v) => v.customerCount(q)),
        count,
      );
    },
  },
  {
    method: 'GET',
    path: '/customers/addresses/count',
    operationId: 'countAllCustomerAddresses',
    handle: (ctx) =>
      andThen(
        ctx.store.read((v) => v.addressCount(null)),
        count,
      ),
  },
  {
    method: 'GET',
    path: '/customers/:customer_id',
    operationId: 'getCustomer',
    handle(ctx) {
      const id = idParam(ctx, 'customer_id');
      return andThen(
        ctx.store.read((v) => requireCustomer(v, id)),
        (c) => conditional(ctx.req, c.date_modified, () => okBytes(ctx.json.bytes(ctx.store.hash, c))),
      );
    },
  },
  {
    method: 'PUT',
    path: '/customers/:customer_id',
    operationId: 'updateCustomer',
    body: 'CustomerUpdate',
    async handle(ctx) {
      const id = idParam(ctx, 'customer_id');
      const input = ctx.body as CustomerInput;
      if (echoedAny(ctx.echoed)) {
        const current = await ctx.store.read((v) => requireCustomer(v, id));
        checkEchoed(ctx.echoed, customerValue(current, ctx.linkBase, ctx.store.hash));
      }
      const password = await ctx.store.read((v) => precheckCustomer(v, input, id));
      const hash = await passwordHash(ctx, password);
      const c = await ctx.store.write((tx) => updateCustomer(tx, id, input, hash, ctx.now));
      return okBytes(ctx.json.bytes(ctx.store.hash, c));
    },
  },
  {
    method: 'DELETE',
    path: '/customers/:customer_id',
    operationId: 'deleteCustomer',
    handle(ctx) {
      const id = idParam(ctx, 'customer_id');
      return andThen(
        ctx.store.write((tx) => deleteCustomer(tx, id)),
        noContent,
      );
    },
  },
  {
    method: 'POST',
    path: '/customers/:customer_id/validate',
    operationId: 'validateCustomerPassword',
    body: 'PasswordCheck',
    strictLimit: true,
    async handle(ctx) {
      const id = idParam(ctx, 'customer_id');
      const c = await ctx.store.read((v) => requireCustomer(v, id));
      const success = await verifyPassword((ctx.body as PasswordCheck).password, c.password_hash);
      return ok(JSON.stringify({ success }));
    },
  },
];
