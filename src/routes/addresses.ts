/** Routes of /customers/{id}/addresses. */
import type { AddressInput, NewAddressInput } from '../domain/address-rules.js';
import {
  createAddress,
  deleteAddress,
  deleteAddresses,
  requireAddress,
  updateAddress,
} from '../engine/address-ops.js';
import { requireCustomer } from '../engine/customer-ops.js';
import { andThen } from '../engine/op.js';
import { parsePage } from '../query.js';
import { addressJson, addressValue } from '../representation/v2-json.js';
import { checkEchoed, echoedAny } from './read-only.js';
import { count, idParam, location, noContent, ok, page, type ApiRoute } from './route.js';

/** The address routes. */
export const addressRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/customers/:customer_id/addresses',
    operationId: 'listCustomerAddresses',
    handle(ctx) {
      const customerId = idParam(ctx, 'customer_id');
      const p = parsePage(ctx.query, ctx.compat.limitOverMax);
      return andThen(
        ctx.store.read(function* (v) {
          yield* requireCustomer(v, customerId);
          return yield* v.addressPage(customerId, p);
        }),
        (list) => page(list.map(addressJson)),
      );
    },
  },
  {
    method: 'POST',
    path: '/customers/:customer_id/addresses',
    operationId: 'createCustomerAddress',
    body: 'AddressCreate',
    handle(ctx) {
      checkEchoed(ctx.echoed, null);
      const customerId = idParam(ctx, 'customer_id');
      const input = ctx.body as NewAddressInput;
      return andThen(
        ctx.store.write((tx) => createAddress(tx, customerId, input)),
        (a) =>
          ok(
            addressJson(a),
            ctx.compat.createStatus,
            location(ctx, `/customers/${customerId}/addresses/${a.id}`),
          ),
      );
    },
  },
  {
    method: 'DELETE',
    path: '/customers/:customer_id/addresses',
    operationId: 'deleteCustomerAddresses',
    handle(ctx) {
      const customerId = idParam(ctx, 'customer_id');
      return andThen(
        ctx.store.write((tx) => deleteAddresses(tx, customerId)),
        noContent,
      );
    },
  },
  {
    method: 'GET',
    path: '/customers/:customer_id/addresses/count',
    operationId: 'countCustomerAddresses',
    handle(ctx) {
      const customerId = idParam(ctx, 'customer_id');
      return andThen(
        ctx.store.read(function* (v) {
          yield* requireCustomer(v, customerId);
          return yield* v.addressCount(customerId);
        }),
        count,
      );
    },
  },
  {
    method: 'GET',
    path: '/customers/:customer_id/addresses/:customer_address_id',
    operationId: 'getCustomerAddress',
    handle(ctx) {
      const [customerId, id] = [idParam(ctx, 'customer_id'), idParam(ctx, 'customer_address_id')];
      return andThen(
        ctx.store.read((v) => requireAddress(v, customerId, id)),
        (a) => ok(addressJson(a)),
      );
    },
  },
  {
    method: 'PUT',
    path: '/customers/:customer_id/addresses/:customer_address_id',
    operationId: 'updateCustomerAddress',
    body: 'AddressUpdate',
    async handle(ctx) {
      const [customerId, id] = [idParam(ctx, 'customer_id'), idParam(ctx, 'customer_address_id')];
      if (echoedAny(ctx.echoed)) {
        const current = await ctx.store.read((v) => requireAddress(v, customerId, id));
        checkEchoed(ctx.echoed, addressValue(current));
      }
      const input = ctx.body as AddressInput;
      const a = await ctx.store.write((tx) => updateAddress(tx, customerId, id, input));
      return ok(addressJson(a));
    },
  },
  {
    method: 'DELETE',
    path: '/customers/:customer_id/addresses/:customer_address_id',
    operationId: 'deleteCustomerAddress',
    handle(ctx) {
      const [customerId, id] = [idParam(ctx, 'customer_id'), idParam(ctx, 'customer_address_id')];
      return andThen(
        ctx.store.write((tx) => deleteAddress(tx, customerId, id)),
        noContent,
      );
    },
  },
];
