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

/** Query parameters of `GET /customers` (also `count` and delete-many). */
export type CustomerFilters = NonNullable<operations['listCustomers']['parameters']['query']>;
/** Query parameters of `GET /customer_groups`. */
export type GroupFilters = NonNullable<operations['listCustomerGroups']['parameters']['query']>;
