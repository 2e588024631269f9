/** Friendly names for the shapes generated from spec/customers.v2.yaml (see `npm run gen`). */
import type { components, operations, paths } from './generated/schema.js';

type Schemas = components['schemas'];

export type { components, operations, paths };
export type Customer = Schemas['Customer'];
export type CustomerCreate = Schemas['CustomerCreate'];
export type CustomerUpdate = Schemas['CustomerUpdate'];
export type Address = Schemas['Address'];
export type AddressCreate = Schemas['AddressCreate'];
export type AddressUpdate = Schemas['AddressUpdate'];
export type CustomerGroup = Schemas['CustomerGroup'];
export type GroupCreate = Schemas['GroupCreate'];
export type GroupUpdate = Schemas['GroupUpdate'];
export type DiscountRuleInput = Schemas['DiscountRuleInput'];
export type PasswordCheck = Schemas['PasswordCheck'];
export type PasswordResult = Schemas['PasswordResult'];
export type Count = Schemas['Count'];
export type ErrorItem = Schemas['ErrorItem'];
export type ErrorList = Schemas['ErrorList'];
export type GatewayError = Schemas['GatewayError'];

/** Query parameters of `GET /customers`: the filters plus `page` and `limit`. */
export type CustomerFilters = NonNullable<operations['listCustomers']['parameters']['query']>;
/** Query parameters of `GET /customer_groups`. */
export type GroupFilters = NonNullable<operations['listCustomerGroups']['parameters']['query']>;
/** The query parameters of any operation, by operationId (`never` when it takes none). */
export type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;
/** Query parameters of `GET /customers/count` and `DELETE /customers`: the list filters without paging. */
export type CustomerCountFilters = QueryOf<'countCustomers'>;
/** Query parameters of `GET /customer_groups/count`: the group filters without paging. */
export type GroupCountFilters = QueryOf<'countCustomerGroups'>;
/** `page` and `limit`, as taken by `GET /customers/{customer_id}/addresses`. */
export type PageQuery = QueryOf<'listCustomerAddresses'>;
