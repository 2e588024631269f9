import type { Address, AddressCreate, AddressUpdate, PageQuery } from '../types.js';
import { expectBody, type ClientCore } from './client-core.js';

/** The address operations of the client, bound to one store. */
export function customerAddressMethods(core: ClientCore) {
  const { api } = core;
  const owner = (customerId: number) => ({ store_hash: core.storeHash, customer_id: customerId });
  const one = (customerId: number, addressId: number) => ({
    ...owner(customerId),
    customer_address_id: addressId,
  });
  return {
    /** `GET /customers/{customer_id}/addresses`: one page of the customer's addresses; `[]` on 204. */
    async listCustomerAddresses(customerId: number, query: PageQuery = {}): Promise<Address[]> {
      const { data } = await api.GET('/stores/{store_hash}/v2/customers/{customer_id}/addresses', {
        params: { path: owner(customerId), query },
      });
      return data ?? [];
    },
    /** `POST /customers/{customer_id}/addresses`: adds an address to the customer. */
    async createCustomerAddress(customerId: number, body: AddressCreate): Promise<Address> {
      const { data } = await api.POST('/stores/{store_hash}/v2/customers/{customer_id}/addresses', {
        params: { path: owner(customerId) },
        body,
      });
      return expectBody(data, 'createCustomerAddress');
    },
    /** `DELETE /customers/{customer_id}/addresses`: deletes all of the customer's addresses. */
    async deleteCustomerAddresses(customerId: number): Promise<void> {
      await api.DELETE('/stores/{store_hash}/v2/customers/{customer_id}/addresses', {
        params: { path: owner(customerId) },
      });
    },
    /** `GET /customers/addresses/count`: how many addresses all customers have (legacy route). */
    async countAllCustomerAddresses(): Promise<number> {
      const { data } = await api.GET('/stores/{store_hash}/v2/customers/addresses/count', {
        params: { path: { store_hash: core.storeHash } },
      });
      return expectBody(data, 'countAllCustomerAddresses').count;
    },
    /** `GET /customers/{customer_id}/addresses/count`: how many addresses the customer has. */
    async countCustomerAddresses(customerId: number): Promise<number> {
      const { data } = await api.GET('/stores/{store_hash}/v2/customers/{customer_id}/addresses/count', {
        params: { path: owner(customerId) },
      });
      return expectBody(data, 'countCustomerAddresses').count;
    },
    /** `GET /customers/{customer_id}/addresses/{customer_address_id}`. */
    async getCustomerAddress(customerId: number, addressId: number): Promise<Address> {
      const { data } = await api.GET(
        '/stores/{store_hash}/v2/customers/{customer_id}/addresses/{customer_address_id}',
        { params: { path: one(customerId, addressId) } },
      );
      return expectBody(data, 'getCustomerAddress');
    },
    /** `PUT /customers/{customer_id}/addresses/{customer_address_id}`: changes the fields sent. */
    async updateCustomerAddress(
      customerId: number,
      addressId: number,
      body: AddressUpdate,
    ): Promise<Address> {
      const { data } = await api.PUT(
        '/stores/{store_hash}/v2/customers/{customer_id}/addresses/{customer_address_id}',
        { params: { path: one(customerId, addressId) }, body },
      );
      return expectBody(data, 'updateCustomerAddress');
    },
    /** `DELETE /customers/{customer_id}/addresses/{customer_address_id}`. */
    async deleteCustomerAddress(customerId: number, addressId: number): Promise<void> {
      await api.DELETE('/stores/{store_hash}/v2/customers/{customer_id}/addresses/{customer_address_id}', {
        params: { path: one(customerId, addressId) },
      });
    },
  };
}
