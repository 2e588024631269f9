/** Routes of /customer_groups. */
import type { GroupInput } from '../domain/group-rules.js';
import { createGroup, deleteGroup, requireGroup, updateGroup } from '../engine/group-ops.js';
import { andThen } from '../engine/op.js';
import { parseGroupQuery, parsePage } from '../query.js';
import { groupJson, groupValue } from '../representation/v2-json.js';
import { conditional } from './conditional.js';
import { checkEchoed, echoedAny } from './read-only.js';
import { count, idParam, location, noContent, ok, page, type ApiRoute } from './route.js';

/** The customer-group routes. */
export const groupRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/customer_groups',
    operationId: 'listCustomerGroups',
    handle(ctx) {
      const q = parseGroupQuery(ctx.query);
      const p = parsePage(ctx.query, ctx.compat.limitOverMax);
      return andThen(
        ctx.store.read((v) => v.groupPage(q, p)),
        (list) => page(list.map((g) => groupJson(g, ctx.compat.groupDates))),
      );
    },
  },
  {
    method: 'POST',
    path: '/customer_groups',
    operationId: 'createCustomerGroup',
    body: 'GroupCreate',
    handle(ctx) {
      checkEchoed(ctx.echoed, null);
      const input = ctx.body as GroupInput & { name: string };
      return andThen(
        ctx.store.write((tx) => createGroup(tx, input, ctx.now)),
        (g) =>
          ok(
            groupJson(g, ctx.compat.groupDates),
            ctx.compat.createStatus,
            location(ctx, `/customer_groups/${g.id}`),
          ),
      );
    },
  },
  {
    method: 'GET',
    path: '/customer_groups/count',
    operationId: 'countCustomerGroups',
    handle(ctx) {
      const q = parseGroupQuery(ctx.query);
      return andThen(
        ctx.store.read((v) => v.groupCount(q)),
        count,
      );
    },
  },
  {
    method: 'GET',
    path: '/customer_groups/:customer_group_id',
    operationId: 'getCustomerGroup',
    handle(ctx) {
      const id = idParam(ctx, 'customer_group_id');
      return andThen(
        ctx.store.read((v) => requireGroup(v, id)),
        (g) => conditional(ctx.req, g.date_modified, () => ok(groupJson(g, ctx.compat.groupDates))),
      );
    },
  },
  {
    method: 'PUT',
    path: '/customer_groups/:customer_group_id',
    operationId: 'updateCustomerGroup',
    body: 'GroupUpdate',
    async handle(ctx) {
      const id = idParam(ctx, 'customer_group_id');
      if (echoedAny(ctx.echoed)) {
        const current = await ctx.store.read((v) => requireGroup(v, id));
        checkEchoed(ctx.echoed, groupValue(current, ctx.compat.groupDates));
      }
      const g = await ctx.store.write((tx) => updateGroup(tx, id, ctx.body as GroupInput, ctx.now));
      return ok(groupJson(g, ctx.compat.groupDates));
    },
  },
  {
    method: 'DELETE',
    path: '/customer_groups/:customer_group_id',
    operationId: 'deleteCustomerGroup',
    handle(ctx) {
      const id = idParam(ctx, 'customer_group_id');
      return andThen(
        ctx.store.write((tx) => deleteGroup(tx, id, ctx.now)),
        noContent,
      );
    },
  },
];
