import { createClientCore, type ClientOptions } from './client-core.js';
import { customerAddressMethods } from './customer-addresses.js';
import { customerGroupMethods } from './customer-groups.js';
import { customerMethods } from './customers.js';
import type { ResponseMeta } from './rate-limit.js';

/** The typed Customers V2 client: one method per operation, plus the metadata of the last response. */
export type BigCommerceClient = ReturnType<typeof customerMethods> &
  ReturnType<typeof customerAddressMethods> &
  ReturnType<typeof customerGroupMethods> & {
    /** Status, headers and rate limit of the most recent response (success or error) any method received. */
    readonly lastResponse: ResponseMeta | undefined;
  };

/**
 * Creates a client for one store. Methods resolve to the data (lists to arrays, counts to numbers,
 * validate to a boolean, deletes to nothing); they throw `BigCommerceApiError` on any non-2xx and
 * `BigCommerceNetworkError` when no answer arrives (nothing listens, the connection broke).
 */
export function createClient(options: ClientOptions): BigCommerceClient {
  const core = createClientCore(options);
  return {
    ...customerMethods(core),
    ...customerAddressMethods(core),
    ...customerGroupMethods(core),
    get lastResponse() {
      return core.lastResponse;
    },
  };
}
