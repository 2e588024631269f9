/** Routes of /customer_groups. */
import { serializeGroup } from '../store/groups.js';
import { parseGroupQuery, parsePage } from '../query.js';
import type { GroupCreate, GroupUpdate } from '../types.js';
import { count, idParam, location, noContent, ok, page, type Route } from './route.js';

/** The customer-group routes. */
export const groupRoutes: Route[] = [
  {
    method: 'GET',
    path: '/customer_groups',
    operationId: 'listCustomerGroups',
    handle(ctx) {
      const q = parseGroupQuery(ctx.query);
      return page(ctx.tenant.groups.page(q, parsePage(ctx.query)).map(serializeGroup));
    },
  },
  {
    method: 'POST',
    path: '/customer_groups',
    operationId: 'createCustomerGroup',
    body: 'GroupCreate',
    handle(ctx) {
      const g = ctx.tenant.groups.create(ctx.body as GroupCreate, ctx.now);
      return ok(serializeGroup(g), 201, location(ctx, `/customer_groups/${g.id}`));
    },
  },
  {
    method: 'GET',
    path: '/customer_groups/count',
    operationId: 'countCustomerGroups',
    handle: (ctx) => count(ctx.tenant.groups.count(parseGroupQuery(ctx.query))),
  },
  {
    method: 'GET',
    path: '/customer_groups/:customer_group_id',
    operationId: 'getCustomerGroup',
    handle: (ctx) => ok(serializeGroup(ctx.tenant.groups.require(idParam(ctx, 'customer_group_id')))),
  },
  {
    method: 'PUT',
    path: '/customer_groups/:customer_group_id',
    operationId: 'updateCustomerGroup',
    body: 'GroupUpdate',
    handle(ctx) {
      const g = ctx.tenant.groups.update(idParam(ctx, 'customer_group_id'), ctx.body as GroupUpdate, ctx.now);
      return ok(serializeGroup(g));
    },
  },
  {
    method: 'DELETE',
    path: '/customer_groups/:customer_group_id',
    operationId: 'deleteCustomerGroup',
    handle(ctx) {
      ctx.tenant.groups.delete(idParam(ctx, 'customer_group_id'));
      return noContent();
    },
  },
];
