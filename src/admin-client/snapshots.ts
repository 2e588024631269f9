/** Admin client methods of snapshots and of a store's ndjson export and import. */
import { body, type AdminFetch } from './core.js';
import type { Snapshot, StoreSummary } from './types.js';

/** The snapshot methods. */
export function snapshotMethods(api: AdminFetch) {
  const at = (hash: string) => ({ params: { path: { hash } } });
  const one = (hash: string, id: string) => ({ params: { path: { hash, id } } });
  return {
    /** `POST /__admin/stores/{hash}/snapshots`: takes a snapshot of the store's data. */
    async createSnapshot(hash: string): Promise<Snapshot> {
      return body((await api.POST('/__admin/stores/{hash}/snapshots', at(hash))).data, 'createSnapshot');
    },
    /** `GET /__admin/stores/{hash}/snapshots`: the store's snapshots, oldest first. */
    async listSnapshots(hash: string): Promise<Snapshot[]> {
      return body((await api.GET('/__admin/stores/{hash}/snapshots', at(hash))).data, 'listSnapshots');
    },
    /** `POST /__admin/stores/{hash}/snapshots/{id}/restore`: puts the store back to the snapshot. */
    async restoreSnapshot(hash: string, id: string): Promise<StoreSummary> {
      const { data } = await api.POST('/__admin/stores/{hash}/snapshots/{id}/restore', one(hash, id));
      return body(data, 'restoreSnapshot');
    },
    /** `DELETE /__admin/stores/{hash}/snapshots/{id}`: drops the snapshot. */
    async deleteSnapshot(hash: string, id: string): Promise<void> {
      await api.DELETE('/__admin/stores/{hash}/snapshots/{id}', one(hash, id));
    },
    /** `GET /__admin/stores/{hash}/export`: the store's data as ndjson text. */
    async exportStore(hash: string): Promise<string> {
      const { data } = await api.GET('/__admin/stores/{hash}/export', { ...at(hash), parseAs: 'text' });
      return body(data, 'exportStore');
    },
    /** `PUT /__admin/stores/{hash}/export`: replaces the store with ndjson store data. */
    async importStore(hash: string, ndjson: string): Promise<StoreSummary> {
      const { data } = await api.PUT('/__admin/stores/{hash}/export', {
        ...at(hash),
        body: ndjson,
        bodySerializer: (text: string) => text,
        headers: { 'Content-Type': 'application/x-ndjson' },
      });
      return body(data, 'importStore');
    },
  };
}
