/** The typed client for the BigCommerce Customers V2 API (real or fake). */
export { createClient, type BigCommerceClient } from './create-client.js';
export type { ClientOptions } from './client-core.js';
export { BigCommerceApiError, parseErrorBody } from './api-error.js';
export { BigCommerceNetworkError } from './network-error.js';
export { readRateLimit, type RateLimit, type ResponseMeta } from './rate-limit.js';
