/** Admin client methods of the journal: list, clear, verify. */
import { body, type AdminFetch } from './core.js';
import type { JournalEntry, JournalFilter, VerifyRequest, VerifyResult } from './types.js';

/** The journal methods. */
export function journalMethods(api: AdminFetch) {
  return {
    /** `GET /__admin/stores/{hash}/requests`: the store's recorded requests, oldest first. */
    async listRequests(hash: string, filter: JournalFilter = {}): Promise<JournalEntry[]> {
      const { data } = await api.GET('/__admin/stores/{hash}/requests', {
        params: { path: { hash }, query: filter },
      });
      return body(data, 'listRequests');
    },
    /** `DELETE /__admin/stores/{hash}/requests`: clears the store's journal. */
    async clearRequests(hash: string): Promise<void> {
      await api.DELETE('/__admin/stores/{hash}/requests', { params: { path: { hash } } });
    },
    /** `POST /__admin/stores/{hash}/requests/verify`: the outcome (`ok` false on a mismatch, with near misses). */
    async verifyRequests(hash: string, matcher: VerifyRequest): Promise<VerifyResult> {
      const { data } = await api.POST('/__admin/stores/{hash}/requests/verify', {
        params: { path: { hash } },
        body: matcher,
      });
      return body(data, 'verifyRequests');
    },
  };
}
