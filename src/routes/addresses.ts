/** Routes of /customers/{id}/addresses. */
import { serializeAddress } from '../store/addresses.js';
import { parsePage } from '../query.js';
import type { AddressCreate, AddressUpdate } from '../types.js';
import { count, idParam, location, noContent, ok, page, type Route } from './route.js';

/** The address routes. */
export const addressRoutes: Route[] = [
  {
    method: 'GET',
    path: '/customers/:customer_id/addresses',
    operationId: 'listCustomerAddresses',
    handle(ctx) {
      const list = ctx.tenant.addresses.page(idParam(ctx, 'customer_id'), parsePage(ctx.query));
      return page(list.map(serializeAddress));
    },
  },
  {
    method: 'POST',
    path: '/customers/:customer_id/addresses',
    operationId: 'createCustomerAddress',
    body: 'AddressCreate',
    handle(ctx) {
      const customerId = idParam(ctx, 'customer_id');
      const a = ctx.tenant.addresses.create(customerId, ctx.body as AddressCreate);
      return ok(serializeAddress(a), 201, location(ctx, `/customers/${customerId}/addresses/${a.id}`));
    },
  },
  {
    method: 'DELETE',
    path: '/customers/:customer_id/addresses',
    operationId: 'deleteCustomerAddresses',
    handle(ctx) {
      const customerId = idParam(ctx, 'customer_id');
      ctx.tenant.customers.require(customerId);
      ctx.tenant.addresses.deleteAllOf(customerId);
      return noContent();
    },
  },
  {
    method: 'GET',
    path: '/customers/:customer_id/addresses/count',
    operationId: 'countCustomerAddresses',
    handle: (ctx) => count(ctx.tenant.addresses.count(idParam(ctx, 'customer_id'))),
  },
  {
    method: 'GET',
    path: '/customers/:customer_id/addresses/:customer_address_id',
    operationId: 'getCustomerAddress',
    handle: (ctx) =>
      ok(
        serializeAddress(
          ctx.tenant.addresses.require(idParam(ctx, 'customer_id'), idParam(ctx, 'customer_address_id')),
        ),
      ),
  },
  {
    method: 'PUT',
    path: '/customers/:customer_id/addresses/:customer_address_id',
    operationId: 'updateCustomerAddress',
    body: 'AddressUpdate',
    handle(ctx) {
      const a = ctx.tenant.addresses.update(
        idParam(ctx, 'customer_id'),
        idParam(ctx, 'customer_address_id'),
        ctx.body as AddressUpdate,
      );
      return ok(serializeAddress(a));
    },
  },
  {
    method: 'DELETE',
    path: '/customers/:customer_id/addresses/:customer_address_id',
    operationId: 'deleteCustomerAddress',
    handle(ctx) {
      ctx.tenant.addresses.delete(idParam(ctx, 'customer_id'), idParam(ctx, 'customer_address_id'));
      return noContent();
    },
  },
];
