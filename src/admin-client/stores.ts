/** Admin client methods of stores: health, list, summary, reset, seed, delete, provider states. */
import { body, type AdminFetch } from './core.js';
import type { SeedRequest, StoreCounts, StoreSummary } from './types.js';

/** The store methods. */
export function storeMethods(api: AdminFetch) {
  const at = (hash: string) => ({ params: { path: { hash } } });
  return {
    /** `GET /__admin/health`: resolves while the fake runs. */
    async health(): Promise<{ status: 'ok' }> {
      return body((await api.GET('/__admin/health')).data, 'health');
    },
    /** `GET /__admin/stores`: the stores in use, with their counts. */
    async listStores(): Promise<StoreCounts[]> {
      return body((await api.GET('/__admin/stores')).data, 'listStores');
    },
    /** `GET /__admin/stores/{hash}`: a store's counts and fingerprint. */
    async getStore(hash: string): Promise<StoreSummary> {
      return body((await api.GET('/__admin/stores/{hash}', at(hash))).data, 'getStore');
    },
    /** `POST /__admin/stores/{hash}/reset`: the store, freshly seeded. */
    async resetStore(hash: string): Promise<StoreSummary> {
      return body((await api.POST('/__admin/stores/{hash}/reset', at(hash))).data, 'resetStore');
    },
    /** `POST /__admin/stores/{hash}/seed`: the store, reset to a generated world or a fixture. */
    async seedStore(hash: string, seed: SeedRequest = {}): Promise<StoreSummary> {
      return body(
        (await api.POST('/__admin/stores/{hash}/seed', { ...at(hash), body: seed })).data,
        'seedStore',
      );
    },
    /** `DELETE /__admin/stores/{hash}`: forgets the store. */
    async deleteStore(hash: string): Promise<void> {
      await api.DELETE('/__admin/stores/{hash}', at(hash));
    },
    /** `POST /__admin/provider-states`: sets up (or tears down) a Pact provider state. */
    async changeProviderState(
      change: { state: string; params?: Record<string, unknown>; action?: 'setup' | 'teardown' },
      storeHash?: string,
    ): Promise<Record<string, unknown>> {
      const { data } = await api.POST('/__admin/provider-states', {
        params: { query: storeHash === undefined ? {} : { store_hash: storeHash } },
        body: change,
      });
      return body(data, 'changeProviderState');
    },
  };
}
