/** Routes of /customers: list, create, delete-many, count, get, update, delete, validate. */
import { invalidField } from '../errors.js';
import { parseCustomerQuery, parsePage } from '../query.js';
import { passwordProblem, verifyPassword } from '../store/passwords.js';
import type { CustomerCreate, CustomerUpdate, PasswordCheck } from '../types.js';
import {
  count,
  idParam,
  location,
  noContent,
  ok,
  okBytes,
  pageOfBytes,
  type Route,
  type RouteContext,
} from './route.js';

type Auth = CustomerCreate['_authentication'];

/** Checks `_authentication` and hashes its password; undefined when no password was sent. */
async function passwordHash(ctx: RouteContext, auth: Auth): Promise<string | undefined> {
  if (auth?.password === undefined) {
    if (auth?.password_confirmation !== undefined) {
      throw invalidField('_authentication.password', 'A password_confirmation needs a password.');
    }
    return undefined;
  }
  if (auth.password_confirmation !== undefined && auth.password_confirmation !== auth.password) {
    throw invalidField('_authentication.password_confirmation', 'The password confirmation does not match.');
  }
  const problem = passwordProblem(auth.password);
  if (problem) throw invalidField('_authentication.password', problem);
  return ctx.hashPassword(auth.password);
}

/** The customer routes. */
export const customerRoutes: Route[] = [
  {
    method: 'GET',
    path: '/customers',
    operationId: 'listCustomers',
    handle(ctx) {
      const q = parseCustomerQuery(ctx.query);
      const repo = ctx.tenant.customers;
      return pageOfBytes(repo.page(q, parsePage(ctx.query)).map((c) => repo.toJsonBytes(c)));
    },
  },
  {
    method: 'POST',
    path: '/customers',
    operationId: 'createCustomer',
    body: 'CustomerCreate',
    async handle(ctx) {
      const input = ctx.body as CustomerCreate;
      ctx.tenant.customers.checkCreate(input);
      const hash = (await passwordHash(ctx, input._authentication)) ?? null;
      const c = ctx.tenant.customers.create(input, hash, ctx.now);
      return okBytes(ctx.tenant.customers.toJsonBytes(c), 201, location(ctx, `/customers/${c.id}`));
    },
  },
  {
    method: 'DELETE',
    path: '/customers',
    operationId: 'deleteCustomers',
    handle(ctx) {
      ctx.tenant.customers.deleteWhere(parseCustomerQuery(ctx.query));
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/customers/count',
    operationId: 'countCustomers',
    handle: (ctx) => count(ctx.tenant.customers.count(parseCustomerQuery(ctx.query))),
  },
  {
    method: 'GET',
    path: '/customers/:customer_id',
    operationId: 'getCustomer',
    handle(ctx) {
      const repo = ctx.tenant.customers;
      return okBytes(repo.toJsonBytes(repo.require(idParam(ctx, 'customer_id'))));
    },
  },
  {
    method: 'PUT',
    path: '/customers/:customer_id',
    operationId: 'updateCustomer',
    body: 'CustomerUpdate',
    async handle(ctx) {
      const id = idParam(ctx, 'customer_id');
      const repo = ctx.tenant.customers;
      const input = ctx.body as CustomerUpdate;
      repo.checkUpdate(id, input);
      const hash = await passwordHash(ctx, input._authentication);
      return okBytes(repo.toJsonBytes(repo.update(id, input, hash, ctx.now)));
    },
  },
  {
    method: 'DELETE',
    path: '/customers/:customer_id',
    operationId: 'deleteCustomer',
    handle(ctx) {
      ctx.tenant.customers.delete(idParam(ctx, 'customer_id'));
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/customers/:customer_id/validate',
    operationId: 'validateCustomerPassword',
    body: 'PasswordCheck',
    strictLimit: true,
    async handle(ctx) {
      const c = ctx.tenant.customers.require(idParam(ctx, 'customer_id'));
      const success = await verifyPassword((ctx.body as PasswordCheck).password, c.password_hash);
      return ok(JSON.stringify({ success }));
    },
  },
];
