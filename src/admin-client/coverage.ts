/** Admin client methods of API coverage. */
import { body, type AdminFetch } from './core.js';
import type { CoverageReport } from './types.js';

/** The coverage methods. */
export function coverageMethods(api: AdminFetch) {
  return {
    /** `GET /__admin/coverage`: operations × statuses the traffic exercised, across stores. */
    async getCoverage(): Promise<CoverageReport> {
      return body((await api.GET('/__admin/coverage')).data, 'getCoverage');
    },
    /** `DELETE /__admin/coverage`: forgets the coverage counted so far. */
    async clearCoverage(): Promise<void> {
      await api.DELETE('/__admin/coverage');
    },
  };
}
