import type {
  Customer,
  CustomerCountFilters,
  CustomerCreate,
  CustomerFilters,
  CustomerUpdate,
  PasswordCheck,
} from '../types.js';
import { expectBody, type ClientCore } from './client-core.js';

/** The customer operations of the client, bound to one store. */
export function customerMethods(core: ClientCore) {
  const { api } = core;
  const store = { store_hash: core.storeHash };
  return {
    /** `GET /customers`: one page of customers matching the filters; `[]` when the store answers 204. */
    async listCustomers(query: CustomerFilters = {}): Promise<Customer[]> {
      const { data } = await api.GET('/stores/{store_hash}/v2/customers', { params: { path: store, query } });
      return data ?? [];
    },
    /** `POST /customers`: creates a customer. */
    async createCustomer(body: CustomerCreate): Promise<Customer> {
      const { data } = await api.POST('/stores/{store_hash}/v2/customers', { params: { path: store }, body });
      return expectBody(data, 'createCustomer');
    },
    /** `DELETE /customers`: deletes every customer matching the filters; `{}` deletes every customer. */
    async deleteCustomers(query: CustomerCountFilters): Promise<void> {
      await api.DELETE('/stores/{store_hash}/v2/customers', { params: { path: store, query } });
    },
    /** `GET /customers/count`: how many customers match the filters. */
    async countCustomers(query: CustomerCountFilters = {}): Promise<number> {
      const { data } = await api.GET('/stores/{store_hash}/v2/customers/count', {
        params: { path: store, query },
      });
      return expectBody(data, 'countCustomers').count;
    },
    /** `GET /customers/{customer_id}`. */
    async getCustomer(customerId: number): Promise<Customer> {
      const { data } = await api.GET('/stores/{store_hash}/v2/customers/{customer_id}', {
        params: { path: { ...store, customer_id: customerId } },
      });
      return expectBody(data, 'getCustomer');
    },
    /** `PUT /customers/{customer_id}`: changes the fields sent and answers the whole customer. */
    async updateCustomer(customerId: number, body: CustomerUpdate): Promise<Customer> {
      const { data } = await api.PUT('/stores/{store_hash}/v2/customers/{customer_id}', {
        params: { path: { ...store, customer_id: customerId } },
        body,
      });
      return expectBody(data, 'updateCustomer');
    },
    /** `DELETE /customers/{customer_id}`: deletes the customer and their addresses. */
    async deleteCustomer(customerId: number): Promise<void> {
      await api.DELETE('/stores/{store_hash}/v2/customers/{customer_id}', {
        params: { path: { ...store, customer_id: customerId } },
      });
    },
    /** `POST /customers/{customer_id}/validate`: whether the password is the customer's. */
    async validateCustomerPassword(customerId: number, body: PasswordCheck): Promise<boolean> {
      const { data } = await api.POST('/stores/{store_hash}/v2/customers/{customer_id}/validate', {
        params: { path: { ...store, customer_id: customerId } },
        body,
      });
      return expectBody(data, 'validateCustomerPassword').success === true;
    },
  };
}
