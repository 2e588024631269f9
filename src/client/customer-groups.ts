import type { CustomerGroup, GroupCountFilters, GroupCreate, GroupFilters, GroupUpdate } from '../types.js';
import { expectBody, type ClientCore } from './client-core.js';

/** The customer-group operations of the client, bound to one store. */
export function customerGroupMethods(core: ClientCore) {
  const { api } = core;
  const store = { store_hash: core.storeHash };
  const group = (groupId: number) => ({ ...store, customer_group_id: groupId });
  return {
    /** `GET /customer_groups`: one page of groups matching the filters; `[]` when the store answers 204. */
    async listCustomerGroups(query: GroupFilters = {}): Promise<CustomerGroup[]> {
      const { data } = await api.GET('/stores/{store_hash}/v2/customer_groups', {
        params: { path: store, query },
      });
      return data ?? [];
    },
    /** `POST /customer_groups`: creates a group. */
    async createCustomerGroup(body: GroupCreate): Promise<CustomerGroup> {
      const { data } = await api.POST('/stores/{store_hash}/v2/customer_groups', {
        params: { path: store },
        body,
      });
      return expectBody(data, 'createCustomerGroup');
    },
    /** `GET /customer_groups/count`: how many groups match the filters. */
    async countCustomerGroups(query: GroupCountFilters = {}): Promise<number> {
      const { data } = await api.GET('/stores/{store_hash}/v2/customer_groups/count', {
        params: { path: store, query },
      });
      return expectBody(data, 'countCustomerGroups').count;
    },
    /** `GET /customer_groups/{customer_group_id}`. */
    async getCustomerGroup(groupId: number): Promise<CustomerGroup> {
      const { data } = await api.GET('/stores/{store_hash}/v2/customer_groups/{customer_group_id}', {
        params: { path: group(groupId) },
      });
      return expectBody(data, 'getCustomerGroup');
    },
    /** `PUT /customer_groups/{customer_group_id}`: changes the fields sent; `discount_rules` replaces the set. */
    async updateCustomerGroup(groupId: number, body: GroupUpdate): Promise<CustomerGroup> {
      const { data } = await api.PUT('/stores/{store_hash}/v2/customer_groups/{customer_group_id}', {
        params: { path: group(groupId) },
        body,
      });
      return expectBody(data, 'updateCustomerGroup');
    },
    /** `DELETE /customer_groups/{customer_group_id}`: its customers end up in no group. */
    async deleteCustomerGroup(groupId: number): Promise<void> {
      await api.DELETE('/stores/{store_hash}/v2/customer_groups/{customer_group_id}', {
        params: { path: group(groupId) },
      });
    },
  };
}
