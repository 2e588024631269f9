/** Admin routes of the journal: list and clear a store's requests, verify them. */
import { filterRecords, renderEntry } from '../control/journal-view.js';
import { verifyInput } from '../control/inputs.js';
import { verify } from '../control/verify.js';
import { ApiError } from '../errors.js';
import type { Journal } from '../control/journal.js';
import { hashParam } from './admin-summary.js';
import { json, noContent, type AdminContext, type AdminRoute } from './route.js';

/** The journal, or a 409 saying it is off. */
function journalOf(ctx: AdminContext): Journal {
  const j = ctx.control.journal;
  if (!j)
    throw new ApiError(409, 'The journal is off.', {
      conflict_reason: 'start the fake with --journal <n> (n > 0)',
    });
  return j;
}

/** The journal routes. */
export const adminJournalRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/stores/:hash/requests',
    operationId: 'listRequests',
    handle(ctx) {
      const hash = hashParam(ctx.params);
      return json(filterRecords(journalOf(ctx).entries(hash), hash, ctx.query).map(renderEntry));
    },
  },
  {
    method: 'DELETE',
    path: '/stores/:hash/requests',
    operationId: 'clearRequests',
    handle(ctx) {
      journalOf(ctx).clear(hashParam(ctx.params));
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/stores/:hash/requests/verify',
    operationId: 'verifyRequests',
    body: true,
    handle(ctx) {
      const hash = hashParam(ctx.params);
      return json(verify(journalOf(ctx).entries(hash), hash, verifyInput(ctx.body, hash)));
    },
  },
];
