/** The typed client of the admin API (spec/admin.yaml): one method per route. */
import { clockMethods } from './clock.js';
import { createAdminFetch, type AdminClientOptions } from './core.js';
import { coverageMethods } from './coverage.js';
import { faultMethods } from './faults.js';
import { journalMethods } from './journal.js';
import { snapshotMethods } from './snapshots.js';
import { storeMethods } from './stores.js';

export { AdminApiError, type AdminClientOptions } from './core.js';
export type * from './types.js';

/** The admin client: every admin route as a method; each throws `AdminApiError` on a non-2xx. */
export type AdminClient = ReturnType<typeof storeMethods> &
  ReturnType<typeof journalMethods> &
  ReturnType<typeof faultMethods> &
  ReturnType<typeof clockMethods> &
  ReturnType<typeof snapshotMethods> &
  ReturnType<typeof coverageMethods>;

/** Creates an admin client for a running fake. */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const api = createAdminFetch(options);
  return {
    ...storeMethods(api),
    ...journalMethods(api),
    ...faultMethods(api),
    ...clockMethods(api),
    ...snapshotMethods(api),
    ...coverageMethods(api),
  };
}
