/** Admin client methods of fault rules: list, add, delete one, clear. */
import { body, type AdminFetch } from './core.js';
import type { FaultRule, FaultRuleCreate } from './types.js';

/** The fault methods. */
export function faultMethods(api: AdminFetch) {
  return {
    /** `GET /__admin/stores/{hash}/faults`: the store's rules, in the order they are tried. */
    async listFaults(hash: string): Promise<FaultRule[]> {
      return body(
        (await api.GET('/__admin/stores/{hash}/faults', { params: { path: { hash } } })).data,
        'listFaults',
      );
    },
    /** `POST /__admin/stores/{hash}/faults`: adds a rule; resolves to it, with its id. */
    async addFault(hash: string, rule: FaultRuleCreate): Promise<FaultRule> {
      const { data } = await api.POST('/__admin/stores/{hash}/faults', {
        params: { path: { hash } },
        body: rule,
      });
      return body(data, 'addFault');
    },
    /** `DELETE /__admin/stores/{hash}/faults/{id}`: removes one rule. */
    async deleteFault(hash: string, id: string): Promise<void> {
      await api.DELETE('/__admin/stores/{hash}/faults/{id}', { params: { path: { hash, id } } });
    },
    /** `DELETE /__admin/stores/{hash}/faults`: removes every rule of the store. */
    async clearFaults(hash: string): Promise<void> {
      await api.DELETE('/__admin/stores/{hash}/faults', { params: { path: { hash } } });
    },
  };
}
