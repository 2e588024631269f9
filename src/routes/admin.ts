/**
 * The admin API under /__admin: health, stores, reset, seed, delete, provider states. It shares
 * the router, body reader and error table of the V2 API; its own token (`X-Admin-Token`) and the
 * loopback guard are checked by the pipeline (src/app.ts).
 */
import { notFoundReason, Rejection } from '../domain/reasons.js';
import { changeProviderState, stateContext } from '../provider-states/index.js';
// [control] Journal, faults, clock, snapshots and coverage routes (src/control, spec/admin.yaml).
import { adminClockRoutes } from './admin-clock.js';
import { adminCoverageRoutes } from './admin-coverage.js';
import { adminFaultRoutes } from './admin-faults.js';
import { adminJournalRoutes } from './admin-journal.js';
import { adminSnapshotRoutes } from './admin-snapshots.js';
import { storeSummary } from './admin-summary.js';
import { json, type AdminRoute } from './route.js';

/** The admin routes. */
export const adminRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/health',
    operationId: 'health',
    open: true,
    handle: () => json({ status: 'ok' }),
  },
  {
    method: 'GET',
    path: '/stores',
    operationId: 'listStores',
    async handle({ stores }) {
      const out = [];
      for (const hash of await stores.hashes()) {
        const { fingerprint: _, ...counts } = await storeSummary(stores, hash);
        out.push(counts);
      }
      return json(out);
    },
  },
  {
    method: 'GET',
    path: '/stores/:hash',
    operationId: 'getStore',
    handle: async ({ stores, params }) => json(await storeSummary(stores, params.hash as string)),
  },
  {
    method: 'POST',
    path: '/stores/:hash/reset',
    operationId: 'resetStore',
    async handle({ stores, params }) {
      await stores.reset(params.hash as string);
      return json(await storeSummary(stores, params.hash as string));
    },
  },
  {
    method: 'POST',
    path: '/stores/:hash/seed',
    operationId: 'seedStore',
    body: true,
    async handle({ stores, params, body, options }) {
      const hash = params.hash as string;
      // Loaded on first use: the generator (faker) would slow every start.
      const [{ seedRequestData }, { dataSetFill }] = await Promise.all([
        import('../fixtures/seed-request.js'),
        import('../dataset/index.js'),
      ]);
      // Filled in slices: seeding a million customers never stalls the other stores.
      await stores.fill(hash, dataSetFill(await seedRequestData(body, hash, options.passwordCost)));
      return json(await storeSummary(stores, hash));
    },
  },
  {
    method: 'DELETE',
    path: '/stores/:hash',
    operationId: 'deleteStore',
    async handle({ stores, params }) {
      if (!(await stores.delete(params.hash as string))) throw new Rejection(notFoundReason());
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/provider-states',
    operationId: 'changeProviderState',
    body: true,
    async handle({ stores, control, body, query, options }) {
      // [control] States are stamped with the fake's (virtual) clock, as requests are.
      const ctx = stateContext(() => control.clocks.now(), options.passwordCost);
      return json(await changeProviderState(stores, body, query, ctx));
    },
  },
  ...adminJournalRoutes,
  ...adminFaultRoutes,
  ...adminClockRoutes,
  ...adminSnapshotRoutes,
  ...adminCoverageRoutes,
];
